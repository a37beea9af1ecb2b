#!/usr/bin/env node
// Runs the real npm `peer` 1.0.2 PeerServer for earlynode's interop tests.
//
//   node real-server.js <host> <port>
//
// It prints {"listening": port} once the server accepts connections, and
// logs its connection events to stderr. It exits when stdin closes.
"use strict";
const { PeerServer } = require("peer");

const host = process.argv[2] || "127.0.0.1";
const port = Number(process.argv[3] || 9000);

const server = PeerServer({ host, port, path: "/", key: "peerjs", allow_discovery: true }, () => {
  process.stdout.write(JSON.stringify({ listening: port }) + "\n");
});
server.on("connection", (client) => console.error("peer: connection " + client.getId()));
server.on("disconnect", (client) => console.error("peer: disconnect " + client.getId()));
server.on("error", (err) => console.error("peer: error " + err));

process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
