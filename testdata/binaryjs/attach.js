// A BinaryServer attached to a node.http server on a path ({server, path}): WebSocket upgrades
// to the path become BinaryJS clients, plain requests still reach the HTTP handler on the same
// port, and closing the BinaryServer leaves the HTTP server serving.
var binaryjs = require("binaryjs");
var port = ARGV[2];

var http = node.http.createServer(function (request, response) {
  response.sendHeader(200, { "Content-Type": "text/plain" });
  response.sendBody("plain HTTP at " + request.uri.path + "\n");
  response.finish();
});
http.listen(port);

var server = new binaryjs.BinaryServer({ server: http, path: "/binary" });
server.addListener("connection", function (client) {
  puts("binary: connection " + client.id);
  client.addListener("stream", function (stream, meta) {
    stream.addListener("data", function (data) {
      stream.write("echo " + data);
    });
  });
});

node.http.cat("http://localhost:" + port + "/page").addCallback(function (body) {
  print("http: " + body);
  var client = new binaryjs.BinaryClient("ws://localhost:" + port + "/binary");
  client.addListener("open", function () {
    var stream = client.createStream({ hello: "over http" });
    stream.addListener("data", function (data) {
      puts("client: " + data);
      client.close();
    });
    stream.write("hi");
  });
  client.addListener("close", function () {
    puts("client: close");
    server.close();
    node.http.cat("http://localhost:" + port + "/after").addCallback(function (body) {
      print("http: " + body);
      http.close();
    });
  });
});
