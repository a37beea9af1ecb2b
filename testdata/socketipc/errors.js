// The error classes and the documented errors: what the package exports, each error's class,
// fields and message, and the misuses that throw.
var ipc = require("@crussell52/socket-ipc");
// earlynode exports the error classes; the real package keeps them in src/lib/error.
var errors = ipc.SendError ? ipc : require("@crussell52/socket-ipc/src/lib/error");
var path = ARGV[2] + "/errors.sock";

function tryThis(what, fn) {
  try {
    fn();
    puts(what + ": no error");
  } catch (e) {
    puts(what + ": throws " + e.message);
  }
}

tryThis("Server without socketFile", function () { new ipc.Server({}); });
tryThis("Client with a port", function () { new ipc.Client({socketFile: "8080"}); });

function show(v) {
  try {
    return JSON.stringify(v);
  } catch (e) {
    return "(cyclic)";
  }
}

function describe(err) {
  var names = ["SendError", "EncodeError", "DecodeError", "SendAfterCloseError", "NoServerError", "BadClientError"];
  var is = [];
  for (var i = 0; i < names.length; i++) {
    if (err instanceof errors[names[i]]) is.push(names[i]);
  }
  return "[" + is.join(",") + "] " + err.message.split("\n")[0];
}

var server = new ipc.Server({socketFile: path});
var client = new ipc.Client({socketFile: path});
server.on("error", function (err, id) {
  puts("server error " + describe(err) + " topic=" + err.sentTopic + " message=" + show(err.sentMessage) +
    (err.clientId !== undefined ? " clientId=" + err.clientId : ""));
});
client.on("error", function (err) {
  puts("client error " + describe(err) + " topic=" + err.sentTopic + " message=" + show(err.sentMessage));
});

client.send("early", 1);
server.on("listening", function () {
  tryThis("listen twice", function () { server.listen(); });
  server.send("to-nobody", {a: 1}, "no-such-client");
  server.broadcast("to-all-of-nobody", 1);
  client.connect();
  tryThis("connect twice", function () { client.connect(); });
});
var cycle = {};
cycle.self = cycle;
client.on("connect", function () { client.send("hello"); });
server.on("message.hello", function (message, id) {
  server.send("cycle", cycle, id);
  server.broadcast("cycle", cycle);
  server.send("go", 1, id);
});
client.on("message.go", function () {
  client.send("cycle", cycle);
  client.close();
});
client.on("close", function () {
  client.send("late", "after close");
  server.close();
});
server.on("close", function () {
  server.send("late", 1, "x");
  server.broadcast("late", 2);
});
server.listen();
