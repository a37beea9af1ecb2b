// A module whose fetch fails (here a 404) is a fatal error naming the URL.
PORT = parseInt(ARGV[2]);
var server = node.http.createServer(function (req, res) {
  res.sendHeader(404, [["Content-Type", "text/plain"]]);
  res.sendBody("not here");
  res.finish();
});
server.listen(PORT);
require("http://127.0.0.1:" + PORT + "/missing.js");
puts("the body ran; the module fails to load after it");
