// Benchmark peer, server role: counts what arrives on each stream and, at the stream's end,
// answers on it with {messages, bytes}. Runs unchanged on Node 20 with the real binaryjs 0.2.1
// (require resolves to scripts/interop/node_modules through NODE_PATH) and on earlynode.
//
//   node server.js PORT
var binaryjs = require("binaryjs");
var argv = typeof ARGV !== "undefined" ? ARGV : process.argv;
var server = new binaryjs.BinaryServer({ port: Number(argv[2]) });
server.on("connection", function (client) {
  client.on("stream", function (stream) {
    var messages = 0, bytes = 0;
    stream.on("data", function (d) {
      messages++;
      if (d && typeof d.length === "number") bytes += d.length;
    });
    stream.on("end", function () {
      stream.write({ messages: messages, bytes: bytes });
    });
  });
  client.on("close", function () {
    server.close();
    if (typeof ARGV === "undefined") setTimeout(function () { process.exit(0); }, 20);
  });
});
