// The singleton, the IPC class and independent instances; config defaults (docs/wire/node-ipc.md).
var ipc = require("node-ipc");
var other = new ipc.IPC();
var keys = [];
for (var k in ipc.config) keys.push(k);
puts("config keys: " + keys.join(","));
var shown = {};
for (var i = 0; i < keys.length; i++) {
  var key = keys[i];
  if (key === "id" || key === "logger") continue;
  shown[key] = ipc.config[key];
}
puts(JSON.stringify(shown));
puts("maxRetries is Infinity: " + (ipc.config.maxRetries === Infinity));
puts("id is a non-empty string: " + (typeof ipc.config.id === "string" && ipc.config.id.length > 0));
puts("logger is a function: " + (typeof ipc.config.logger === "function"));
var members = [];
for (var m in ipc) members.push(m + ":" + typeof ipc[m]);
puts("singleton: " + members.join(" "));
members = [];
for (var n in other) members.push(n + ":" + typeof other[n]);
puts("instance: " + members.join(" "));
other.config.id = "other";
puts("independent configs: " + (ipc.config.id !== "other"));
puts("server before serve: " + ipc.server + ", of: " + JSON.stringify(ipc.of));
ipc.config.socketRoot = ARGV[2] + "/";
ipc.config.id = "me";
ipc.config.silent = true;
ipc.serve(function () {});
puts("default serve path: " + (ipc.server.path === ARGV[2] + "/app.me"));
other.config.silent = true;
other.serveNet(function () {});
puts("default serveNet: " + other.server.path + " " + other.server.port + " udp4=" + other.server.udp4);
other.serveNet(3435, "udp6", function () {});
puts("serveNet(port, udp6): " + other.server.path + " " + other.server.port + " udp6=" + other.server.udp6);
other.serveNet("::1", 8001, "udp4");
puts("serveNet('::1', port, udp4): " + other.server.path + " " + other.server.port);
other.serveNet("udp4");
puts("serveNet('udp4'): " + other.server.path + " " + other.server.port + " udp4=" + other.server.udp4);
