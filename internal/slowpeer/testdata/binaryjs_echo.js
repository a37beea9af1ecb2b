// BinaryJS echo server that ignores write()'s false: what a client's stream sends is written
// back. A client that sends without reading makes the server queue its echo; past the write
// limit the client gets an error naming the limit and is closed.
var binaryjs = require("binaryjs");
var server = new binaryjs.BinaryServer({ port: ARGV[2], path: "/bin" });
server.addListener("listening", function () { puts("listening"); });
server.addListener("connection", function (client) {
  client.addListener("error", function (e) { puts("error: " + e.message); });
  client.addListener("close", function () { puts("close"); });
  client.addListener("stream", function (stream) {
    stream.addListener("data", function (data) { stream.write(data); });
    stream.addListener("error", function () {});
  });
});
