// node-ipc echo server: 'echo' messages are emitted back to their socket. A client that sends
// without reading makes the server queue its answers; past the write limit the socket gets an
// error naming the limit and is closed.
var ipc = require("node-ipc");
ipc.config.silent = true;
ipc.serve(ARGV[2], function () {
  puts("listening");
  ipc.server.on("echo", function (data, socket) { ipc.server.emit(socket, "echo", data); });
  ipc.server.on("error", function (err) { puts("error: " + (err && err.message)); });
  ipc.server.on("socket.disconnected", function () { puts("socket.disconnected"); });
});
ipc.server.start();
