// write feeds the child's stdin (ascii by default, utf8 or raw on request); close ends it.
var cat = node.createProcess("cat");
var got = "";
cat.addListener("output", function (data) {
  if (data !== null) got += data;
});
cat.addListener("exit", function (code) {
  puts("cat gave back " + JSON.stringify(got) + " and exited " + code);
  puts("write after close: " + cat.write("late"));
  wc();
});
puts("write returns " + cat.write("plain ascii, "));
cat.write("ünïcode, ", "utf8");
cat.write([114, 97, 119, 10], "raw");
cat.close();

// A child that reads everything before it answers: 4 MiB in, its count out.
function wc() {
  var counter = node.createProcess("wc -c");
  var answer = "";
  counter.addListener("output", function (data) {
    if (data !== null) answer += data;
  });
  counter.addListener("exit", function (code) {
    puts("wc -c counted " + answer.trim() + " bytes");
  });
  var chunk = "";
  for (var i = 0; i < 1024; i++) chunk += "0123456789abcdef";
  for (var j = 0; j < 256; j++) counter.write(chunk);
  counter.close();
}
