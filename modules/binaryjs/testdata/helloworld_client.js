// The browser page of binaryjs 0.2.1's examples/helloworld (index.html) as a Node program:
// it connects to ws://localhost:9000, collects the stream the server sends and prints its
// length and SHA-256 instead of showing the image. Run on Node 20 with the real binaryjs.
var BinaryClient = require('binaryjs').BinaryClient;
var crypto = require('crypto');
var client = new BinaryClient('ws://localhost:9000');
client.on('stream', function (stream, meta) {
  var parts = [];
  stream.on('data', function (data) { parts.push(data); });
  stream.on('end', function () {
    var b = Buffer.concat(parts);
    console.log('received ' + b.length + ' ' + crypto.createHash('sha256').update(b).digest('hex'));
    client.close();
    process.exit(0); // binaryjs 0.2.1's client otherwise lingers 30 s after close (on any server)
  });
});
client.on('error', function (e) { console.log('error ' + e.message); process.exit(1); });
