// Bad input and failures, each the documented "error" event with a clear message, never a
// crash or a hang: an invalid id, a taken id, a wrong key, a server that is down (with and
// without an id), a peer that does not exist, an unknown serialization, metadata with no JSON
// form, sends before open, after close, too big for JSON or not serializable, a remote peer
// that disappears, a server that goes away, and connect after destroy.
var peerjs = require("peerjs");
var port = ARGV[2];
var deadPort = ARGV[3]; // nothing listens there

var server = new peerjs.PeerServer({ port: port, host: "127.0.0.1", expire_timeout: 300, cleanup_out_msgs: 100 });
var opts = { host: "127.0.0.1", port: port, config: { iceServers: [] } };

// Messages that carry a cause (an address, a system error) are cut before it.
function show(who, err) {
  puts("  " + who + " error " + err.type + ": " + err.message.split(" (")[0] + " [" + (err instanceof Error) + "]");
}

function watch(peer, who, events) {
  (events || ["open", "disconnected", "close"]).forEach(function (ev) {
    peer.addListener(ev, function () { puts("  " + who + " " + ev); });
  });
  peer.addListener("error", function (err) { show(who, err); });
}

var steps = [
  function invalidId(next) {
    var p = new peerjs.Peer("bad id!", opts);
    watch(p, "peer");
    p.addListener("close", next);
  },
  function takenId(next) {
    var p = new peerjs.Peer("alice", opts);
    watch(p, "second alice");
    p.addListener("close", next);
  },
  function wrongKey(next) {
    var p = new peerjs.Peer("keyed", { host: "127.0.0.1", port: port, key: "nope", config: { iceServers: [] } });
    watch(p, "peer");
    p.addListener("close", next);
  },
  function serverDownWithId(next) {
    var p = new peerjs.Peer("lonely", { host: "127.0.0.1", port: deadPort, config: { iceServers: [] } });
    watch(p, "peer");
    p.addListener("disconnected", function () {
      puts("  disconnected " + p.disconnected + ", destroyed " + p.destroyed);
      p.addListener("close", next);
      p.destroy();
    });
  },
  function serverDownWithoutId(next) {
    var p = new peerjs.Peer({ host: "127.0.0.1", port: deadPort, config: { iceServers: [] } });
    watch(p, "peer");
    p.addListener("close", function () {
      puts("  id " + p.id + ", destroyed " + p.destroyed);
      next();
    });
  },
  function peerUnavailable(next) {
    var conn = alice.connect("ghost");
    conn.addListener("close", function () {
      puts("  conn close, open " + conn.open);
      next();
    });
  },
  function unknownSerialization(next) {
    var conn = alice.connect("bob", "yaml");
    conn.addListener("close", function () {
      puts("  conn close, open " + conn.open);
      next();
    });
  },
  function metadataWithoutJSON(next) {
    var cyclic = {};
    cyclic.self = cyclic;
    var conn = alice.connect("bob", "binary", cyclic);
    conn.addListener("close", next);
  },
  function connectWithoutId(next) {
    var conn = alice.connect("");
    conn.addListener("close", next);
  },
  function sends(next) {
    var json = alice.connect("bob", "json");
    json.addListener("error", function (err) { show("json conn", err); });
    puts("  send before open:");
    json.send("too early");
    json.addListener("open", function () {
      puts("  send a JSON message of 20000 bytes:");
      json.send(new Array(20001).join("x"));
      puts("  send undefined on a JSON connection:");
      json.send(undefined);
      var cyclic = { a: 1 };
      cyclic.self = cyclic;
      puts("  send a cyclic object on a JSON connection:");
      json.send(cyclic);
      var bin = alice.connect("bob", "binary");
      bin.addListener("error", function (err) { show("binary conn", err); });
      bin.addListener("open", function () {
        puts("  send a function on a binary connection:");
        bin.send(function () {});
        puts("  send a cyclic object on a binary connection:");
        bin.send(cyclic);
        puts("  send a RegExp on a binary connection:");
        bin.send(/x/);
        var raw = alice.connect("bob", "none");
        raw.addListener("error", function (err) { show("raw conn", err); });
        raw.addListener("open", function () {
          puts("  send an object on a raw connection:");
          raw.send({ not: "raw" });
          puts("  the connections still work:");
          raw.send("still fine");
        });
      });
    });
    var got = 0;
    bob.addListener("connection", function (conn) {
      conn.addListener("data", function (d) {
        puts("  bob got " + JSON.stringify(d) + " on " + conn.serialization);
        if (d === "still fine") {
          json.close();
          json.addListener("close", function () {
            puts("  send after close:");
            json.send("too late");
            bob.removeAllListeners("connection");
            next();
          });
        }
      });
    });
  },
  function remoteDisappears(next) {
    var conn = alice.connect("bob");
    conn.addListener("open", function () {
      puts("  open; bob is destroyed");
      bob.destroy();
    });
    conn.addListener("close", function () {
      puts("  conn close, alice still open " + alice.open);
      next();
    });
  },
  function serverGoesAway(next) {
    alice.addListener("disconnected", function () {
      puts("  alice open " + alice.open + ", disconnected " + alice.disconnected);
      var conn = alice.connect("anyone");
      conn.addListener("close", function () {
        puts("  conn close");
        next();
      });
    });
    server.close();
  },
  function connectAfterDestroy(next) {
    alice.destroy();
    alice.addListener("close", function () {
      var conn = alice.connect("bob");
      conn.addListener("close", next);
    });
  }
];

var alice = new peerjs.Peer("alice", opts);
var bob = new peerjs.Peer("bob", opts);
watch(alice, "alice", ["disconnected", "close"]);
var n = 0;
function next() {
  if (n === steps.length) {
    puts("done");
    return;
  }
  var step = steps[n++];
  puts(n + ". " + step.name);
  step(next);
}
var opened = 0;
function ready() {
  if (++opened === 2) next();
}
alice.addListener("open", ready);
bob.addListener("open", ready);
