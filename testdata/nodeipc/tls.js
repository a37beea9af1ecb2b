// TLS (docs/wire/node-ipc.md) with no certificate files: the server makes do with a certificate of
// its own (the real library falls back to bundled ones, long expired); a client that does not
// verify (rejectUnauthorized: false) talks to it, a client that verifies gets an error,
// disconnect and destroy.
var ipc = require("node-ipc");
var serverIPC = new ipc.IPC();
var trusting = new ipc.IPC();
var careful = new ipc.IPC();
[serverIPC, trusting, careful].forEach(function (i) {
  i.config.silent = true;
  i.config.maxRetries = 0;
});
var port = parseInt(ARGV[2], 10);
serverIPC.config.tls = {};
trusting.config.tls = {rejectUnauthorized: false};
careful.config.tls = {};
serverIPC.serveNet("127.0.0.1", port, function () {
  serverIPC.server.on("ping", function (data, socket) {
    serverIPC.server.emit(socket, "pong", data);
  });
  trusting.connectToNet("world", "127.0.0.1", port, function () {
    trusting.of.world.on("connect", function () { trusting.of.world.emit("ping", {secure: true}); });
    trusting.of.world.on("pong", function (data) {
      puts("trusting client got pong " + JSON.stringify(data));
      trusting.disconnect("world");
      careful.connectToNet("world", "127.0.0.1", port, function () {
        var errors = 0;
        careful.of.world.on("error", function (err) { errors++; });
        careful.of.world.on("pong", function () { puts("careful client got a pong (not expected)"); });
        careful.of.world.on("destroy", function () {
          puts("careful client: " + errors + " error(s), destroy");
          serverIPC.server.stop();
        });
      });
    });
  });
});
serverIPC.server.start();
