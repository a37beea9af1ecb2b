// Server and client in one process: the order of their events, client ids, topics (empty,
// with dots), undefined and null messages, broadcast, and the close of both sides with the
// deprecated 'closed' alias.
var ipc = require("@crussell52/socket-ipc");
var path = ARGV[2] + "/events.sock";
var server = new ipc.Server({socketFile: path});
var client = new ipc.Client({socketFile: path, retryDelay: 20});
var clientId;

function show(side, what, value) {
  puts(side + " " + what + (arguments.length > 2 ? " " + JSON.stringify(value) : ""));
}

server.on("listening", function () {
  show("server", "listening");
  client.connect();
});
server.on("connection", function (id, socket) {
  clientId = id;
  show("server", "connection id looks like a uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id));
  show("server", "connection socket has write", typeof socket.write);
  server.send("welcome", {to: "you"}, id);
});
server.on("message", function (message, topic, id) {
  show("server", "message topic=" + JSON.stringify(topic) + " from the client " + (id === clientId), message === undefined ? "(undefined)" : message);
});
server.on("message.with.dots", function (message) { show("server", "message.with.dots", message); });
server.on("message.", function (message) { show("server", "message. (empty topic)", message); });
server.on("message.done", function () {
  server.broadcast("bye", [1, "two", {three: 3}]);
});
server.on("closed", function () { show("server", "closed"); });
server.on("close", function () { show("server", "close"); });

var connectSeen = "";
client.on("connect", function (socket) {
  connectSeen = "client connect, socket has end " + typeof socket.end;
});
client.on("message", function (message, topic) {
  if (connectSeen) puts(connectSeen);
  connectSeen = "";
  show("client", "message topic=" + topic, message);
});
client.on("message.welcome", function (message) {
  show("client", "message.welcome", message);
  client.send("with.dots", 1.5);
  client.send("", "empty topic");
  client.send("nothing");
  client.send("null", null);
  client.send("done", true);
});
client.on("message.bye", function () {
  client.close();
});
client.on("closed", function () { show("client", "closed"); });
client.on("close", function () {
  show("client", "close");
  server.close();
});
client.on("disconnect", function () { show("client", "disconnect (not expected)"); });
server.listen();
