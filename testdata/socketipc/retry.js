// A client started before its server: connectError until the server listens (retryDelay),
// then connect; the server goes away: disconnect, connectError again, and connect plus
// reconnect once a new server listens (reconnectDelay); close() for good.
var ipc = require("@crussell52/socket-ipc");
var path = ARGV[2] + "/retry.sock";
var client = new ipc.Client({socketFile: path, retryDelay: {min: 30, max: 40}, reconnectDelay: 30});
var errors = 0;
var servers = 0;
var server;

function startServer() {
  servers++;
  server = new ipc.Server({socketFile: path});
  server.on("connection", function (id) { server.send("hi", servers, id); });
  server.on("close", function () { puts("server " + servers + " closed"); });
  server.listen();
}

client.on("connectError", function (err) {
  errors++;
  if (errors === 1) puts("connectError " + err.code + " " + (err.message.indexOf("retry.sock") > 0));
  if (errors === 3 && servers === 0) startServer();
  if (errors === 6 && servers === 1) startServer();
});
client.once("connect", function () {
  puts("first connect after " + errors + " connectErrors");
});
client.on("reconnect", function () {
  puts("reconnect");
});
client.on("disconnect", function () {
  puts("disconnect");
  errors = 3;
});
client.on("message.hi", function (n) {
  puts("hi from server " + n);
  if (n === 1) server.close();
  else client.close();
});
client.on("close", function () {
  puts("client close");
  server.close();
});
client.connect();
