// node.http server answering every request with 16 KiB. A client that pipelines requests
// without reading the answers must not make it queue them without bound: reading pauses while
// answers wait to be written and resumes once they are. It prints "answered 40" once it has
// answered 40 requests.
var PORT = parseInt(ARGV[2]);
var body = new Array(16 * 1024 + 1).join("x");
var answered = 0;
var server = node.http.createServer(function (req, res) {
  req.addListener("complete", function () {
    res.sendHeader(200, [["Content-Length", body.length], ["Content-Type", "text/plain"]]);
    res.sendBody(body);
    res.finish();
    if (++answered === 40) puts("answered 40");
  });
});
server.addListener("connection", function (c) {
  c.addListener("error", function (e) { puts("connection error: " + e.message); });
});
server.listen(PORT, "127.0.0.1");
puts("listening");
