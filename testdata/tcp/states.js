// readyState on both ends through connect, half-close from each side and disconnect;
// server-side connections emit connect and carry .server; loopback reads as "127.0.0.1".
var PORT = parseInt(ARGV[2]);
var serverLog = [], clientLog = [];
function onExit () {
  puts(serverLog.join("\n"));
  puts(clientLog.join("\n"));
}

var server = node.tcp.createServer(function (socket) {
  serverLog.push("server: connection, readyState " + socket.readyState + ", server is ours " + (socket.server === server));
  serverLog.push("server: remoteAddress " + socket.remoteAddress);
  socket.setEncoding("UTF8");
  socket.addListener("connect", function () {
    serverLog.push("server: connect, readyState " + socket.readyState);
  });
  socket.addListener("receive", function (data) {
    serverLog.push("server: receive " + JSON.stringify(data));
  });
  socket.addListener("eof", function () {
    serverLog.push("server: eof, readyState " + socket.readyState);
    socket.send("bye");
    socket.close();
    serverLog.push("server: after close, readyState " + socket.readyState);
  });
  socket.addListener("disconnect", function (had_error) {
    serverLog.push("server: disconnect " + had_error + ", readyState " + socket.readyState);
    server.close();
  });
});
server.listen(PORT, "127.0.0.1");

var client = node.tcp.createConnection(PORT);
clientLog.push("client: created, readyState " + client.readyState);
client.setEncoding("utf8");
client.addListener("connect", function () {
  clientLog.push("client: connect, readyState " + client.readyState + ", server " + client.server);
  client.send("hello");
  client.close();
  clientLog.push("client: after close, readyState " + client.readyState);
});
client.addListener("receive", function (data) {
  clientLog.push("client: receive " + JSON.stringify(data) + ", readyState " + client.readyState);
});
client.addListener("eof", function () {
  clientLog.push("client: eof, readyState " + client.readyState);
});
client.addListener("disconnect", function (had_error) {
  clientLog.push("client: disconnect " + had_error + ", readyState " + client.readyState);
});
