// A PeerServer for the interop tests (modules/peerjs/binding_interop_test.go): it listens on
// HOST:PORT with a short expire_timeout, prints {"listening": port} and serves until killed.
//
//   node peerserver.js PORT [HOST]
var peerjs = require("peerjs");
var port = parseInt(ARGV[2]);
var host = ARGV[3] || "127.0.0.1";

var server = new peerjs.PeerServer({ port: port, host: host, expire_timeout: 1000, cleanup_out_msgs: 200 });
server.addListener("listening", function () {
  puts(JSON.stringify({ listening: server.address().port }));
});
server.addListener("error", function (err) {
  puts(JSON.stringify({ error: err.message }));
  node.exit(1);
});
