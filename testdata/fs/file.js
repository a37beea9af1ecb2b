// node.fs.File: the queue runs open, write, read and close in order without chaining; modes
// have their usual meanings; encodings raw (default) and utf8; positions; puts and print.
var path = ARGV[2] + "/file.txt";
var file = new node.fs.File;
puts("made without parentheses: " + (file instanceof node.fs.File) + ", emitter " + (file instanceof node.EventEmitter));
file.open(path, "w").addCallback(function (fd) { puts("open w gave a number: " + (typeof fd)); });
file.write("hello ");
file.write("wörld").addCallback(function (n) { puts("wrote " + n + " bytes"); });
file.puts("!");
file.print("tail");
file.write("HE", 0);
file.close().addCallback(function () {
  puts("closed, fd " + file.fd);
  reading();
});

function reading() {
  var raw = new node.fs.File();
  raw.open(path, "r");
  raw.read(5, 0).addCallback(function (data) { puts("raw read: " + JSON.stringify(data)); });
  raw.read(4).addCallback(function (data) { puts("raw next: " + JSON.stringify(data)); });
  raw.close().addCallback(readWrite);
}

function readWrite() {
  var text = new node.fs.File({encoding: "utf8"});
  text.open(path, "r+");
  text.read(100, 0).addCallback(function (data) { puts("utf8 read: " + JSON.stringify(data)); });
  text.write("J", 0);
  text.read(100, 0).addCallback(function (data) { puts("after r+ write: " + JSON.stringify(data)); });
  text.read(10, 1000).addCallback(function (data) { puts("past the end: " + JSON.stringify(data)); });
  text.close().addCallback(appending);
}

function appending() {
  var log = new node.fs.File({encoding: "utf8"});
  log.open(path, "a+");
  log.write("+more", 0); // appends whatever the position says
  log.read(100, 0).addCallback(function (data) { puts("a+: " + JSON.stringify(data)); });
  log.close().addCallback(truncating);
}

function truncating() {
  var w = new node.fs.File({encoding: "utf8"});
  w.open(path, "w+");
  w.write("fresh");
  w.read(100, 0).addCallback(function (data) { puts("w+ truncated: " + JSON.stringify(data)); });
  w.close().addCallback(onFd);
}

function onFd() {
  node.fs.open(path, node.O_RDONLY).addCallback(function (fd) {
    var f = new node.fs.File({fd: fd, encoding: "utf8"});
    f.read(3, 1).addCallback(function (data) { puts("File on fd: " + JSON.stringify(data)); });
    f.close().addCallback(function () { puts("done"); });
  });
}
