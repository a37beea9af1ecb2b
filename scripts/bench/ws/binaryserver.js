// A BinaryServer for scripts/bench/ws.sh that holds idle connections: it counts the clients
// open and prints "ready" when COUNT are; it adds nothing of its own to them. Runs unchanged on
// earlynode (the built-in require("binaryjs")) and on Node 20 with binaryjs 0.2.1 (through
// NODE_PATH, as scripts/bench/binaryjs/server.js).
//
//   node binaryserver.js PORT COUNT
var binaryjs = require("binaryjs");
var argv = typeof ARGV !== "undefined" ? ARGV : process.argv;
var want = Number(argv[3]);
var open = 0;
var server = new binaryjs.BinaryServer({ port: Number(argv[2]), host: "127.0.0.1" });
server.on("connection", function (client) {
  if (++open === want) console.log("ready");
  client.on("close", function () { open--; });
});
server.on("error", function (err) { console.log("error " + err.message); });
