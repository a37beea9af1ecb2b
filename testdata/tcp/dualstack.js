// listen(port, null) accepts IPv4 and IPv6 peers; an IPv4 loopback peer reads "127.0.0.1" and
// an IPv6 one "::1"; a server can also listen on "::1" alone.
var PORT = parseInt(ARGV[2]);
var PORT2 = parseInt(ARGV[3]);
var seen = [], v6peer, v6connected = false;
var server = node.tcp.createServer(function (socket) {
  seen.push(socket.remoteAddress);
  socket.addListener("eof", function () { socket.close(); });
});
server.listen(PORT, null);

var v6only = node.tcp.createServer(function (socket) {
  v6peer = socket.remoteAddress;
  socket.addListener("eof", function () { socket.close(); });
});
v6only.listen(PORT2, "::1");

var hosts = ["127.0.0.1", "::1", "localhost"];
var left = hosts.length + 1;
function done () {
  left -= 1;
  if (left > 0) return;
  seen.sort();
  puts("dual-stack server saw " + JSON.stringify(seen));
  puts("::1 server: client connected " + v6connected + ", peer " + v6peer);
  server.close();
  v6only.close();
}
hosts.forEach(function (host) {
  var c = node.tcp.createConnection(PORT, host);
  c.addListener("connect", function () { c.close(); });
  c.addListener("disconnect", function (had_error) { done(); });
});
var c6 = node.tcp.createConnection(PORT2, "::1");
c6.addListener("connect", function () { v6connected = true; c6.close(); });
c6.addListener("disconnect", function (had_error) { done(); });
