// A PeerServer on our node for scripts/bench/ws.sh: earlynode's built-in one (require("peerjs"))
// on 127.0.0.1:PORT with the defaults, as peerserver_node.js makes npm peer's. It holds the
// load generator's clients and relays their messages until killed.
//
//   node peerserver.js PORT
var peerjs = require("peerjs");
var server = new peerjs.PeerServer({ port: parseInt(ARGV[2]), host: "127.0.0.1" });
server.addListener("listening", function () { puts("listening"); });
server.addListener("error", function (err) { puts("error " + err.message); });
