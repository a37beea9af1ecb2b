// Bad input reaches the errback (and a File's "error" event) as an Error naming the call, what
// it was given and the system's error; nothing crashes or hangs. Each step runs after the last.
var tmp = ARGV[2];
var steps = [
  function () { return node.fs.open(tmp + "/missing", node.O_RDONLY); },
  function () { return node.fs.stat(tmp + "/missing"); },
  function () { return node.fs.unlink(tmp + "/missing"); },
  function () { return node.fs.rename(tmp + "/missing", tmp + "/other"); },
  function () { return node.fs.rmdir(tmp + "/missing"); },
  function () { return node.fs.cat(tmp + "/missing"); },
  function () { return node.cat(tmp + "/missing", "utf8"); },
  function () { return node.fs.open("/sys/kernel/notes", node.O_WRONLY); },
  function () { return node.fs.mkdir(tmp); },
  function () { return node.fs.open(tmp, node.O_RDWR); },
  function () { return node.fs.read(9999, 10, 0, node.UTF8); },
  function () { return node.fs.write(9999, "x", null); },
  function () { return node.fs.close(12345); },
  function () { return node.fs.close("three"); },
  function () { return node.fs.read(0, -1, 0); },
  function () { return node.fs.read(0, 1e12, 0); },
  function () { return node.fs.read(0, 10, -5); },
  function () { return node.fs.open(tmp + "/x", "rw"); },
  function () { return node.fs.open(tmp + "/x", node.O_RDONLY, "rw-"); },
  function () { return node.fs.stat(); },
  function () { return node.fs.write(1, undefined); }
];

function run(i) {
  if (i == steps.length) return files();
  steps[i]().addCallback(function () {
    puts(i + ": unexpected success");
    run(i + 1);
  }).addErrback(function (e) {
    puts(i + ": " + e.message.split(tmp).join("TMP") + " [" + e.code + "]");
    run(i + 1);
  });
}
run(0);

function files() {
  var events = [];
  var f = new node.fs.File();
  f.addListener("error", function (e) { events.push(e.message.split(tmp).join("TMP")); });
  f.open(tmp + "/nope/file", "r").addErrback(function (e) {
    puts("File open errback: " + (e instanceof Error) + " " + e.syscall + " " + e.code);
  });
  f.open(tmp + "/m", "rw");
  f.write("into nothing");
  f.read(10);
  f.open(tmp + "/m", "w");
  f.write("ok", null);
  f.write("bad position", -1);
  f.read(1e12);
  f.open(tmp + "/other", "w");
  f.close();
  f.write("after close").addErrback(function () {
    puts("File error events:");
    for (var i = 0; i < events.length; i++) puts("  " + events[i]);
    quiet();
  });
}

function quiet() {
  // No error listener and no errback: the failure is ignored, as in 0.1.0.
  var f = new node.fs.File();
  f.read(10);
  f.close().addErrback(function (e) {
    puts("unheard failures are ignored; close said: " + e.message);
    var dir = new node.fs.File({encoding: "utf8"});
    dir.open(tmp, "r");
    dir.read(10).addErrback(function (e) {
      puts("reading a directory: " + e.message.split(tmp).join("TMP"));
      dir.close();
      try {
        node.fs.File.prototype.read.call({}, 10);
      } catch (err) {
        puts("not a File: " + err.name);
      }
    });
  });
}
