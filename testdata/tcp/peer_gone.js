// Sending to a peer that has closed its connection ends in disconnect(true), never a crash:
// the sends made before the failure is known are dropped; once readyState is closed, send()
// throws an error naming the state.
var PORT = parseInt(ARGV[2]);
var server = node.tcp.createServer(function (socket) {
  socket.addListener("connect", function () { socket.forceClose(); });
});
server.listen(PORT);
var c = node.tcp.createConnection(PORT);
c.addListener("eof", function () {
  puts("eof, readyState " + c.readyState);
  setTimeout(function () {
    c.send("a");
    c.send("b");
    c.send("c");
    puts("sent three messages without an exception");
  }, 50);
});
c.addListener("disconnect", function (had_error) {
  puts("disconnect had_error " + had_error + ", readyState " + c.readyState);
  try {
    c.send("d");
  } catch (e) {
    puts("then: " + e.message);
  }
  server.close();
});
