// rawBuffer mode (docs/wire/node-ipc.md): no framing, Buffer.from(data, encoding) on both sides.
// With 'hex', a string that is not hex sends nothing; arrays and Buffers are bytes.
var ipc = require("node-ipc");
var serverIPC = new ipc.IPC();
var clientIPC = new ipc.IPC();
var path = ARGV[2] + "/raw.sock";
[serverIPC, clientIPC].forEach(function (i) {
  i.config.silent = true;
  i.config.rawBuffer = true;
  i.config.encoding = "hex";
});
var got = [];
serverIPC.serve(path, function () {
  serverIPC.server.on("connect", function (socket) {
    serverIPC.server.emit(socket, "hello");           // not hex: nothing
    serverIPC.server.emit(socket, [10, 20, 30]);
    serverIPC.server.emit(socket, "0a0B");
    serverIPC.server.emit(socket, Buffer.from([0xff, 0x00]));
    serverIPC.server.emit(socket, "ff", "ignored", "arguments");
  });
  serverIPC.server.on("data", function (buffer, socket) {
    puts("server data " + buffer.toString("hex") + " isBuffer " + Buffer.isBuffer(buffer));
    serverIPC.server.stop();
    clientIPC.disconnect("world");
  });
});
serverIPC.server.start();
clientIPC.connectTo("world", path, function () {
  clientIPC.of.world.on("data", function (buffer) {
    got.push(buffer.toString("hex"));
    if (got.join("").length >= 16) {
      puts("client data " + got.join(""));
      clientIPC.of.world.emit([0x05, 0x6d, 0x5c]);
    }
  });
});
