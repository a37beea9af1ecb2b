// socket-ipc echo server: 'echo' messages are sent back to their client. A client that sends
// without reading makes the server queue its answers; past the write limit the client's
// connection gets an error naming the limit and is closed.
var ipc = require("@crussell52/socket-ipc");
var server = new ipc.Server({socketFile: ARGV[2]});
server.on("listening", function () { puts("listening"); });
server.on("message.echo", function (message, id) { server.send("echo", message, id); });
server.on("error", function (err, clientId) { puts("error: " + err.message); });
server.listen();
