// Opens process.argv[3] connections to 127.0.0.1:process.argv[2] (run with Node.js), a few
// hundred at a time, prints "connected" once all are up, and keeps them open until killed.
var net = require("net");
var PORT = parseInt(process.argv[2]);
var WANT = parseInt(process.argv[3]);
var opened = 0, connected = 0, sockets = [];
function more () {
  while (opened < WANT && opened - connected < 200) {
    opened += 1;
    var s = net.connect(PORT, "127.0.0.1", function () {
      connected += 1;
      if (connected == WANT) console.log("connected");
      more();
    });
    s.on("error", function (e) { console.error("client: " + e.message); process.exit(1); });
    sockets.push(s);
  }
}
more();
