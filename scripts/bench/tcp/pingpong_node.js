// The Node.js 20 equivalent of pingpong.js.
var net = require("net");
var PORT = parseInt(process.argv[2]);
var COUNT = parseInt(process.argv[3] || "20000");
var server = net.createServer(function (socket) {
  socket.on("data", function (data) { socket.write(data); });
  socket.on("end", function () { socket.end(); });
});
server.listen(PORT, "127.0.0.1", function () {
  var msg = Buffer.alloc(32, 112);
  var c = net.connect(PORT, "127.0.0.1");
  var got = 0, trips = 0, start;
  c.on("connect", function () { start = Date.now(); c.write(msg); });
  c.on("data", function (data) {
    got += data.length;
    while (got >= 32) {
      got -= 32;
      trips += 1;
      if (trips == COUNT) {
        console.log((COUNT / ((Date.now() - start) / 1000)).toFixed(0));
        c.end();
        server.close();
        return;
      }
      c.write(msg);
    }
  });
});
