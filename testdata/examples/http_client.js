// Runs the man page's HTTP client example (http_client_example.js) against a local server on
// PORT instead of google.com:80. The server answers once and stops listening.
PORT = parseInt(ARGV[2]);
var server = node.http.createServer(function (request, response) {
  response.sendHeader(200, [["Content-Type", "text/html"], ["Content-Length", "21"]]);
  response.sendBody("<html>a page</html>\r\n");
  response.finish();
  this.close();
});
server.listen(PORT, "127.0.0.1");
include("http_client_example.js");
