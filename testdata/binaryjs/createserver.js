// binaryjs.createServer(fn).listen(port): fn receives, for each connection, a stream the server
// created (odd id), here used to push a greeting and end.
var binaryjs = require("binaryjs");
var port = ARGV[2];

var server = binaryjs.createServer(function (stream) {
  stream.write("hello from stream " + stream.id);
  stream.end();
}).listen(port);

var client = new binaryjs.BinaryClient("ws://localhost:" + port);
client.addListener("stream", function (stream, meta) {
  puts("meta " + JSON.stringify(meta));
  stream.addListener("data", function (data) { puts(data); });
  stream.addListener("end", function () {
    client.close();
    server.close();
  });
});
