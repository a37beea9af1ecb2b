node.http.createServer(function (request, response) {
  setTimeout(function () {
    response.sendHeader(200, [["Content-Type", "text/plain"]]);
    response.sendBody("Hello World");
    response.finish();
  }, 2000);
}).listen(PORT);
puts("Server running at http://127.0.0.1:8000/");
