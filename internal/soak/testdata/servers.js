// The servers of the soak test (internal/soak/soak_test.go), one of each kind in one process,
// all with earlynode's default limits: node.http (answers "ok N", N the body's length),
// node.tcp (echo), a BinaryServer (echoes each stream's data), a socket-ipc server and node-ipc
// servers over a unix socket, TCP, TLS and UDP (echo the 'echo' message), and a PeerServer.
// Errors are counted, never fatal; "ready" is printed once every server listens.
//
//   node servers.js '{"http":P,"tcp":P,"binary":P,"sipc":PATH,"unix":PATH,"ipctcp":P,"ipctls":P,"udp":P,"peer":P}'
var P = JSON.parse(ARGV[2]);
var waiting = 9, errors = 0;
function listening (what) {
  if (--waiting === 0) puts("ready");
}
function counted () { errors++; }

node.http.createServer(function (req, res) {
  var n = 0;
  req.setBodyEncoding("utf8");
  req.addListener("body", function (chunk) { n += chunk.length; });
  req.addListener("complete", function () {
    var body = "ok " + n;
    res.sendHeader(200, [["Content-Type", "text/plain"], ["Content-Length", String(body.length)]]);
    res.sendBody(body);
    res.finish();
  });
}).listen(P.http, "127.0.0.1");
listening("http");

node.tcp.createServer(function (c) {
  c.setEncoding("utf8");
  c.addListener("receive", function (d) { c.send(d, "utf8"); });
  c.addListener("eof", function () { c.close(); });
}).listen(P.tcp, "127.0.0.1");
listening("tcp");

var binaryjs = require("binaryjs");
var bs = new binaryjs.BinaryServer({ port: P.binary, host: "127.0.0.1" });
bs.addListener("error", counted);
bs.addListener("listening", function () { listening("binary"); });
bs.addListener("connection", function (client) {
  client.addListener("error", counted);
  client.addListener("stream", function (stream) {
    stream.addListener("error", counted);
    stream.addListener("data", function (d) { stream.write(d); });
  });
});

var sipc = require("@crussell52/socket-ipc");
var ss = new sipc.Server({ socketFile: P.sipc });
ss.on("error", counted);
ss.on("listening", function () { listening("socket-ipc"); });
ss.on("message.echo", function (message, id) { ss.send("echo", message, id); });
ss.listen();

var ipc = require("node-ipc");
function nodeIPC (what, serve) {
  var i = new ipc.IPC();
  i.config.silent = true;
  i.config.maxConnections = 1000;
  serve(i, function () {
    i.server.on("echo", function (data, socket) { i.server.emit(socket, "echo", data); });
    i.server.on("error", counted);
    listening(what);
  });
  i.server.start();
}
nodeIPC("unix", function (i, cb) { i.serve(P.unix, cb); });
nodeIPC("tcp", function (i, cb) { i.serveNet("127.0.0.1", P.ipctcp, cb); });
nodeIPC("tls", function (i, cb) { i.config.tls = {}; i.serveNet("127.0.0.1", P.ipctls, cb); });
nodeIPC("udp", function (i, cb) {
  i.serveNet("127.0.0.1", P.udp, "udp4", function () {
    i.server.on("echo", function (data, rinfo) { i.server.emit(rinfo, "echo", data); });
    i.server.on("error", counted);
    listening("udp");
  });
});

var peerjs = require("peerjs");
var ps = new peerjs.PeerServer({ port: P.peer, host: "127.0.0.1" });
ps.addListener("error", counted);
ps.addListener("listening", function () { listening("peer"); });
