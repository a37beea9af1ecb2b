// One PeerJS benchmark round on our node: a PeerServer and two Peers in this process, one
// binary DataConnection over loopback (scripts/bench/peerjs.sh).
//
//   node ours.js PORT open N    mean ms from connect() to the dialling side's open, N dials
//   node ours.js PORT msgs N    small messages per second, N messages one way
//   node ours.js PORT mib N     MB/s (10^6 bytes) of 1 MiB messages, N messages one way
//
// The figure is the last line of stdout.
var peerjs = require("peerjs");
var port = parseInt(ARGV[2]);
var mode = ARGV[3];
var n = parseInt(ARGV[4]);

var server = new peerjs.PeerServer({ port: port, host: "127.0.0.1" });
var opts = { host: "127.0.0.1", port: port, config: { iceServers: [] } };
var alice = new peerjs.Peer("alice", opts);
var bob = new peerjs.Peer("bob", opts);

function done(figure) {
  puts(figure);
  alice.destroy();
  bob.destroy();
  server.close();
}

var received = 0;
var onData = null;
bob.addListener("connection", function (conn) {
  conn.addListener("data", function (d) { onData(d); });
});

// dial connects once and calls back with the open connection and the ms it took.
function dial(cb) {
  var t0 = Date.now();
  var conn = alice.connect("bob", { serialization: "binary", reliable: true });
  conn.addListener("open", function () { cb(conn, Date.now() - t0); });
}

function runOpen() {
  var total = 0, k = 0;
  dial(function (warm) {
    warm.close();
    (function again() {
      dial(function (conn, ms) {
        total += ms;
        conn.close();
        if (++k === n) return done((total / n).toFixed(2));
        again();
      });
    })();
  });
}

function runMessages(value, perMessage) {
  dial(function (conn) {
    // Warm up with one message, then time n.
    onData = function () {
      var t0 = Date.now();
      onData = function () {
        if (++received === n) {
          var s = (Date.now() - t0) / 1000;
          done(perMessage ? (n * perMessage / 1e6 / s).toFixed(2) : Math.round(n / s));
        }
      };
      for (var i = 0; i < n; i++) conn.send(value);
    };
    conn.send(value);
  });
}

var ready = 0;
function start() {
  if (++ready < 2) return;
  if (mode === "open") runOpen();
  else if (mode === "msgs") runMessages("hello, peer", 0);
  else if (mode === "mib") {
    var mib = new Uint8Array(1 << 20);
    for (var i = 0; i < mib.length; i++) mib[i] = (i * 7) & 255;
    runMessages(mib, 1 << 20);
  }
}
alice.addListener("open", start);
bob.addListener("open", start);
