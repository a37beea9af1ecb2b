// Errors a program sees: a refused connection and a bad address (error, then close), a port in
// use, a server without port or server, values that cannot be packed, writing to a destroyed
// stream and creating a stream on a closed client.
var binaryjs = require("binaryjs");
var port = ARGV[2], busyPort = ARGV[3];

var refused = new binaryjs.BinaryClient("ws://127.0.0.1:" + busyPort + "/nobody");
refused.addListener("error", function (e) {
  puts("refused: error " + (e.message.indexOf("connect ws://127.0.0.1:" + busyPort + "/nobody: ") === 0) +
    " " + (e.message.indexOf("connection refused") >= 0));
});
refused.addListener("close", function () { puts("refused: close"); badAddress(); });

function badAddress() {
  var bad = new binaryjs.BinaryClient("ftp://example.com/");
  bad.addListener("error", function (e) { puts("bad address: " + e.message); });
  bad.addListener("close", function () { puts("bad address: close"); busy(); });
}

function busy() {
  var first = new binaryjs.BinaryServer({ port: port });
  first.addListener("listening", function () {
    var second = new binaryjs.BinaryServer({ port: port });
    second.addListener("error", function (e) {
      puts("second server: " + e.message.replace(":" + port + ":", ":PORT:"));
      try {
        new binaryjs.BinaryServer({ host: "127.0.0.1" });
      } catch (err) {
        puts("no port: " + err.message);
      }
      values(first);
    });
  });
}

function values(server) {
  server.addListener("connection", function (c) {
    c.addListener("stream", function (s) {
      s.addListener("data", function (d) { puts("server got " + JSON.stringify(d)); });
    });
  });
  var client = new binaryjs.BinaryClient("ws://localhost:" + port);
  client.addListener("open", function () {
    var s = client.createStream();
    [function () {}, Infinity, new Map()].forEach(function (v) {
      try {
        s.write(v);
      } catch (e) {
        puts("write " + String(v).split("\n")[0] + ": " + e.message);
      }
    });
    s.write("still fine");
    s.destroy();
    try {
      s.write("after destroy");
    } catch (e) {
      puts("write after destroy: " + e.message);
    }
    client.close();
  });
  client.addListener("close", function () {
    try {
      client.createStream();
    } catch (e) {
      puts("createStream after close: " + e.message);
    }
    server.close();
  });
}
