// BinaryServer, BinaryClient and BinaryStream on one connection: ids (even from the client, odd
// from the server), meta, client.streams and server.clients bookkeeping, send() of a Buffer
// (chunked by chunkSize, then ended), of a plain value (one message, no end) and of a stream
// (piped), createStream before open, and close on both sides.
var binaryjs = require("binaryjs");
var port = ARGV[2];

var server = new binaryjs.BinaryServer({ port: port, chunkSize: 4 });
var ended = 0;

server.addListener("connection", function (client) {
  // Printed with the first stream: the server's connection and the client's open happen on
  // two sides of one handshake, in no fixed order.
  var connected = "server: connection id=" + client.id + " clients=" + Object.keys(server.clients).join(",");
  client.addListener("stream", function (stream, meta) {
    if (connected) {
      puts(connected);
      connected = null;
    }
    var parts = [];
    stream.addListener("data", function (data) {
      parts.push(data instanceof Buffer ? "Buffer(" + data.length + ")" : JSON.stringify(data));
    });
    stream.addListener("end", function () {
      puts("server: stream " + stream.id + " " + JSON.stringify(meta) + " got " + parts.join(" ") + " then end");
      if (++ended === 5) {
        // The server's chunkSize (4) applies to the streams it sends.
        var s = client.send(Buffer.from("0123456789"), { from: "server" });
        puts("server: send id=" + s.id);
      }
    });
  });
  client.addListener("close", function () {
    puts("server: client close, clients left " + Object.keys(server.clients).length);
    server.close();
  });
});

var client = new binaryjs.BinaryClient("ws://localhost:" + port, { chunkSize: 3 });
try {
  client.createStream();
} catch (e) {
  puts("client: " + e.message);
}
client.addListener("open", function () {
  puts("client: open");
  var a = client.createStream({ kind: "createStream" });
  a.write("hello");
  a.write([1, { two: 2 }]);
  a.end();
  var b = client.send(Buffer.from("abcdefgh"), "buffer");
  var c = client.send({ just: "one message" }, "value");
  c.end();
  var through = new node.Stream();
  var d = client.send(through, "piped");
  through.write("x");
  through.write("y");
  through.end();
  var e = client.createStream("last");
  e.end();
  puts("client: ids " + [a.id, b.id, c.id, d.id, e.id].join(","));
  puts("client: streams " + Object.keys(client.streams).join(","));
});
client.addListener("stream", function (stream, meta) {
  var n = 0, bytes = 0;
  stream.addListener("data", function (data) { n++; bytes += data.length; });
  stream.addListener("end", function () {
    puts("client: stream " + stream.id + " " + JSON.stringify(meta) + " " + n + " chunks, " + bytes + " bytes, end");
    client.close();
  });
});
client.addListener("close", function () {
  puts("client: close, streams left " + Object.keys(client.streams).length);
});
