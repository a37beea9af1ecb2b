// node.http server answering every request with 200 MiB, sent 1 MiB a turn: sendBody has no
// backpressure, so a client that does not read makes the answer pass the 64 MiB write limit;
// the connection then emits `error` naming it and closes.
var PORT = parseInt(ARGV[2]);
var piece = new Array(1048576 + 1).join("y");
var server = node.http.createServer(function (req, res) {
  req.addListener("complete", function () {
    res.sendHeader(200, [["Content-Length", 200 * piece.length]]);
    var sent = 0;
    function more() {
      if (closed) return;
      res.sendBody(piece);
      if (++sent < 200) setTimeout(more, 0); else res.finish();
    }
    more();
  });
});
var closed = false;
server.addListener("connection", function (c) {
  c.addListener("error", function (e) { puts("connection error: " + e.message); });
  c.addListener("disconnect", function (hadError) { closed = true; puts("disconnect " + hadError); });
});
server.listen(PORT, "127.0.0.1");
puts("listening");
