// What keeps a script alive: a Peer connected to its server, or with a live connection. When
// the server goes away, a connection made before keeps working (the server only brokers), and
// the script ends by itself once it closes, without destroy().
var peerjs = require("peerjs");
var port = ARGV[2];

var server = new peerjs.PeerServer({ port: port, host: "127.0.0.1" });
var opts = { host: "127.0.0.1", port: port, config: { iceServers: [] } };
var alice = new peerjs.Peer("alice", opts);
var bob = new peerjs.Peer("bob", opts);
var disconnected = 0;

bob.addListener("connection", function (conn) {
  conn.addListener("data", function (d) {
    puts("bob got " + d);
    if (d === "before") {
      server.close();
    } else {
      conn.close();
    }
  });
});

function onDisconnected() {
  if (++disconnected < 2) return;
  puts("both peers lost the server: alice.disconnected " + alice.disconnected + ", bob.open " + bob.open);
  alice.connections["bob"].send("after");
}
alice.addListener("disconnected", onDisconnected);
bob.addListener("disconnected", onDisconnected);

alice.addListener("open", function () {
  var conn = alice.connect("bob");
  conn.addListener("open", function () { conn.send("before"); });
  conn.addListener("close", function () { puts("alice: connection closed"); });
});

function onExit() {
  puts("exit: destroyed " + alice.destroyed + " " + bob.destroyed + ", disconnected " + alice.disconnected + " " + bob.disconnected);
}
