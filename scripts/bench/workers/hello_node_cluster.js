// Node.js 20's http hello world (the same bytes as ../http/hello_node.js) under Node's cluster
// module with N workers: the primary forks them and they share the port.
// Usage: node hello_node_cluster.js PORT N
var cluster = require("cluster");
var http = require("http");
var port = parseInt(process.argv[2]), n = parseInt(process.argv[3]);
if (cluster.isPrimary) {
  for (var i = 0; i < n; i++) cluster.fork();
  process.on("SIGTERM", function () {
    for (var id in cluster.workers) cluster.workers[id].kill();
    process.exit(0);
  });
} else {
  var server = http.createServer(function (request, response) {
    response.sendDate = false;
    response.writeHead(200, {"Content-Type": "text/plain", "Content-Length": "11"});
    response.end("Hello World");
  });
  server.keepAliveTimeout = 0;
  server.listen(port, "127.0.0.1", function () { console.log("listening"); });
}
