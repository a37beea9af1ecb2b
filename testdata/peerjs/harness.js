// Our side of the PeerJS interop tests (modules/peerjs/binding_interop_test.go): a Peer of
// require("peerjs") driven by a Go test with the same calls and events as the PeerJS 1.5.5
// harness (scripts/interop/peerjs/harness.js), so one Go test drives either.
//
//   node harness.js PORT [HOST]
//
// It connects to the Go test at HOST:PORT (default 127.0.0.1), says {"ready":true} and then
// serves calls, one JSON object per line each way:
//   in:  {"id": 1, "method": "next", "args": ["open", 10000]}
//   out: {"id": 1, "result": ...}   or   {"id": 1, "error": "..."}
// The connection closing destroys the Peer and ends the script.
include("describe.js");
var peerjs = require("peerjs");
var port = parseInt(ARGV[2]);
var host = ARGV[3] || "127.0.0.1";

var events = [];
var waiter = null; // the pending next() call: {kind, conn, reply, timer}
var conns = {};
var peer = null;

function matches(e, kind, conn) {
  return e.kind === kind && (!conn || e.conn === conn);
}

function push(ev) {
  events.push(ev);
  if (!waiter) return;
  for (var i = 0; i < events.length; i++) {
    if (matches(events[i], waiter.kind, waiter.conn)) {
      var w = waiter;
      waiter = null;
      clearTimeout(w.timer);
      w.reply(events.splice(i, 1)[0]);
      return;
    }
  }
}

// materialize turns a value description into the value to send: {"$pattern": n} is a
// Uint8Array of n bytes, byte i = (i*7) & 255; {"$buffer": [..]} an ArrayBuffer of those bytes.
function materialize(spec) {
  if (spec === null || typeof spec !== "object") return spec;
  if (Array.isArray(spec)) return spec.map(materialize);
  if (typeof spec.$pattern === "number") return pattern(spec.$pattern);
  if (Array.isArray(spec.$buffer)) return new Uint8Array(spec.$buffer).buffer;
  var o = {};
  for (var k in spec) o[k] = materialize(spec[k]);
  return o;
}

// describeValue is describe() in the shape the Go test compares: binary data becomes
// {"$bytes": length, "fnv": hash, "type": class}.
function describeValue(v) {
  if (v === undefined) return { $undefined: true };
  if (v === null || typeof v !== "object") return v;
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
    var s = describe(v); // Class(length hash)
    var m = /^(\w+)\((\d+) ([0-9a-f]{8})\)$/.exec(s);
    return { $bytes: parseInt(m[2]), fnv: m[3], type: m[1] };
  }
  if (Array.isArray(v)) return v.map(describeValue);
  var o = {};
  for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k)) o[k] = describeValue(v[k]);
  return o;
}

function attach(conn) {
  var id = conn.connectionId;
  conns[id] = conn;
  conn.addListener("open", function () { push({ kind: "conn-open", conn: id }); });
  conn.addListener("data", function (d) { push({ kind: "data", conn: id, data: describeValue(d) }); });
  conn.addListener("close", function () { push({ kind: "conn-close", conn: id }); });
  conn.addListener("error", function (e) { push({ kind: "conn-error", conn: id, type: e.type, message: String(e.message) }); });
}

function connOf(id) {
  if (!conns[id]) throw new Error("no connection " + id);
  return conns[id];
}

var methods = {
  start: function (id, options) {
    peer = id ? new peerjs.Peer(id, options) : new peerjs.Peer(options);
    peer.addListener("open", function (pid) { push({ kind: "open", id: pid }); });
    peer.addListener("error", function (e) { push({ kind: "error", type: e.type, message: String(e.message) }); });
    peer.addListener("disconnected", function () { push({ kind: "disconnected" }); });
    peer.addListener("close", function () { push({ kind: "close" }); });
    peer.addListener("connection", function (c, meta) {
      attach(c);
      push({
        kind: "connection", conn: c.connectionId, peer: c.peer, label: c.label,
        metadata: meta === undefined ? null : meta,
        serialization: c.serialization, reliable: c.reliable
      });
    });
    return true;
  },
  // connect(remote, options) is PeerJS 1.x's form.
  connect: function (remote, options) {
    var c = peer.connect(remote, options);
    attach(c);
    return { conn: c.connectionId, label: c.label, serialization: c.serialization };
  },
  // connectSeed(remote, serialization, meta) is the seed's form.
  connectSeed: function (remote, serialization, meta) {
    var c = peer.connect(remote, serialization, meta);
    attach(c);
    return { conn: c.connectionId, label: c.label, serialization: c.serialization };
  },
  send: function (id, spec) {
    connOf(id).send(materialize(spec));
    return true;
  },
  close: function (id, flush) {
    connOf(id).close(flush ? { flush: true } : undefined);
    return true;
  },
  destroy: function () {
    if (peer) peer.destroy();
    return true;
  },
  next: function (kind, timeoutMs, conn, reply) {
    for (var i = 0; i < events.length; i++) {
      if (matches(events[i], kind, conn)) return reply(events.splice(i, 1)[0]);
    }
    waiter = {
      kind: kind, conn: conn, reply: reply,
      timer: setTimeout(function () {
        waiter = null;
        reply(undefined, "no " + kind + " event within " + timeoutMs + " ms; queued: " + JSON.stringify(events));
      }, timeoutMs)
    };
  }
};

var link = node.tcp.createConnection(port, host);
link.setEncoding("utf8");
var pending = "";
function answer(id, result, error) {
  var msg = error ? { id: id, error: String(error) } : { id: id, result: result === undefined ? null : result };
  link.send(JSON.stringify(msg) + "\n", "utf8");
}
link.addListener("connect", function () {
  link.send(JSON.stringify({ ready: true, version: "earlynode" }) + "\n");
});
link.addListener("receive", function (data) {
  pending += data;
  var nl;
  while ((nl = pending.indexOf("\n")) >= 0) {
    var line = pending.slice(0, nl);
    pending = pending.slice(nl + 1);
    var call = JSON.parse(line);
    var f = methods[call.method];
    try {
      if (!f) throw new Error("no method " + call.method);
      if (call.method === "next") {
        f(call.args[0], call.args[1], call.args[2], (function (id) {
          return function (result, error) { answer(id, result, error); };
        })(call.id));
      } else {
        answer(call.id, f.apply(null, call.args || []));
      }
    } catch (e) {
      answer(call.id, undefined, e.message || e);
    }
  }
});
link.addListener("eof", function () {
  if (peer) peer.destroy();
  link.close();
});
