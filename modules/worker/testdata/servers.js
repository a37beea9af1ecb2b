// Every kind of listening server on one port, for the worker tests: prints
// "listening KIND INDEX" once the server listens, and throws on a listening error (a worker
// that could not share the port dies). Usage: servers.js KIND PORT
var kind = ARGV[2], port = Number(ARGV[3]);
function listening() { puts("listening " + kind + " " + node.worker.index); }
function failed(e) { throw new Error(kind + " could not listen: " + (e && e.message)); }
switch (kind) {
case "tcp":
  var t = node.tcp.createServer(function (c) { c.send("worker " + node.worker.index + "\n"); c.close(); });
  t.listen(port, "127.0.0.1");
  listening();
  break;
case "http":
  node.http.createServer(function (req, res) { res.sendHeader(200, {}); res.finish(); }).listen(port, "127.0.0.1");
  listening();
  break;
case "binaryjs":
  var b = new (require("binaryjs").BinaryServer)({ port: port, host: "127.0.0.1" });
  b.addListener("listening", listening);
  b.addListener("error", failed);
  break;
case "peerjs":
  var p = new (require("peerjs").PeerServer)({ port: port, host: "127.0.0.1" });
  p.addListener("listening", listening);
  p.addListener("error", failed);
  break;
case "node-ipc":
  var ipc = require("node-ipc");
  ipc.config.silent = true;
  ipc.config.networkHost = "127.0.0.1";
  ipc.serveNet(port, listening);
  ipc.server.on("error", failed);
  ipc.server.start();
  break;
}
