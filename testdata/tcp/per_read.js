// What each read returns is one `receive`: the client sends its next message only after the
// server acknowledged the previous one, so each read holds one message, and each arrives as
// one event.
var PORT = parseInt(ARGV[2]);
var got = [];
var server = node.tcp.createServer(function (socket) {
  socket.setEncoding("utf8");
  socket.addListener("receive", function (d) {
    got.push(d);
    socket.send("ack");
  });
  socket.addListener("eof", function () {
    puts("receive events: " + JSON.stringify(got));
    socket.close();
    server.close();
  });
});
server.listen(PORT);
var parts = ["first", "second", "third"];
var c = node.tcp.createConnection(PORT);
c.addListener("connect", function () { c.send(parts.shift()); });
c.addListener("receive", function () {
  if (parts.length == 0) {
    c.close();
  } else {
    c.send(parts.shift());
  }
});
