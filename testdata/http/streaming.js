// Bodies stream both ways as they arrive, never buffered whole: the server answers the first
// piece of a chunked request body before the client has sent the second, and the client sends
// the second only after reading that answer. A request body with neither Content-Length nor
// Transfer-Encoding goes out chunked, and the client adds Host (beyond 0.1.0, which sent none:
// HTTP/1.1 servers require it).
var PORT = parseInt(ARGV[2]);

var server = node.http.createServer(function (req, res) {
  puts("server: request " + req.method + " " + req.uri.path + ", headers " + JSON.stringify(req.headers).replace(/:\d+"/, ":PORT\""));
  req.setBodyEncoding("utf8");
  var started = false;
  req.addListener("body", function (chunk) {
    puts("server: body " + JSON.stringify(chunk));
    if (!started) {
      res.sendHeader(200, [["Content-Type", "text/plain"]]);
      started = true;
    }
    res.sendBody("got " + chunk);
  });
  req.addListener("complete", function () {
    puts("server: complete");
    res.sendBody("done");
    res.finish();
    server.close();
  });
});
server.listen(PORT);

var client = node.http.createClient(PORT);
var request = client.post("/stream", [["Content-Type", "text/plain"]]);
request.addListener("response", function (response) {
  puts("client: response " + response.statusCode + ", headers " + JSON.stringify(response.headers));
  puts("client: response.client is the client: " + (response.client === client));
  response.setBodyEncoding("utf8");
  response.addListener("body", function (chunk) {
    puts("client: body " + JSON.stringify(chunk));
    if (chunk == "got piece one") {
      request.sendBody("piece two");
      request.finish();
    }
  });
  response.addListener("complete", function () { puts("client: complete"); });
});
request.sendBody("piece one");
