// The same as peerserver.js on Node.js 20 with npm peer 1.0.2's PeerServer (defaults but host,
// port and path "/", as scripts/bench/peerjs/node.js makes it). NODE_PATH must name
// scripts/interop/node_modules.
//
//   node peerserver_node.js PORT
"use strict";
const { PeerServer } = require("peer");
const server = PeerServer({ host: "127.0.0.1", port: Number(process.argv[2]), path: "/" }, () => console.log("listening"));
server.on("error", (err) => console.log("error " + err.message));
