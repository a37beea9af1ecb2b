// A node.http server for the worker tests (modules/worker/workers_test.go): every response
// names the worker that sent it; /crash throws from the request listener, an uncaught
// exception that ends the worker. Usage: hello_http.js PORT
node.http.createServer(function (req, res) {
  if (req.uri.path === "/crash") throw new Error("crash on request");
  var body = "worker " + node.worker.index + "\n";
  res.sendHeader(200, {"Content-Type": "text/plain", "Content-Length": body.length});
  res.sendBody(body);
  res.finish();
}).listen(Number(ARGV[2]), "127.0.0.1");
puts("listening " + node.worker.index + " of " + node.worker.count);
