// The Node.js 20 equivalent of idle_server.js.
var net = require("net");
var PORT = parseInt(process.argv[2]);
var WANT = parseInt(process.argv[3]);
var open = 0;
net.createServer(function (socket) {
  open += 1;
  if (open == WANT) console.log("ready");
}).listen(PORT, "127.0.0.1", function () { console.log("listening"); });
