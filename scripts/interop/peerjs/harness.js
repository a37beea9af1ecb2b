// The browser side of earlynode's PeerJS interop test. It runs in headless
// Chromium next to the real PeerJS 1.5.5 bundle (window.peerjs) and is
// driven by driver.js, which calls the methods of window.h through
// Playwright. Every event of the Peer and its DataConnections is queued; the
// test takes them with h.next(kind) in the order they happened.
(function () {
  "use strict";
  const events = [];
  const waiters = [];
  const conns = new Map();
  let peer = null;

  function push(ev) {
    events.push(ev);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      const at = events.findIndex((e) => matches(e, w.kind, w.conn));
      if (at >= 0) {
        waiters.splice(i--, 1);
        clearTimeout(w.timer);
        w.resolve(events.splice(at, 1)[0]);
      }
    }
  }

  function matches(e, kind, conn) {
    return e.kind === kind && (!conn || e.conn === conn);
  }

  // FNV-1a, 32 bits, as hex: how binary payloads are compared with Go's.
  function fnv1a(bytes) {
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  }

  // describe turns a received value into JSON the Go test can compare:
  // binary data becomes {"$bytes": length, "fnv": hash, "type": class}.
  function describe(v) {
    if (v === undefined) return { $undefined: true };
    if (v === null || typeof v !== "object") return v;
    if (v instanceof ArrayBuffer) {
      const b = new Uint8Array(v);
      return { $bytes: b.length, fnv: fnv1a(b), type: "ArrayBuffer" };
    }
    if (ArrayBuffer.isView(v)) {
      const b = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      return { $bytes: b.length, fnv: fnv1a(b), type: v.constructor.name };
    }
    if (Array.isArray(v)) return v.map(describe);
    const o = {};
    for (const k of Object.keys(v)) o[k] = describe(v[k]);
    return o;
  }

  // materialize is describe's inverse for values to send:
  // {"$pattern": n} is a Uint8Array of n bytes, byte i = (i*7) & 255;
  // {"$buffer": [..]} is an ArrayBuffer holding those bytes.
  function materialize(spec) {
    if (spec === null || typeof spec !== "object") return spec;
    if (Array.isArray(spec)) return spec.map(materialize);
    if (typeof spec.$pattern === "number") {
      const b = new Uint8Array(spec.$pattern);
      for (let i = 0; i < b.length; i++) b[i] = (i * 7) & 255;
      return b;
    }
    if (Array.isArray(spec.$buffer)) return new Uint8Array(spec.$buffer).buffer;
    const o = {};
    for (const k of Object.keys(spec)) o[k] = materialize(spec[k]);
    return o;
  }

  function attach(conn) {
    const id = conn.connectionId;
    conns.set(id, conn);
    conn.on("open", () => push({ kind: "conn-open", conn: id }));
    conn.on("data", (d) => push({ kind: "data", conn: id, data: describe(d) }));
    conn.on("close", () => push({ kind: "conn-close", conn: id }));
    conn.on("error", (e) => push({ kind: "conn-error", conn: id, type: e.type, message: String(e.message) }));
  }

  function connOf(id) {
    const c = conns.get(id);
    if (!c) throw new Error("no connection " + id);
    return c;
  }

  window.h = {
    // start creates the Peer; its "open" (or "error") event follows.
    start(id, options) {
      peer = id ? new peerjs.Peer(id, options) : new peerjs.Peer(options);
      peer.on("open", (pid) => push({ kind: "open", id: pid }));
      peer.on("error", (e) => push({ kind: "error", type: e.type, message: String(e.message) }));
      peer.on("disconnected", () => push({ kind: "disconnected" }));
      peer.on("close", () => push({ kind: "close" }));
      peer.on("connection", (c) => {
        attach(c);
        push({
          kind: "connection", conn: c.connectionId, peer: c.peer, label: c.label,
          metadata: c.metadata === undefined ? null : c.metadata,
          serialization: c.serialization, reliable: c.reliable,
        });
      });
      return true;
    },
    connect(remote, options) {
      const c = peer.connect(remote, options);
      attach(c);
      return { conn: c.connectionId, label: c.label, serialization: c.serialization };
    },
    send(id, spec) {
      connOf(id).send(materialize(spec));
      return true;
    },
    close(id, flush) {
      connOf(id).close(flush ? { flush: true } : undefined);
      return true;
    },
    destroy() {
      if (peer) peer.destroy();
      return true;
    },
    // next resolves with the oldest queued event of the kind (and of the
    // connection, when conn is given), waiting up to timeoutMs; it rejects
    // naming what is queued instead.
    next(kind, timeoutMs, conn) {
      const at = events.findIndex((e) => matches(e, kind, conn));
      if (at >= 0) return Promise.resolve(events.splice(at, 1)[0]);
      return new Promise((resolve, reject) => {
        const w = { kind, conn, resolve };
        w.timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error("no " + kind + " event within " + timeoutMs + " ms; queued: " + JSON.stringify(events)));
        }, timeoutMs);
        waiters.push(w);
      });
    },
  };
})();
