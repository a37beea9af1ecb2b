// UDP (docs/wire/node-ipc.md): two udp4 servers (two IPC instances) on the ports given; start gets
// {address, port}; messages carry rinfo; emit without address falls back to broadcast, which
// sends nothing over UDP.
var ipc = require("node-ipc");
var one = new ipc.IPC();
var two = new ipc.IPC();
one.config.silent = two.config.silent = true;
var portOne = parseInt(ARGV[2], 10);
var portTwo = parseInt(ARGV[3], 10);
one.serveNet("127.0.0.1", portOne, "udp4", function (info) {
  puts("one start " + JSON.stringify(info).replace(String(portOne), "PORT"));
  two.server.start();
  one.server.on("message", function (data, rinfo) {
    puts("one got " + JSON.stringify(data) + " from " + rinfo.address + " family " + rinfo.family + " port ok " + (rinfo.port === portTwo));
    one.server.emit({}, "lost", "no address: broadcast, which sends nothing");
    one.server.emit(rinfo, "message", {echo: data});
  });
});
one.server.start();
two.serveNet("127.0.0.1", portTwo, "udp4", function () {
  two.server.on("connect", function (socket) { puts("two connect, sockets " + two.server.sockets.length); });
  two.server.on("lost", function () { puts("two got the lost message (not expected)"); });
  two.server.on("message", function (data) {
    puts("two got " + JSON.stringify(data));
    one.server.server.close();
    two.server.server.close();
  });
  setTimeout(function () {
    two.server.emit({address: "127.0.0.1", port: portOne}, "message", {hello: [1, 2]});
  }, 50);
});
