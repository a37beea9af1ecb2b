// Holds idle connections: a node.tcp server that counts them and prints "ready" once ARGV[3]
// are open; it adds no listener of its own to each connection.
var PORT = parseInt(ARGV[2]);
var WANT = parseInt(ARGV[3]);
var open = 0;
node.tcp.createServer(function (socket) {
  open += 1;
  if (open == WANT) puts("ready");
}).listen(PORT, "127.0.0.1");
puts("listening");
