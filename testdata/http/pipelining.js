// Pipelined requests on one connection are answered in order even when their answers are
// finished out of order; a client that half-closes after sending its requests still gets every
// answer, then the server closes; keep-alive serves several requests on one connection.
var PORT = parseInt(ARGV[2]);
var raw = require("raw.js");
var finished = [];

var server = node.http.createServer(function (req, res) {
  var n = parseInt(req.uri.params.n);
  // The first request waits longest: its answer is finished last but must be sent first.
  setTimeout(function () {
    res.sendHeader(200, [["Content-Type", "text/plain"]]);
    res.sendBody("answer " + n + " to " + req.method);
    res.finish();
    finished.push(n);
  }, 40 * (4 - n));
});
server.listen(PORT);

function requests (close) {
  var text = "";
  for (var i = 1; i <= 3; i++) {
    text += "GET /?n=" + i + " HTTP/1.1\r\n" + (close && i == 3 ? "Connection: close\r\n" : "") + "\r\n";
  }
  return text;
}

function bodies (got) {
  return got.split("\r\n").filter(function (l) { return /^answer/.test(l); }).join(" | ");
}

function onLoad () {
  raw.exchange(PORT, requests(true), {}, function (got) {
    puts("pipelined, the last asking to close: " + bodies(got));
    puts("finished in the order " + JSON.stringify(finished));
    finished = [];
    raw.exchange(PORT, requests(false), { halfClose: true }, function (got) {
      puts("pipelined, then half-closed: " + bodies(got));
      puts("connection closed by the server after the answers: " + /0\r\n\r\n$/.test(got));
      // Keep-alive: one request at a time on one connection.
      var c = node.tcp.createConnection(PORT, "127.0.0.1");
      c.setEncoding("ascii");
      var got2 = "", sent = 0;
      function ask () {
        sent += 1;
        c.send("GET /?n=" + sent + " HTTP/1.1\r\n\r\n");
      }
      c.addListener("connect", ask);
      c.addListener("receive", function (d) {
        got2 += d;
        if (/0\r\n\r\n$/.test(got2)) {
          if (sent < 3) { ask(); } else { c.close(); }
        }
      });
      c.addListener("eof", function () { c.close(); });
      c.addListener("disconnect", function () {
        puts("keep-alive, one after another: " + bodies(got2));
        server.close();
      });
    });
  });
}
