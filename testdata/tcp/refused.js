// Connecting to a port nobody listens on is a disconnect(true), never a crash; connecting
// twice at once is an error naming the state.
var PORT = parseInt(ARGV[2]);
var c = node.tcp.createConnection(PORT, "127.0.0.1");
c.addListener("connect", function () { puts("connect (unexpected)"); });
c.addListener("disconnect", function (had_error) {
  puts("disconnect had_error " + had_error + " readyState " + c.readyState);
});
try {
  c.connect(PORT);
} catch (e) {
  puts("second connect: " + e.message);
}
try {
  c.send("x");
  puts("send while opening is queued");
} catch (e) {
  puts("send while opening: " + e.message);
}
var d = new node.tcp.Connection();
try {
  d.send("x");
} catch (e) {
  puts("send on a closed connection: " + e.message);
}
try {
  node.tcp.createConnection(70000);
} catch (e) {
  puts("bad port: " + e.message);
}
