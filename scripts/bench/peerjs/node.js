// The same round as ours.js on Node.js 20 with the real libraries: npm peer 1.0.2's PeerServer
// and two PeerJS 1.5.5 Peers on @roamhq/wrtc 0.10.0 (docs/wire/peerjs.md), in this process.
//
//   node node.js PORT open|msgs|mib N
//
// NODE_PATH must name scripts/interop/node_modules. The figure is the last line of stdout.
"use strict";
const wrtc = require("@roamhq/wrtc");
const WebSocket = require("ws");
globalThis.RTCPeerConnection = wrtc.RTCPeerConnection;
globalThis.RTCSessionDescription = wrtc.RTCSessionDescription;
globalThis.RTCIceCandidate = wrtc.RTCIceCandidate;
globalThis.WebSocket = class extends WebSocket {
  constructor(...args) {
    super(...args);
    this.on("error", () => {});
  }
};
const { Peer } = require("peerjs");
const { PeerServer } = require("peer");

const port = Number(process.argv[2]);
const mode = process.argv[3];
const n = Number(process.argv[4]);

PeerServer({ host: "127.0.0.1", port, path: "/" }, listening);
const opts = { host: "127.0.0.1", port, path: "/", secure: false, config: { iceServers: [] } };
let alice, bob;

function done(figure) {
  console.log(String(figure));
  alice.destroy();
  bob.destroy();
  setTimeout(() => process.exit(0), 100);
}

let onData = null;
let received = 0;

function dial(cb) {
  const t0 = performance.now();
  const conn = alice.connect("bob", { serialization: "binary", reliable: true });
  conn.on("open", () => cb(conn, performance.now() - t0));
}

function runOpen() {
  let total = 0, k = 0;
  dial((warm) => {
    warm.close();
    const again = () => dial((conn, ms) => {
      total += ms;
      conn.close();
      if (++k === n) return done((total / n).toFixed(2));
      again();
    });
    again();
  });
}

function runMessages(value, perMessage) {
  dial((conn) => {
    onData = () => {
      const t0 = performance.now();
      onData = () => {
        if (++received === n) {
          const s = (performance.now() - t0) / 1000;
          done(perMessage ? (n * perMessage / 1e6 / s).toFixed(2) : Math.round(n / s));
        }
      };
      for (let i = 0; i < n; i++) conn.send(value);
    };
    conn.send(value);
  });
}

let ready = 0;
function start() {
  if (++ready < 2) return;
  if (mode === "open") runOpen();
  else if (mode === "msgs") runMessages("hello, peer", 0);
  else if (mode === "mib") {
    const mib = new Uint8Array(1 << 20);
    for (let i = 0; i < mib.length; i++) mib[i] = (i * 7) & 255;
    runMessages(mib, 1 << 20);
  }
}

function listening() {
  alice = new Peer("alice", opts);
  bob = new Peer("bob", opts);
  bob.on("connection", (conn) => conn.on("data", (d) => onData(d)));
  alice.on("open", start);
  bob.on("open", start);
}
