// Node.js 20's http hello world, sending the same bytes as hello.js: no Date header, and no
// Keep-Alive header (keepAliveTimeout 0 leaves it out; connections stay open as in hello.js).
var http = require("http");
var server = http.createServer(function (request, response) {
  response.sendDate = false;
  response.writeHead(200, {"Content-Type": "text/plain", "Content-Length": "11"});
  response.end("Hello World");
});
server.keepAliveTimeout = 0;
server.listen(parseInt(process.argv[2]), "127.0.0.1", function () { console.log("listening"); });
