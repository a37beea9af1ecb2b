// TCP echo through one connection in one process: a node.tcp echo server and a client that
// sends ARGV[3] MiB in 64 KiB Buffers (at most 4 MiB in flight) and reads it all back. Buffers
// are earlynode's binary-safe extension (0.1.0's raw arrays would measure array building).
// Prints MB/s (10^6 bytes per second) of echoed data.
var PORT = parseInt(ARGV[2]);
var TOTAL = parseInt(ARGV[3] || "100") * 1048576;
var CHUNK = 65536, WINDOW = 4 * 1048576;
var server = node.tcp.createServer(function (socket) {
  socket.setEncoding("buffer");
  socket.addListener("receive", function (data) { socket.send(data); });
  socket.addListener("eof", function () { socket.close(); });
});
server.listen(PORT, "127.0.0.1");

var chunk = Buffer.alloc(CHUNK, 120);
var c = node.tcp.createConnection(PORT, "127.0.0.1");
c.setEncoding("buffer");
var sent = 0, received = 0, start;
function fill () {
  while (sent < TOTAL && sent - received < WINDOW) {
    c.send(chunk);
    sent += CHUNK;
  }
}
c.addListener("connect", function () { start = Date.now(); fill(); });
c.addListener("receive", function (data) {
  received += data.length;
  if (received >= TOTAL) {
    var seconds = (Date.now() - start) / 1000;
    puts((TOTAL / 1e6 / seconds).toFixed(1));
    c.close();
    server.close();
    return;
  }
  fill();
});
