// Encodings of received data: raw (the default) gives arrays of unsigned integers 0..255,
// "utf8" strings (a character split between two reads arrives whole), "ascii" one character
// per byte; names are case-insensitive. send() takes strings (ascii by default, or utf8) and
// arrays of integers. setEncoding("buffer") is an extension beyond 0.1.0: binary-safe Buffers.
var PORT = parseInt(ARGV[2]);
var steps = [];

// The server sends, per connection, what the client's first message asks for.
var server = node.tcp.createServer(function (socket) {
  socket.setEncoding("utf8");
  socket.addListener("receive", function (what) {
    if (what == "bytes") {
      socket.send([0, 1, 127, 128, 200, 255]);
      socket.close();
    } else if (what == "split") {
      // "é" is C3 A9 in UTF-8: its two bytes go in two writes, the second once the client
      // has read the first.
      socket.send([0x68, 0xC3]);
    } else if (what == "more") {
      socket.send([0xA9, 0x21]);
      socket.close();
    } else if (what == "utf8") {
      socket.send("h\u00e9llo \u20ac", "utf8");
      socket.close();
    } else if (what == "all") {
      var all = [];
      for (var i = 0; i < 256; i++) all.push(i);
      socket.send(all);
      socket.close();
    }
  });
  socket.addListener("eof", function () { socket.close(); });
});
server.listen(PORT);

function fetch (what, encoding, show, next) {
  var c = node.tcp.createConnection(PORT);
  if (encoding) c.setEncoding(encoding);
  var got = [];
  c.addListener("connect", function () { c.send(what); });
  c.addListener("receive", function (data) {
    got.push(data);
    if (what == "split" && got.length == 1) c.send("more");
  });
  c.addListener("eof", function () { c.close(); });
  c.addListener("disconnect", function () {
    puts(what + " as " + (encoding || "default") + ": " + show(got));
    next();
  });
}

function json (got) { return JSON.stringify(got.length == 1 ? got[0] : got); }
function joined (got) { return JSON.stringify(got.join("")); }
function bufs (got) {
  var n = 0, ok = true;
  got.forEach(function (b) {
    for (var i = 0; i < b.length; i++) { if (b[i] !== n) ok = false; n++; }
  });
  return n + " bytes, Buffer " + (got[0] instanceof Buffer) + ", in order " + ok;
}

var runs = [
  ["bytes", null, json],
  ["bytes", "raw", json],
  ["bytes", "RAW", json],
  ["bytes", "ascii", function (got) { return JSON.stringify(got.join("").split("").map(function (ch) { return ch.charCodeAt(0); })); }],
  ["utf8", "utf8", joined],
  ["utf8", "UTF8", joined],
  ["split", "utf8", function (got) { return joined(got) + " in " + got.length + " receive events"; }],
  ["all", "buffer", bufs]
];
function run () {
  var r = runs.shift();
  if (!r) { server.close(); return; }
  fetch(r[0], r[1], r[2], run);
}
run();

var c = new node.tcp.Connection();
try { c.setEncoding("latin9"); } catch (e) { puts("bad encoding: " + e.message); }
