// A PeerServer that is one member of a cluster, for modules/peerjs/cluster_test.go.
// Usage: cluster_server.js PORT CLUSTER_JSON [HOST] (the cluster option, as JSON; HOST defaults
// to 127.0.0.1). Prints "listening" and serves until killed.
var peerjs = require("peerjs");
var server = new peerjs.PeerServer({ port: Number(ARGV[2]), host: ARGV[4] || "127.0.0.1", allow_discovery: true,
  expire_timeout: 1000, cluster: JSON.parse(ARGV[3]) });
server.addListener("listening", function () { puts("listening"); });
server.addListener("connection", function (id) { puts("connection " + id + " on worker " + node.worker.index); });
