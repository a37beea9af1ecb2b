// Retry rules (docs/wire/node-ipc.md): with no server, retry 50 ms and maxRetries 2 give error,
// disconnect three times, then destroy; stopRetrying: true gives one round and destroy;
// maxRetries 0 likewise; stopRetrying: 0 keeps retrying (until the test disconnects).
var ipc = require("node-ipc");
var path = ARGV[2] + "/nobody.sock";

function run(name, setup, next) {
  var i = new ipc.IPC();
  i.config.silent = true;
  i.config.retry = 50;
  setup(i.config);
  var events = [];
  var start = new Date();
  i.connectTo("nobody", path, function () {
    var c = i.of.nobody;
    c.on("error", function (err) { events.push("error(" + err.code + ")"); });
    c.on("disconnect", function () {
      events.push("disconnect");
      if (name === "stopRetrying 0" && events.length >= 8) {
        puts(name + ": " + events.join(" ") + " ... still retrying; retriesRemaining " + c.retriesRemaining);
        i.disconnect("nobody");
        next();
      }
    });
    c.on("destroy", function () {
      events.push("destroy");
      puts(name + ": " + events.join(" ") + "; of.nobody kept: " + (i.of.nobody === c) + "; took retries: " + (new Date() - start >= 90));
      next();
    });
  });
}

run("maxRetries 2", function (c) { c.maxRetries = 2; }, function () {
  run("stopRetrying true", function (c) { c.stopRetrying = true; }, function () {
    run("maxRetries 0", function (c) { c.maxRetries = 0; }, function () {
      run("stopRetrying 0", function (c) { c.stopRetrying = 0; }, function () {});
    });
  });
});
