// Megabytes on both stdout and stderr at once arrive whole and in order, without deadlock; a
// character split between two reads is not mangled.
var lines = 200000;
var child = node.createProcess("seq 1 " + lines + " >&2 & seq 1 " + lines + "; wait");
var out = [], err = [];
child.addListener("output", function (data) { if (data !== null) out.push(data); });
child.addListener("error", function (data) { if (data !== null) err.push(data); });
child.addListener("exit", function (code) {
  var expected = [];
  for (var i = 1; i <= lines; i++) expected.push(i);
  expected = expected.join("\n") + "\n";
  var o = out.join(""), e = err.join("");
  puts("stdout: " + o.length + " characters, exact " + (o === expected) + ", in " + (out.length > 1 ? "several" : "one") + " pieces");
  puts("stderr: " + e.length + " characters, exact " + (e === expected));
  puts("exit " + code);
  split();
});

function split() {
  var child = node.createProcess("printf '\\303'; sleep 0.1; printf '\\251t\\342\\202'; sleep 0.1; printf '\\254!'");
  var pieces = [];
  child.addListener("output", function (data) { if (data !== null) pieces.push(data); });
  child.addListener("exit", function () {
    puts("split characters: " + JSON.stringify(pieces.join("")));
  });
}
