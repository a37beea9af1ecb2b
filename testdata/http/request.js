// ServerRequest: method, uri (as the man page shows it, with every field present in the
// request), headers (original case, order and duplicates), httpVersion, connection; body events
// in the chosen encoding, then one complete.
var PORT = parseInt(ARGV[2]);
var raw = require("raw.js");
var seen = 0;

var server = node.http.createServer(function (req, res) {
  puts("method " + req.method + ", httpVersion " + req.httpVersion);
  puts("uri " + JSON.stringify(req.uri));
  puts("uri.toString() " + req.uri.toString() + ", protocol " + req.uri.protocol);
  puts("headers " + JSON.stringify(req.headers));
  puts("connection is a node.http.Connection: " + (req.connection instanceof node.http.Connection) +
       ", remoteAddress " + req.connection.remoteAddress);
  puts("instances: " + (req instanceof node.http.ServerRequest) + " " + (res instanceof node.http.ServerResponse));
  var chunks = [];
  if (req.method == "POST") req.setBodyEncoding("utf8");
  req.addListener("body", function (chunk) { chunks.push(chunk); });
  req.addListener("complete", function () {
    puts("complete, body " + JSON.stringify(chunks));
    res.sendHeader(200, [["Content-Length", 2]]);
    res.sendBody("ok");
    res.finish();
    seen += 1;
    if (seen == 3) server.close();
  });
});
server.listen(PORT);

function onLoad () {
  raw.exchange(PORT,
    "GET /status?name=ryan HTTP/1.1\r\n" +
    "Accept: */*\r\n" +
    "X-Dup: one\r\n" +
    "x-dup: two\r\n" +
    "Content-Type: text/plain\r\n\r\n",
    { until: function (got) { return /ok$/.test(got); } },
    function () {
      raw.exchange(PORT,
        "POST /a/b/c.html?x=1&y=%41%42+c&x=3#frag HTTP/1.0\r\nContent-Length: 9\r\n\r\nh\u00c3\u00a9llo !!",
        {},
        function () {
          raw.exchange(PORT,
            "PUT /raw HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\n\u0000\u00ff\u0080\r\n0\r\n\r\n",
            {},
            function (got) { puts("last answer ends the connection: " + /Connection: close/.test(got)); });
        });
    });
}
