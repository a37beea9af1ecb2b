// Helper for TestSocketFile (modules/nodeipc/socketfile_test.go): a node-ipc server on PATH
// with config.readableAll / writableAll as given ("yes"/"no"); stops after half a second.
// Usage: socketfile_server.js PATH READABLE WRITABLE
var ipc = require("node-ipc");
ipc.config.silent = true;
ipc.config.readableAll = ARGV[3] === "yes";
ipc.config.writableAll = ARGV[4] === "yes";
ipc.serve(ARGV[2], function () {
  puts("listening");
  setTimeout(function () {
    ipc.server.stop();
    puts("stopped");
  }, 500);
});
ipc.server.on("error", function (err) { puts("error " + err.code + " " + err.message); });
ipc.server.start();
