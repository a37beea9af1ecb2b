// HTTP hello world with the 0.1.0 API: the same response bytes as hello_node.js (status line,
// Content-Type, Content-Length, Connection: keep-alive, "Hello World").
node.http.createServer(function (request, response) {
  response.sendHeader(200, [["Content-Type", "text/plain"], ["Content-Length", "11"]]);
  response.sendBody("Hello World");
  response.finish();
}).listen(parseInt(ARGV[2]), "127.0.0.1");
puts("listening");
