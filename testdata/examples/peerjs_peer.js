// The 2013 PeerJS API reference (docs/wire/peerjs.md), call by call: new Peer([id], options), peer.id,
// peer.connections, peer.connect(id, [serialization], [meta]), the connection event with its
// meta, the DataConnection's properties, send, data, close, and peer.destroy(). The seed's
// host and port point at a PeerServer in the same script (the cloud server is not used).
var peerjs = require("peerjs");
var Peer = peerjs.Peer;
var PORT = ARGV[2];

var server = new peerjs.PeerServer({ port: PORT });

// new Peer([id], options): with an id, and without one (the server generates it).
var peer = new Peer('someid', { host: 'localhost', port: PORT });
var other = new Peer({ host: 'localhost', port: PORT, debug: false });
puts("peer.id: " + peer.id + ", other.id before open: " + other.id);

other.on('open', function (id) {
  puts("other is open; its id came from the server: " + (id === other.id && id.length === 36));
  var connection = other.connect('someid', 'binary', { hello: 'from other' });
  connection.on('open', function () {
    puts("connection open: id is other.id " + (connection.id === other.id) + ", peer " + connection.peer +
         ", serialization " + connection.serialization + ", open " + connection.open);
    puts("other.connections['someid'] is the connection: " + (other.connections['someid'] === connection));
    connection.send({ text: 'Hello!', list: [1, 2, 3], bytes: new Uint8Array([1, 2, 3]).buffer });
  });
  connection.on('data', function (data) {
    puts("other got: " + data);
    connection.close();
  });
  connection.on('close', function () {
    puts("other: connection closed");
    peer.destroy();
    other.destroy();
  });
});

peer.on('connection', function (connection, meta) {
  puts("peer: connection from the other peer " + (connection.peer === other.id) + ", meta " + JSON.stringify(meta));
  connection.on('data', function (data) {
    puts("peer got: text " + data.text + ", list " + JSON.stringify(data.list) +
         ", bytes an ArrayBuffer " + (data.bytes instanceof ArrayBuffer) + " of " + data.bytes.byteLength);
    connection.send('Thanks!');
  });
});

peer.on('error', function (error) { puts("peer error: " + error.message); });
other.on('error', function (error) { puts("other error: " + error.message); });

var closed = 0;
function onClose() {
  if (++closed === 2) {
    puts("both peers closed");
    server.close();
  }
}
peer.on('close', onClose);
other.on('close', onClose);
