// A server and a client (two IPC instances) over a unix socket: the events on both sides,
// node-ipc's data rules (falsy data becomes {}), socket ids from data.id, broadcast, and a
// disconnect: disconnect and destroy on the client, socket.disconnected on the server.
var ipc = require("node-ipc");
var serverIPC = new ipc.IPC();
var clientIPC = new ipc.IPC();
serverIPC.config.silent = clientIPC.config.silent = true;
serverIPC.config.id = "world";
clientIPC.config.id = "hello";
var path = ARGV[2] + "/world.sock";
var connected = ""; // printed later: the two sides' connect events race

serverIPC.serve(path, function () {
  puts("server start");
  var server = serverIPC.server;
  server.on("connect", function (socket) {
    puts("server connect, sockets: " + server.sockets.length + ", socket is the one: " + (server.sockets[0] === socket));
  });
  server.on("message", function (data, socket) {
    puts("server message " + JSON.stringify(data) + " socket.id=" + socket.id);
    if (data === "last") {
      server.emit(socket, "reply", undefined);
      server.emit(socket, "reply", null);
      server.emit(socket, "reply", "");
      server.emit(socket, "reply", 0);
      server.emit(socket, "reply", false);
      server.emit(socket, "reply");
      server.broadcast("everyone", {n: 1});
    }
  });
  server.on("socket.disconnected", function (socket, id) {
    puts("server socket.disconnected " + id + ", sockets left: " + server.sockets.length);
    server.stop();
  });
  clientIPC.connectTo("world", path, function () {
    var world = clientIPC.of.world;
    puts("client connectTo callback, of.world.path ok: " + (world.path === path));
    world.on("connect", function () {
      connected = "client connect";
      world.emit("message", {id: "client-1", text: "hi"});
      world.emit("message", "second");
      world.emit("message", "last");
    });
    var replies = 0;
    world.on("reply", function (data) {
      if (connected) puts(connected);
      connected = "";
      puts("client reply " + JSON.stringify(data));
    });
    world.on("everyone", function (data) {
      puts("client everyone " + JSON.stringify(data));
      clientIPC.disconnect("world");
      puts("after disconnect, of.world: " + clientIPC.of.world);
    });
    world.on("disconnect", function () { puts("client disconnect"); });
    world.on("destroy", function () { puts("client destroy"); });
  });
});
serverIPC.server.start();
