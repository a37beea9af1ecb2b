// What each read returns is one `receive`: three sends 50 ms apart arrive as three events.
var PORT = parseInt(ARGV[2]);
var got = [];
var server = node.tcp.createServer(function (socket) {
  socket.setEncoding("utf8");
  socket.addListener("receive", function (d) { got.push(d); });
  socket.addListener("eof", function () {
    puts("receive events: " + JSON.stringify(got));
    socket.close();
    server.close();
  });
});
server.listen(PORT);
var c = node.tcp.createConnection(PORT);
c.addListener("connect", function () {
  var parts = ["first", "second", "third"];
  var t = setInterval(function () {
    c.send(parts.shift());
    if (parts.length == 0) {
      clearInterval(t);
      c.close();
    }
  }, 50);
});
