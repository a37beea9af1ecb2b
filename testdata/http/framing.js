// ServerResponse framing as 0.1.0 did it: without Content-Length or Transfer-Encoding the
// body goes chunked with Connection: keep-alive added (or close, as the request asked); an
// HTTP/1.0 client gets the body delimited by closing; HEAD gets no body; a given Content-Length
// is kept. Each answer is shown byte for byte.
var PORT = parseInt(ARGV[2]);
var raw = require("raw.js");

var server = node.http.createServer(function (req, res) {
  var path = req.uri.path;
  if (path == "/length") {
    res.sendHeader(200, [["Content-Length", 5]]);
    res.sendBody("hello");
  } else if (path == "/utf8") {
    res.sendHeader(200, [["Content-Type", "text/plain; charset=utf-8"]]);
    res.sendBody("h\u00e9", "utf8");
    res.sendBody([33, 10]);
  } else {
    res.sendHeader(200, [["Content-Type", "text/plain"]]);
    res.sendBody("hello ");
    res.sendBody("world");
  }
  res.finish();
});
server.listen(PORT);

// Keep-alive answers leave the connection open: each case says where its message ends.
function lastChunk (got) { return /\r\n0\r\n\r\n$/.test(got); }
function headEnd (got) { return /\r\n\r\n$/.test(got); }
function hello (got) { return /hello$/.test(got); }
var cases = [
  ["HTTP/1.1, no length", "GET / HTTP/1.1\r\n\r\n", lastChunk],
  ["HTTP/1.1 asking to close", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", null],
  ["HTTP/1.0", "GET / HTTP/1.0\r\n\r\n", null],
  ["HTTP/1.0 keep-alive", "GET /length HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", hello],
  ["HEAD", "HEAD / HTTP/1.1\r\n\r\n", headEnd],
  ["Content-Length given", "GET /length HTTP/1.1\r\n\r\n", hello],
  ["utf8 and raw pieces", "GET /utf8 HTTP/1.1\r\n\r\n", lastChunk]
];

function onLoad () {
  var next = function () {
    var c = cases.shift();
    if (!c) { server.close(); return; }
    raw.exchange(PORT, c[1], { until: c[2] }, function (got) {
      puts("== " + c[0]);
      puts(raw.show(got));
      next();
    });
  };
  next();
}
