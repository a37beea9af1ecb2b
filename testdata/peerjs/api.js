// Two Peers in one script through a PeerServer in the same script, over loopback: the seed's
// connect(id, serialization, meta) with every serialization, PeerJS 1.x's
// connect(id, {label, metadata, serialization, reliable}), the properties on both sides, values
// of every kind (a chunked binary message among them) echoed back, close from either side,
// close({flush: true}), and destroy.
include("describe.js");
var peerjs = require("peerjs");
var port = ARGV[2];

function onLoad() {
  var server = new peerjs.PeerServer({ port: port, host: "127.0.0.1" });
  var opts = { host: "127.0.0.1", port: port, path: "/", config: { iceServers: [] } };

  var bob = new peerjs.Peer("bob", opts);
  var alice = new peerjs.Peer(opts);
  puts("alice.id before open: " + alice.id);
  puts("bob.id before open: " + bob.id);

  // bob echoes every message back and reports what it got.
  bob.addListener("connection", function (conn, meta) {
    conn.addListener("data", function (data) {
      puts("  bob got " + describe(data));
      conn.send(data);
    });
    conn.addListener("open", function () {
      say("  bob: open " + conn.open + " " + (bob.connections[conn.peer] === conn));
      step();
    });
    conn.addListener("close", function () {
      say("  bob: close, open " + conn.open);
      step();
    });
    say("  bob: connection from alice " + (conn.peer === alice.id) + ", id " + conn.id +
      ", label " + (conn.label === conn.connectionId ? "(the connection id)" : conn.label) +
      ", meta " + JSON.stringify(meta) + ", metadata " + JSON.stringify(conn.metadata) +
      ", serialization " + conn.serialization + ", reliable " + conn.reliable + ", open " + conn.open);
  });

  var cases = [
    { args: [], values: ["plain"] },
    { args: ["binary", { hello: [1, 2], nested: { ok: true } }], values: [
      "héllo 😀", 0, -1, 127, 128, -33, 65536, -2147483649, 4294967296, 9007199254740992, 1.5, -0.25,
      true, false, null, [], [1, [2, "three"]], {}, { a: 1, b: "x", c: [null, true] },
      new Uint8Array([1, 2, 3]).buffer, new Uint8Array([4, 5, 6, 7]).subarray(1, 3),
      Buffer.from([250, 251]), { buf: new Uint8Array([9, 8]).buffer, when: "later" },
      pattern(40000), [pattern(20000), "after a chunked value"]
    ] },
    { args: ["json", "just a string"], values: [{ x: [1, "two", null], y: { z: true } }, "é", 42, [1.5]] },
    { args: ["none"], values: ["raw text é", new Uint8Array([1, 2, 3]).buffer, Buffer.from("raw buffer")] },
    { args: [{ label: "chat", metadata: { from: "1.x" }, serialization: "raw", reliable: true }], values: ["x"] },
    { args: [{ serialization: "json" }], values: [{ unordered: true }] },
    { args: [{ label: "flush", serialization: "binary", reliable: true }], values: [pattern(50000)], flush: true },
    { args: ["binary"], values: ["bob closes this one"], bobCloses: true }
  ];

  // Events of the two peers race each other: their lines are kept and printed sorted when the
  // phase that waits for them ends.
  var lines = [];
  function say(line) {
    lines.push(line);
  }
  function flush() {
    lines.sort().forEach(function (l) { puts(l); });
    lines = [];
  }

  var next = 0;
  var pending = 0;
  var after_ = null;
  // step counts the events a phase waits for (both opens, both closes).
  function step() {
    if (--pending === 0 && after_) {
      flush();
      var f = after_;
      after_ = null;
      f();
    }
  }
  function waitFor(n, f) {
    pending = n;
    after_ = f;
  }

  function runCase() {
    if (next === cases.length) return finish();
    var c = cases[next++];
    puts("case " + next + ": connect(\"bob\"" + c.args.map(function (a) { return ", " + JSON.stringify(a); }).join("") + ")");
    var conn = alice.connect.apply(alice, ["bob"].concat(c.args));
    puts("  alice: id is alice.id " + (conn.id === alice.id) + ", peer " + conn.peer + ", label " +
      (conn.label === conn.connectionId ? "(the connection id)" : conn.label) +
      ", metadata " + JSON.stringify(conn.metadata) + ", serialization " + conn.serialization +
      ", reliable " + conn.reliable + ", open " + conn.open + ", type " + conn.type);
    var i = 0;
    conn.addListener("data", function (data) {
      puts("  alice got " + describe(data));
      if (i < c.values.length) return conn.send(c.values[i++]);
      if (c.bobCloses) {
        waitFor(2, runCase);
        var bobSide = bob.connections[alice.id];
        bobSide.close();
      } else if (c.flush) {
        waitFor(2, runCase);
        conn.close({ flush: true });
      } else {
        waitFor(2, runCase);
        conn.close();
      }
    });
    conn.addListener("close", function () {
      say("  alice: close, open " + conn.open + ", in connections " + (alice.connections["bob"] === conn));
      step();
    });
    conn.addListener("open", function () {
      say("  alice: open " + conn.open + " " + (alice.connections["bob"] === conn));
      step();
    });
    waitFor(2, function () {
      conn.send(c.values[i++]);
    });
  }

  var opened = after(2, function () {
    flush();
    puts("alice open with a server-made id: " + /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(alice.id) +
      ", alice.open " + alice.open);
    puts("bob open as " + bob.id + ", server clients " + server.clients().length);
    runCase();
  });
  alice.addListener("open", function (id) { if (id === alice.id) opened(); });
  bob.addListener("open", function (id) { say("bob: open " + id); opened(); });

  function finish() {
    // destroy closes a live connection on both sides, then the peers.
    puts("destroy with a live connection");
    var conn = alice.connect("bob");
    waitFor(2, function () {
      waitFor(4, function () {
        puts("destroyed: alice " + alice.destroyed + ", bob " + bob.destroyed);
        server.close();
      });
      alice.addListener("close", function () { say("alice: close"); step(); });
      bob.addListener("close", function () { say("bob: close"); step(); });
      conn.addListener("close", function () { say("  alice: close"); step(); });
      alice.destroy();
      bob.destroy();
    });
    conn.addListener("open", function () { say("  alice: open"); step(); });
  }
  server.addListener("close", function () { puts("server: close"); });
}
