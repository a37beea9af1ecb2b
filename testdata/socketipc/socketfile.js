// Helper for TestSocketFile (modules/socketipc/badinput_test.go): listens on the given path,
// then closes half a second later (close-after-listen) or also
// tries a client (client-too). Usage: socketfile.js PATH MODE
var ipc = require("@crussell52/socket-ipc");
var server = new ipc.Server({socketFile: ARGV[2]});
server.on("error", function (err) {
  puts("error " + err.code + " " + err.message);
  if (ARGV[3] === "client-too") {
    var client = new ipc.Client({socketFile: ARGV[2]});
    client.on("connectError", function (e) {
      puts("connectError " + e.code + " " + e.message);
      client.close();
    });
    client.connect();
  }
});
server.on("listening", function () {
  puts("listening");
  setTimeout(function () { server.close(); }, 500);
});
server.on("close", function () { puts("closed"); });
server.listen();
