// Helper for TestBadInputToClient (modules/socketipc/badinput_test.go): a client that prints
// its events and errors, and quits after its second 'message.ok'. Usage: badinput_client.js SOCKET_FILE
var ipc = require("@crussell52/socket-ipc");
var client = new ipc.Client({socketFile: ARGV[2], retryDelay: 20, reconnectDelay: 20});
var oks = 0;
client.on("connect", function () { puts("connect"); });
client.on("disconnect", function () { puts("disconnect"); });
client.on("reconnect", function () { puts("reconnect"); });
client.on("error", function (err) {
  puts("error " + (err instanceof ipc.DecodeError ? "DecodeError" : err.name) + ": " + err.message +
    (err.rawData !== undefined ? " rawData=" + JSON.stringify(err.rawData) : ""));
});
client.on("message.ok", function (m) {
  puts("ok " + m);
  if (++oks === 2) client.close();
});
client.on("close", function () { puts("close"); });
client.connect();
