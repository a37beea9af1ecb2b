// A PeerServer in a script, as npm peer's README starts one (PeerServer({port, path})), with
// its connection and disconnect events; a Peer registers through it and leaves.
var PeerServer = require("peerjs").PeerServer;
var PORT = parseInt(ARGV[2]);

var server = PeerServer({ port: PORT, path: '/myapp' }, function () {
  puts("PeerServer listening on port " + (server.address().port === PORT ? "PORT" : "?") + ", path /myapp");
});

server.on('connection', function (id) {
  puts("connection: " + id);
});

server.on('disconnect', function (id) {
  puts("disconnect: " + id);
  server.close();
});

server.on('close', function () {
  puts("server closed");
});

var Peer = require("peerjs").Peer;
var peer = new Peer('visitor', { host: 'localhost', port: PORT, path: '/myapp' });
peer.on('open', function (id) {
  peer.destroy();
});
