// The echo server scripts/bench/tcp.sh measures on earlynode, in node.tcp's 0.1.0 style:
// every `receive` is sent back, the peer's `eof` answered with close(). setEncoding("buffer")
// (earlynode's binary-safe extension) delivers each read as a Buffer. Prints "listening".
var PORT = parseInt(ARGV[2]);
var server = node.tcp.createServer(function (socket) {
  socket.setEncoding("buffer");
  socket.addListener("receive", function (data) { socket.send(data); });
  socket.addListener("eof", function () { socket.close(); });
});
server.listen(PORT, "127.0.0.1");
puts("listening");
