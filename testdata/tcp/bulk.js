// 8 MiB echoed through one connection with Buffers (the extension beyond 0.1.0): every byte
// comes back in order, although writes outrun the peer; fullClose() sends everything queued
// before closing.
var PORT = parseInt(ARGV[2]);
var TOTAL = 8 * 1024 * 1024;
var server = node.tcp.createServer(function (socket) {
  socket.setEncoding("buffer");
  socket.addListener("receive", function (b) { socket.send(b); });
  socket.addListener("eof", function () { socket.fullClose(); });
  socket.addListener("disconnect", function (had_error) {
    puts("server disconnect " + had_error);
    server.close();
  });
});
server.listen(PORT);

var c = node.tcp.createConnection(PORT);
c.setEncoding("buffer");
var received = 0, sum = 0, expected = 0, bad = 0;
c.addListener("connect", function () {
  // Chunk k is filled with the byte k % 251.
  for (var k = 0; k * 65536 < TOTAL; k++) c.send(Buffer.alloc(65536, k % 251));
  c.close();
});
c.addListener("receive", function (b) {
  // Check every 512th byte and the last one against the chunk it belongs to.
  for (var i = 0; i < b.length; i += 512) {
    if (b[i] !== Math.floor((received + i) / 65536) % 251) bad++;
  }
  if (b[b.length - 1] !== Math.floor((received + b.length - 1) / 65536) % 251) bad++;
  received += b.length;
});
c.addListener("disconnect", function (had_error) {
  puts("client disconnect " + had_error + ": echoed " + received + " of " + TOTAL + " bytes, " + bad + " misplaced");
});
