// TCP ping-pong in one process: a client sends a 32-byte message, a node.tcp echo server sends
// it back, the client sends the next on receipt, ARGV[3] times. Prints round trips per second.
var PORT = parseInt(ARGV[2]);
var COUNT = parseInt(ARGV[3] || "20000");
var server = node.tcp.createServer(function (socket) {
  socket.setEncoding("buffer");
  socket.addListener("receive", function (data) { socket.send(data); });
  socket.addListener("eof", function () { socket.close(); });
});
server.listen(PORT, "127.0.0.1");

var msg = Buffer.alloc(32, 112);
var c = node.tcp.createConnection(PORT, "127.0.0.1");
c.setEncoding("buffer");
var got = 0, trips = 0, start;
c.addListener("connect", function () { start = Date.now(); c.send(msg); });
c.addListener("receive", function (data) {
  got += data.length;
  while (got >= 32) {
    got -= 32;
    trips += 1;
    if (trips == COUNT) {
      puts((COUNT / ((Date.now() - start) / 1000)).toFixed(0));
      c.close();
      server.close();
      return;
    }
    c.send(msg);
  }
});
