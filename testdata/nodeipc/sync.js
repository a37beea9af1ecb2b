// sync mode (client only): the first emit goes at once, later ones wait in the queue and one
// is released each time data arrives from the server.
var ipc = require("node-ipc");
var serverIPC = new ipc.IPC();
var clientIPC = new ipc.IPC();
var path = ARGV[2] + "/sync.sock";
serverIPC.config.silent = clientIPC.config.silent = true;
clientIPC.config.sync = true;
var replies = 0;
serverIPC.serve(path, function () {
  serverIPC.server.on("work", function (data, socket) {
    puts("server got " + data.n + " after " + replies + " replies");
    setTimeout(function () {
      replies++;
      serverIPC.server.emit(socket, "done", data.n);
    }, 30);
  });
});
serverIPC.server.start();
setTimeout(function () {
  clientIPC.connectTo("world", path, function () {
    var world = clientIPC.of.world;
    world.on("connect", function () {
      world.emit("work", {n: 1});
      world.emit("work", {n: 2});
      world.emit("work", {n: 3});
      puts("queued: " + world.queue.contents.length);
    });
    world.on("done", function (n) {
      puts("client done " + n);
      if (n === 3) {
        clientIPC.disconnect("world");
        serverIPC.server.stop();
      }
    });
  });
}, 100);
