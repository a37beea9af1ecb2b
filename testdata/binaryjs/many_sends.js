// One connection, 10,000 client.send calls: binaryjs never ends the stream send() makes, so
// the server evicts the oldest past options.maxStreams (4096) and every message arrives.
var binaryjs = require("binaryjs");
var port = parseInt(ARGV[2], 10);
var server = new binaryjs.BinaryServer({port: port});
var data = 0, closed = 0, errors = 0;
server.addListener("connection", function (client) {
  client.addListener("stream", function (stream, meta) {
    stream.addListener("data", function () {
      data++;
      if (data === 10000) {
        puts("data " + data + ", closed " + closed + ", errors " + errors);
        node.exit(0);
      }
    });
    stream.addListener("close", function () { closed++; });
  });
  client.addListener("error", function (e) { errors++; puts("server error " + e.message); });
});
var client = new binaryjs.BinaryClient("ws://127.0.0.1:" + port);
client.addListener("open", function () {
  var i = 0;
  function batch() {
    for (var k = 0; k < 1000 && i < 10000; k++, i++) client.send("message " + i);
    if (i < 10000) setTimeout(batch, 0);
  }
  batch();
});
