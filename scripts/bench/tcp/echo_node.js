// The Node.js 20 equivalent of echo.js: net echo server and client in one process.
var net = require("net");
var PORT = parseInt(process.argv[2]);
var TOTAL = parseInt(process.argv[3] || "100") * 1048576;
var CHUNK = 65536, WINDOW = 4 * 1048576;
var server = net.createServer(function (socket) {
  socket.on("data", function (data) { socket.write(data); });
  socket.on("end", function () { socket.end(); });
});
server.listen(PORT, "127.0.0.1", function () {
  var chunk = Buffer.alloc(CHUNK, 120);
  var c = net.connect(PORT, "127.0.0.1");
  var sent = 0, received = 0, start;
  function fill () {
    while (sent < TOTAL && sent - received < WINDOW) {
      c.write(chunk);
      sent += CHUNK;
    }
  }
  c.on("connect", function () { start = Date.now(); fill(); });
  c.on("data", function (data) {
    received += data.length;
    if (received >= TOTAL) {
      var seconds = (Date.now() - start) / 1000;
      console.log((TOTAL / 1e6 / seconds).toFixed(1));
      c.end();
      server.close();
      return;
    }
    fill();
  });
});
