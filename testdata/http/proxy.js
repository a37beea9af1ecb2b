// A proxy forwards a received header list unchanged, Transfer-Encoding: chunked included
// (res.sendHeader(r.statusCode, r.headers)): the body comes out chunked exactly once.
var PORT = parseInt(ARGV[2]);
var BACKEND = parseInt(ARGV[3]);
var raw = require("raw.js");

var backend = node.http.createServer(function (req, res) {
  res.sendHeader(200, [["Content-Type", "text/plain"], ["X-Backend", "yes"]]);
  res.sendBody("from ");
  res.sendBody("the backend");
  res.finish();
});
backend.listen(BACKEND);

var proxy = node.http.createServer(function (req, res) {
  var upstream = node.http.createClient(BACKEND).get(req.uri.path, req.headers);
  upstream.finish(function (r) {
    res.sendHeader(r.statusCode, r.headers);
    r.addListener("body", function (chunk) { res.sendBody(chunk); });
    r.addListener("complete", function () { res.finish(); });
  });
});
proxy.listen(PORT);

function onLoad () {
  raw.exchange(PORT, "GET /page HTTP/1.1\r\nX-Client: 1\r\n\r\n", {}, function (got) {
    puts(raw.show(got));
    backend.close();
    proxy.close();
  });
}
