// Message types from the other side are data, never keys into a prototype chain: a client
// sends types named after Object.prototype's members, to a silent server (messages published
// from Go) and to a logging one (published by the JavaScript emitter); both keep serving.
var ipc = require("node-ipc");
var types = ["__proto__", "constructor", "hasOwnProperty", "toString"];

function serve(name, silent, next) {
  var server = new ipc.IPC();
  var client = new ipc.IPC();
  server.config.silent = silent;
  server.config.logger = function () {};
  client.config.silent = true;
  server.config.id = name;
  var path = ARGV[2] + "/" + name + ".sock";
  server.serve(path, function () {
    server.server.on("done", function (data, socket) {
      puts(name + ": still serving after " + data.sent + " messages");
      server.server.emit(socket, "bye", {});
    });
    client.connectTo(name, path, function () {
      var peer = client.of[name];
      peer.on("connect", function () {
        for (var i = 0; i < types.length; i++) peer.emit(types[i], {n: i});
        peer.emit("done", {sent: types.length});
      });
      peer.on("bye", function () {
        client.disconnect(name);
        server.server.stop();
        if (next) next();
      });
    });
  });
  server.server.start();
}

serve("quiet", true, function () { serve("logging", false, null); });
