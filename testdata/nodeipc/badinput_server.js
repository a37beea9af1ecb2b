// Helper for the bad-input tests (modules/nodeipc/badinput_test.go): a node-ipc server that
// echoes 'echo' messages and prints every 'error' event (node-ipc's invalid-JSON data, socket
// errors) and socket.disconnected. Usage: badinput_server.js SOCKET_FILE
var ipc = require("node-ipc");
ipc.config.silent = true;
ipc.config.maxMessageSize = 1 << 20; // earlynode's limit on a message (default 64 MiB), small here
ipc.serve(ARGV[2], function () {
  puts("listening");
  ipc.server.on("connect", function () { puts("connect"); });
  ipc.server.on("echo", function (data, socket) { ipc.server.emit(socket, "echo", data); });
  ipc.server.on("error", function (err, socket) {
    if (err && err.message === "Invalid JSON response format") {
      puts("error invalid JSON: response=" + JSON.stringify(err.response) + " err=" + err.err.name + " socket=" + (socket !== undefined));
    } else {
      puts("error " + (err && err.code) + " " + (err && err.message));
    }
  });
  ipc.server.on("socket.disconnected", function (socket, id) { puts("socket.disconnected"); });
});
ipc.server.start();
