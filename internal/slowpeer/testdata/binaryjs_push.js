// BinaryJS server that honours write()'s false: on each stream a client opens it writes
// ARGV[3] MiB in 64 KiB Buffers, stopping while write() returns false and going on at 'drain'.
// It prints "backed up" the first time write() returns false and "sent" once it ended.
var binaryjs = require("binaryjs");
var TOTAL = parseInt(ARGV[3]) * 1048576, CHUNK = 65536;
var server = new binaryjs.BinaryServer({ port: ARGV[2], path: "/bin" });
var piece = Buffer.alloc(CHUNK, 121);
server.addListener("listening", function () { puts("listening"); });
server.addListener("connection", function (client) {
  client.addListener("error", function (e) { puts("error: " + e.message); });
  client.addListener("stream", function (stream) {
    var sent = 0, backedUp = false;
    function pump() {
      while (sent < TOTAL) {
        sent += CHUNK;
        if (!stream.write(piece)) {
          if (!backedUp) puts("backed up");
          backedUp = true;
          return;
        }
      }
      stream.end();
      puts("sent");
    }
    stream.addListener("drain", pump);
    stream.addListener("error", function (e) { puts("stream error: " + e.message); });
    pump();
  });
});
