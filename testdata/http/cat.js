// node.http.cat(url, encoding) and node.cat(location) for http:// locations: a promise of the
// whole body; the errback runs on a status other than 2xx and on connection refused; a URL
// without a path means "/". node.cat of anything else goes to node.fs.cat.
var PORT = parseInt(ARGV[2]);
var CLOSED = parseInt(ARGV[3]);
var BASE = "http://127.0.0.1:" + PORT;
var server = node.http.createServer(function (req, res) {
  if (req.uri.path == "/missing") {
    res.sendHeader(404, [["Content-Type", "text/plain"]]);
    res.sendBody("no such page");
  } else {
    res.sendHeader(200, [["Content-Type", "text/plain; charset=utf-8"]]);
    res.sendBody("path " + req.uri.path + ": h\u00e9llo", "utf8");
  }
  res.finish();
});
server.listen(PORT);

var steps = [
  function (next) {
    node.http.cat(BASE + "/page").addCallback(function (content) {
      puts("http.cat: " + content);
      next();
    });
  },
  function (next) {
    node.http.cat(BASE).addCallback(function (content) {
      puts("http.cat without a path: " + content);
      next();
    });
  },
  function (next) {
    node.http.cat(BASE + "/raw", "raw").addCallback(function (content) {
      puts("http.cat raw: " + JSON.stringify(content.slice(0, 6)) + "... " + content.length + " bytes");
      next();
    });
  },
  function (next) {
    node.cat(BASE + "/via-node-cat", "utf8").addCallback(function (content) {
      puts("node.cat: " + content);
      next();
    });
  },
  function (next) {
    node.cat(__filename, "utf8").addCallback(function (content) {
      puts("node.cat of a file (node.fs.cat): " + content.split("\n")[0]);
      next();
    });
  },
  function (next) {
    node.http.cat(BASE + "/missing").addErrback(function (e) {
      puts("404 errback: " + e.message.replace(/:\d+/g, ":PORT") + ", statusCode " + e.statusCode);
      next();
    });
  },
  function (next) {
    node.cat("http://127.0.0.1:" + CLOSED + "/").addErrback(function (e) {
      puts("refused errback: " + /connection refused/.test(e.message));
      next();
    });
  }
];
function run () {
  var step = steps.shift();
  if (!step) { server.close(); return; }
  step(run);
}
run();
