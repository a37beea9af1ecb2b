// The Node.js 20 equivalent of echo_server.js: a net echo server. Prints "listening".
var net = require("net");
var PORT = parseInt(process.argv[2]);
net.createServer(function (socket) {
  socket.on("data", function (data) { socket.write(data); });
  socket.on("end", function () { socket.end(); });
}).listen(PORT, "127.0.0.1", function () { console.log("listening"); });
