// socket.timeout is a plain property: 60 s by default (in milliseconds); when a connection
// stays idle that long, `timeout` fires and the connection is dropped (disconnect(true)).
// Activity keeps it alive.
var PORT = parseInt(ARGV[2]);
var start;
var server = node.tcp.createServer(function (socket) {
  puts("server side default timeout: " + socket.timeout);
  socket.timeout = 1000;
  socket.setEncoding("utf8");
  var received = "";
  socket.addListener("receive", function (d) { received += d; });
  socket.addListener("timeout", function () {
    var idle = new Date() - last;
    puts("server: received " + JSON.stringify(received));
    puts("server: timeout after at least 1000 ms idle: " + (idle >= 990) + ", readyState " + socket.readyState);
  });
  socket.addListener("disconnect", function (had_error) {
    puts("server: disconnect " + had_error);
    serverGone = true;
    flushClient();
    server.close();
  });
});
server.listen(PORT);

var last;
// The client's eof and the server's disconnect come from the same close, in either order
// (the portable I/O layer reads on goroutines): the client's lines wait for the server's.
var serverGone = false;
var clientLines = [];
function flushClient() {
  if (!serverGone) return;
  while (clientLines.length > 0) puts(clientLines.shift());
}
var c = node.tcp.createConnection(PORT);
puts("client default timeout: " + c.timeout);
c.addListener("connect", function () {
  var n = 0;
  // Three sends 100 ms apart keep the server's 1000 ms timeout from firing.
  var t = setInterval(function () {
    n += 1;
    c.send("tick " + n + ";");
    last = new Date();
    if (n == 3) clearInterval(t);
  }, 100);
});
c.addListener("eof", function () { clientLines.push("client: eof"); flushClient(); c.close(); });
c.addListener("disconnect", function (had_error) { clientLines.push("client: disconnect " + had_error); flushClient(); });
