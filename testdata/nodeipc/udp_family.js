// A udp6 server given an IPv4 address cannot bind: the server emits 'error' with Node's fields
// (bind, EINVAL, the address and port; earlynode's message adds why after "bind EINVAL").
var ipc = require("node-ipc");
var port = parseInt(ARGV[2], 10);
var cases = [["udp6", "127.0.0.1"]];
function next () {
  var c = cases.shift();
  if (!c) return;
  var one = new ipc.IPC();
  one.config.silent = true;
  one.serveNet(c[1], port, c[0], function () { puts(c[0] + " " + c[1] + ": start callback"); });
  one.server.on("error", function (e) {
    puts(c[0] + " " + c[1] + ": error " + e.message.slice(0, 11) + " code=" + e.code + " syscall=" + e.syscall +
      " address=" + e.address + " port ok " + (e.port === port));
    one.server.stop();
    next();
  });
  one.server.start();
}
next();
