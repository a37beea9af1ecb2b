// Client failures are `error` events, never crashes: connection refused (on the request), a
// server whose response breaks HTTP (on the request), a server that closes in the middle of a
// body (on the response, after the body that did arrive), a host that does not resolve.
var PORT = parseInt(ARGV[2]);
var CLOSED = parseInt(ARGV[3]);

// A TCP server that answers each connection according to what it asked for.
var server = node.tcp.createServer(function (socket) {
  socket.setEncoding("ascii");
  var got = "";
  socket.addListener("receive", function (data) {
    got += data;
    if (!/\r\n\r\n/.test(got)) return;
    if (/GET \/garbage/.test(got)) {
      socket.send("HELLO THERE\r\n\r\n");
    } else if (/GET \/short/.test(got)) {
      socket.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten..");
    } else if (/GET \/badlength/.test(got)) {
      socket.send("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n");
    } else if (/GET \/badchunk/.test(got)) {
      socket.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nxyz\r\n");
    }
    socket.close();
  });
  socket.addListener("eof", function () { socket.close(); });
});
server.listen(PORT, "127.0.0.1");

function attempt (port, host, path, next) {
  var request = node.http.createClient(port, host).get(path);
  request.addListener("error", function (e) {
    var msg = e.message.replace(/:\d+/g, ":PORT");
    // How a name fails to resolve depends on the machine's resolver: show only what failed.
    if (host == "nonexistent.invalid") msg = msg.split(": ")[0];
    puts(path + ": request error: " + msg);
    next();
  });
  request.finish(function (response) {
    puts(path + ": response " + response.statusCode);
    response.setBodyEncoding("utf8");
    response.addListener("body", function (chunk) { puts(path + ": body " + JSON.stringify(chunk)); });
    response.addListener("complete", function () { puts(path + ": complete (unexpected)"); next(); });
    response.addListener("error", function (e) {
      puts(path + ": response error: " + e.message.replace(/:\d+/g, ":PORT"));
      next();
    });
  });
}

var runs = [
  [CLOSED, "127.0.0.1", "/refused"],
  [PORT, "127.0.0.1", "/garbage"],
  [PORT, "127.0.0.1", "/short"],
  [PORT, "127.0.0.1", "/badlength"],
  [PORT, "127.0.0.1", "/badchunk"],
  [80, "nonexistent.invalid", "/unresolvable"]
];
function next () {
  var r = runs.shift();
  if (!r) { server.close(); return; }
  attempt(r[0], r[1], r[2], next);
}
next();
