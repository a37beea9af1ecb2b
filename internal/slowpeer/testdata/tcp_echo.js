// node.tcp echo server: what a client sends is sent back. A client that sends without reading
// makes the server queue its echo; past the write limit the connection gets `error` naming
// the limit and is closed.
var PORT = parseInt(ARGV[2]);
var server = node.tcp.createServer(function (c) {
  c.setEncoding("buffer");
  c.addListener("receive", function (d) { c.send(d); });
  c.addListener("error", function (e) { puts("error: " + e.message); });
  c.addListener("disconnect", function (hadError) { puts("disconnect " + hadError); });
});
server.listen(PORT, "127.0.0.1");
puts("listening");
