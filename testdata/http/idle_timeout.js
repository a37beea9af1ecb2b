// A client that never finishes its request is dropped after the connection's idle timeout
// (60 s by default; set here to 300 ms through request.connection's `timeout`), with `timeout`
// and then `disconnect(true)` on the connection; a finished exchange is unaffected.
var PORT = parseInt(ARGV[2]);
var server = node.http.createServer(function (req, res) {
  req.addListener("complete", function () {
    res.sendHeader(200, [["Content-Length", 2], ["Connection", "close"]]);
    res.sendBody("ok");
    res.finish();
  });
});
server.addListener("connection", function (c) {
  puts("server: connection, default timeout " + c.timeout + " ms, readyState " + c.readyState);
  c.timeout = 300;
  var start = new Date();
  c.addListener("timeout", function () {
    puts("server: timeout after at least 300 ms: " + (new Date() - start >= 290));
  });
  c.addListener("disconnect", function (had_error) {
    puts("server: disconnect had_error " + had_error + ", readyState " + c.readyState);
  });
});
server.listen(PORT);

var slow = node.tcp.createConnection(PORT);
slow.addListener("connect", function () {
  slow.send("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
});
slow.addListener("eof", function () { slow.close(); });
slow.addListener("disconnect", function () {
  puts("client: dropped");
  server.close();
});
