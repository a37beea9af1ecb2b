#!/usr/bin/env node
// Runs PeerJS 1.5.5 in Node.js on @roamhq/wrtc 0.10.0 for earlynode's
// interop test, with the same harness (harness.js) and the same line
// protocol as driver.js, so one Go test drives either:
//
//   node node-driver.js
//   stdin:  {"id": 1, "method": "next", "args": ["open", 10000]}
//   stdout: {"id": 1, "result": ...}   or   {"id": 1, "error": "..."}
//
// docs/wire/peerjs.md, Interop harness: the WebRTC classes and WebSocket must be globals
// before peerjs is loaded, because it checks for them at load time.
"use strict";
const path = require("path");
const readline = require("readline");
const wrtc = require("@roamhq/wrtc");
const WebSocket = require("ws");

globalThis.RTCPeerConnection = wrtc.RTCPeerConnection;
globalThis.RTCSessionDescription = wrtc.RTCSessionDescription;
globalThis.RTCIceCandidate = wrtc.RTCIceCandidate;
// A browser WebSocket's "error" is harmless without a listener; ws's would
// crash the process, and PeerJS listens only to open/message/close.
globalThis.WebSocket = class extends WebSocket {
  constructor(...args) {
    super(...args);
    this.on("error", () => {});
  }
};
globalThis.window = globalThis;
globalThis.peerjs = require("peerjs");
require(path.join(__dirname, "harness.js"));

function reply(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

reply({ ready: true, version: "node " + process.version + ", @roamhq/wrtc" });

let chain = Promise.resolve();
const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => {
  chain = chain.then(async () => {
    let call;
    try {
      call = JSON.parse(line);
    } catch (e) {
      reply({ id: null, error: "bad call: " + e.message });
      return;
    }
    try {
      const result = await globalThis.h[call.method](...(call.args || []));
      reply({ id: call.id, result: result === undefined ? null : result });
    } catch (e) {
      reply({ id: call.id, error: String(e.message || e) });
    }
  });
});
rl.on("close", () => {
  chain.then(() => {
    try {
      globalThis.h.destroy();
    } catch (e) {
      // already destroyed
    }
    setTimeout(() => process.exit(0), 200);
  });
});
