// Runs the man page's echo server (tcp_echo_example.js, on PORT instead of 7000) and talks to
// it: a greeting, an echo, and goodbye after our half-close.
PORT = parseInt(ARGV[2]);
include("tcp_echo_example.js");

function onLoad () {
  var c = node.tcp.createConnection(PORT, "localhost");
  c.setEncoding("utf8");
  var got = "";
  c.addListener("receive", function (data) {
    got += data;
    if (got == "hello\r\n") c.send("echo me\r\n");
    if (got == "hello\r\necho me\r\n") c.close();
  });
  c.addListener("disconnect", function (had_error) {
    puts(JSON.stringify(got));
    puts("disconnect had_error " + had_error);
    node.exit(0);
  });
}
