// Input that breaks HTTP gets 400 (431 for an oversized head, 505 for an unknown version) and
// the connection closes; the connection (and the request whose body broke) emit `error`
// naming what failed; the server keeps serving everyone else.
var PORT = parseInt(ARGV[2]);
var raw = require("raw.js");

var server = node.http.createServer(function (req, res) {
  req.addListener("error", function (e) { puts("  request error: " + e.message); });
  req.addListener("complete", function () {
    res.sendHeader(200, [["Content-Length", 2]]);
    res.sendBody("ok");
    res.finish();
  });
});
server.addListener("connection", function (c) {
  c.addListener("error", function (e) { puts("  connection error: " + e.message); });
});
server.listen(PORT);

var big = "";
while (big.length < 100 * 1024) big += "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

var cases = [
  ["malformed request line", "GARBAGE\r\n\r\n"],
  ["bad header line", "GET / HTTP/1.1\r\nNo colon here\r\n\r\n"],
  ["bad chunk size", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"],
  ["head over 80 KiB", "GET / HTTP/1.1\r\nX-Big: " + big + "\r\n\r\n"],
  ["body longer than its Content-Length", "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello, and more\r\n\r\n"],
  ["unknown HTTP version", "GET / HTTP/3.0\r\n\r\n"],
  ["Content-Length and Transfer-Encoding", "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"],
  ["two different Content-Lengths", "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"],
  ["NUL in a header value", "GET / HTTP/1.1\r\nX-A: a\u0000b\r\n\r\n"],
  ["request cut short by the client", "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", { halfClose: true }],
  ["a good request after all that", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"]
];

function onLoad () {
  var next = function () {
    var c = cases.shift();
    if (!c) { server.close(); return; }
    puts(c[0] + ":");
    raw.exchange(PORT, c[1], c[2] || {}, function (got, had_error) {
      var statuses = got.match(/HTTP\/1\.1 \d+ [^\r]*/g) || [];
      puts("  answered " + JSON.stringify(statuses) + ", then the server closed");
      next();
    });
  };
  next();
}
