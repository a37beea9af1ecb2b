// The client reads every framing a server may use: a body delimited by closing the connection
// (HTTP/1.0 style), a Content-Length body, a chunked body with trailers, an interim 100
// Continue before the real answer, and no body for HEAD.
var PORT = parseInt(ARGV[2]);
var answers = {
  "/close": "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nbody until close",
  "/length": "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsix by",
  "/chunked": "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nchun\r\n3\r\nked\r\n0\r\nX-Trailer: t\r\n\r\n",
  "/continue": "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nlater",
  "/head": "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"
};
var server = node.tcp.createServer(function (socket) {
  socket.setEncoding("ascii");
  var got = "";
  socket.addListener("receive", function (data) {
    got += data;
    if (!/\r\n\r\n/.test(got)) return;
    var path = got.split(" ")[1];
    socket.send(answers[path]);
    socket.close();
  });
  socket.addListener("eof", function () { socket.close(); });
});
server.listen(PORT, "127.0.0.1");

var client = node.http.createClient(PORT);
var paths = ["/close", "/length", "/chunked", "/continue", "/head"];
function next () {
  var path = paths.shift();
  if (!path) { server.close(); return; }
  var request = path == "/head" ? client.head(path) : client.get(path);
  request.addListener("error", function (e) { puts(path + ": error " + e.message); next(); });
  request.finish(function (response) {
    var body = [];
    response.setBodyEncoding("utf8");
    response.addListener("body", function (chunk) { body.push(chunk); });
    response.addListener("complete", function () {
      puts(path + ": " + response.statusCode + " HTTP/" + response.httpVersion + " " + JSON.stringify(body));
      next();
    });
  });
}
next();
