// The man page's chained rename-then-stat example (File I/O), with /tmp/hello and /tmp/world
// adapted to a temporary directory. Around it: /tmp/hello is created first, and the example's
// puts is shadowed by one that masks the numbers and dates that differ from machine to machine,
// so the line printed shows the stats object's exact shape.
function puts(line) {
  var masked = line.replace(/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"/g, "DATE").replace(/:\d+/g, ":N");
  this.puts(masked); // the global puts: `this` is the global object in a plain call
}
var hello = new node.fs.File();
hello.open(ARGV[2] + "/hello", "w");
hello.write("hello\n");
hello.close().addCallback(function () {
  // The example:
  node.fs.rename(ARGV[2] + "/hello", ARGV[2] + "/world")
    .addCallback(function () {
      node.fs.stat(ARGV[2] + "/world")
        .addCallback(function (stats) {
          puts("stats: " + JSON.stringify(stats));
        });
    });
});
