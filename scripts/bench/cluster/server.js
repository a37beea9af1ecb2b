// A PeerServer for scripts/bench/cluster.sh on 127.0.0.1:PORT with discovery, in the cluster
// CLUSTER_JSON (the cluster option as JSON; "false" for none). Usage: node server.js PORT CLUSTER_JSON
var peerjs = require("peerjs");
var server = new peerjs.PeerServer({ port: Number(ARGV[2]), host: "127.0.0.1", allow_discovery: true,
  cluster: JSON.parse(ARGV[3]) });
server.addListener("listening", function () { puts("listening"); });
