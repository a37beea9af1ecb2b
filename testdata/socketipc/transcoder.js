// A custom transcoder (options.transcoder: socketEncoding, createEncoder, createDecoder) on
// both sides: messages as "topic|json" lines, and an encoder that fails (its error is emitted
// as is). (The interface's "null means skip" is not tried: 0.4.0 writes the null and throws.)
var ipc = require("@crussell52/socket-ipc");
var path = ARGV[2] + "/transcoder.sock";
var lines = {
  socketEncoding: "utf8",
  createEncoder: function () {
    return function (wrapper, cb) {
      if (wrapper.topic === "fail") return cb(new Error("cannot encode " + wrapper.topic));
      cb(null, wrapper.topic + "|" + JSON.stringify(wrapper.message) + "\n");
    };
  },
  createDecoder: function () {
    var buffer = "";
    return function (chunk, cb) {
      buffer += chunk;
      var parts = buffer.split("\n");
      buffer = parts.pop();
      cb(null, parts.map(function (line) {
        var bar = line.indexOf("|");
        return {topic: line.slice(0, bar), message: JSON.parse(line.slice(bar + 1))};
      }));
    };
  }
};
var server = new ipc.Server({socketFile: path, transcoder: lines});
var client = new ipc.Client({socketFile: path, transcoder: lines});
server.on("message", function (message, topic, id) {
  puts("server got " + topic + " " + JSON.stringify(message));
  if (topic === "last") {
    server.send("reply", {ok: true}, id);
    server.broadcast("all", [1, 2]);
  }
});
server.on("error", function (err) { puts("server error " + err.message); });
client.on("error", function (err) { puts("client error " + err.message); });
client.on("message", function (message, topic) {
  puts("client got " + topic + " " + JSON.stringify(message));
  if (topic === "all") client.close();
});
client.on("close", function () { server.close(); });
server.on("listening", function () { client.connect(); });
client.on("connect", function () {
  client.send("first", {a: "b|c"});
  client.send("fail", 2);
  client.send("last", "é");
});
server.listen();
