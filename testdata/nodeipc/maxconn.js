// maxConnections: a server with maxConnections 1 closes a second connection at once; that
// client gets disconnect (and, with maxRetries 0, destroy) while the first is still served.
var ipc = require("node-ipc");
var serverIPC = new ipc.IPC();
var a = new ipc.IPC();
var b = new ipc.IPC();
var path = ARGV[2] + "/max.sock";
[serverIPC, a, b].forEach(function (i) { i.config.silent = true; });
serverIPC.config.maxConnections = 1;
b.config.maxRetries = 0;
serverIPC.serve(path, function () {
  serverIPC.server.on("ping", function (data, socket) {
    serverIPC.server.emit(socket, "pong", data);
  });
  a.connectTo("world", path, function () {
    a.of.world.on("connect", function () {
      a.of.world.emit("ping", "a");
    });
    a.of.world.on("pong", function (data) {
      puts("a got pong " + data);
      if (data === "a") {
        b.connectTo("world", path, function () {
          b.of.world.on("connect", function () { puts("b connect"); });
          b.of.world.on("disconnect", function () { puts("b disconnect"); });
          b.of.world.on("destroy", function () {
            puts("b destroy");
            a.of.world.emit("ping", "a again");
          });
        });
      } else {
        a.disconnect("world");
        serverIPC.server.stop();
      }
    });
  });
});
serverIPC.server.start();
