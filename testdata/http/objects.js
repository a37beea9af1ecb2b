// What a script sees of the ServerRequest and ServerResponse objects as objects: own
// enumerable properties method, uri, headers, httpVersion, connection (uri and headers made on
// first read, listed before); properties a script sets, reads back, deletes and enumerates;
// the prototypes (methods added to node.http.ServerRequest.prototype are found); listeners
// (kept in _events) never listed; setBodyEncoding after complete is a no-op; writes after
// finish are dropped.
var PORT = parseInt(ARGV[2]);
var raw = require("raw.js");

node.http.ServerRequest.prototype.describe = function () { return this.method + " " + this.uri.path; };

var server = node.http.createServer(function (req, res) {
  puts("request keys " + JSON.stringify(Object.keys(req)));
  puts("own uri before read: " + req.hasOwnProperty("uri") + ", 'uri' in req: " + ("uri" in req));
  puts("describe() " + req.describe());
  puts("headers " + JSON.stringify(req.headers) + ", same object again: " + (req.headers === req.headers));
  req.tag = "t1";
  req.method = "CHANGED";
  var names = [];
  for (var k in req) if (req.hasOwnProperty(k)) names.push(k);
  puts("for-in own " + JSON.stringify(names) + ", tag " + req.tag + ", method " + req.method);
  delete req.tag;
  delete req.httpVersion;
  puts("after delete: tag " + req.tag + ", httpVersion " + req.httpVersion + ", keys " + JSON.stringify(Object.keys(req)));
  puts("prototypes: " + (Object.getPrototypeOf(req) === node.http.ServerRequest.prototype) + " " +
       (Object.getPrototypeOf(res) === node.http.ServerResponse.prototype) + ", emitter " +
       (typeof req.addListener) + " " + (typeof res.addListener));
  puts("response keys " + JSON.stringify(Object.keys(res)));
  res.extra = 42;
  puts("response extra " + res.extra + ", keys " + JSON.stringify(Object.keys(res)) + ", own " + res.hasOwnProperty("extra"));
  var d = Object.getOwnPropertyDescriptor(req, "method");
  puts("descriptor " + JSON.stringify(d));
  req.addListener("complete", function () {
    puts("complete; keys " + JSON.stringify(Object.keys(req)));
    req.setBodyEncoding("utf8");
    res.sendHeader(200, [["Content-Length", 2]]);
    res.sendBody("ok");
    res.finish();
    res.sendBody("dropped");
    res.finish();
    puts("after finish: no throw");
    server.close();
  });
});
server.listen(PORT);

function onLoad () {
  raw.exchange(PORT, "GET /a/b?x=1 HTTP/1.1\r\nHost: h\r\nX-One: 1\r\n\r\n",
    { until: function (got) { return /ok$/.test(got); } },
    function (got) { puts("client got " + JSON.stringify(got)); });
}
