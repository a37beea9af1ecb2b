// Helper for the bad-input tests (modules/socketipc/badinput_test.go): a server that echoes
// 'echo' messages, throws from a 'throw' listener, and prints every error with its class,
// message, rawData and whether it names a client. maxMessageSize (an earlynode option) is
// small so that an endless frame trips it quickly. Usage: badinput_server.js SOCKET_FILE
var ipc = require("@crussell52/socket-ipc");
var server = new ipc.Server({socketFile: ARGV[2], maxMessageSize: 65536});
server.on("listening", function () { puts("listening"); });
server.on("connection", function (id) { puts("connection"); });
server.on("message.echo", function (message, id) { server.send("echo", message, id); });
server.on("message.throw", function () { throw new Error("listener threw"); });
server.on("error", function (err, clientId) {
  var kind = err instanceof ipc.DecodeError ? "DecodeError" : err.name;
  puts("error " + kind + ": " + err.message + (err.rawData !== undefined ? " rawData=" + JSON.stringify(err.rawData) : "") +
    " clientId=" + (typeof clientId === "string" && clientId.length === 36));
});
server.listen();
