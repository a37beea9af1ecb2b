// A Peer for modules/peerjs/cluster_test.go, on the PeerServer at 127.0.0.1:PORT (or HOST:PORT).
// Usage: cluster_peer.js [HOST:]PORT ROLE ID [OTHER]
//   answer: registers as ID and echoes every message of every connection ("ID got DATA")
//   call:   registers as ID, connects to OTHER, sends a message, prints the echo, ends
//   claim:  registers as ID and prints the error it gets ("error TYPE") or "open"
var peerjs = require("peerjs");
var at = ARGV[2].split(":"), host = at.length > 1 ? at[0] : "127.0.0.1", port = Number(at[at.length - 1]);
var role = ARGV[3], id = ARGV[4], other = ARGV[5];
var peer = new peerjs.Peer(id, { host: host, port: port, path: "/", config: { iceServers: [] } });
peer.addListener("error", function (err) {
  puts("error " + err.type);
  if (role === "claim") peer.destroy();
});
peer.addListener("open", function () {
  puts("open " + peer.id);
  if (role === "claim") { peer.destroy(); return; }
  if (role !== "call") return;
  var conn = peer.connect(other, { serialization: "json" });
  conn.addListener("open", function () { conn.send({ from: id, text: "hello across the cluster" }); });
  conn.addListener("data", function (data) {
    puts(id + " got " + JSON.stringify(data));
    peer.destroy();
  });
});
peer.addListener("connection", function (conn) {
  conn.addListener("data", function (data) {
    puts(id + " got " + JSON.stringify(data));
    conn.send({ echo: data });
  });
});
