// Helper of modules/binaryjs/badinput_test.go (no .out: not run on its own): a BinaryServer
// that echoes every data message on its stream and prints every error and close, so the test
// can send it bad input over raw WebSockets and check what each client saw.
//
//   node badinput_server.js PORT MAX_MESSAGE_SIZE
var binaryjs = require("binaryjs");
var server = new binaryjs.BinaryServer({ port: ARGV[2], path: "/bin", maxMessageSize: Number(ARGV[3]) });
server.addListener("error", function (e) { puts("server error: " + e.message); });
server.addListener("listening", function () { puts("listening"); });
server.addListener("connection", function (client) {
  puts("client " + client.id + " connected");
  client.addListener("error", function (e) { puts("client " + client.id + " error: " + e.message); });
  client.addListener("close", function (code) {
    puts("client " + client.id + " close " + code + ", clients left " + Object.keys(server.clients).length);
  });
  client.addListener("stream", function (stream, meta) {
    puts("client " + client.id + " stream " + stream.id + " meta " + JSON.stringify(meta));
    stream.addListener("data", function (data) {
      if (data === "quit") {
        server.close();
        return;
      }
      stream.write(data);
    });
    stream.addListener("error", function (e) { puts("client " + client.id + " stream " + stream.id + " error: " + e.message); });
    stream.addListener("close", function () { puts("client " + client.id + " stream " + stream.id + " close"); });
  });
});
