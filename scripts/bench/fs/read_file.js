// Reads the file named by ARGV[2] through node.fs.File in 64 KiB reads decoded as UTF-8, one
// read after the other, and prints the throughput in MiB/s.
var path = ARGV[2];
var file = new node.fs.File({encoding: "utf8"});
var total = 0;
var start = Date.now();
file.open(path, "r");
function next() {
  file.read(65536).addCallback(function (data) {
    if (data.length === 0) {
      file.close();
      var seconds = (Date.now() - start) / 1000;
      puts((total / 1048576 / seconds).toFixed(1));
      return;
    }
    total += data.length;
    next();
  });
}
next();
