// Helper of modules/binaryjs/wss_test.go (no .out): a BinaryClient on a ws:// or wss:// address
// that prints its events. With a second argument "insecure" it accepts the test server's
// self-signed certificate.
var binaryjs = require("binaryjs");
var options = ARGV[3] === "insecure" ? { rejectUnauthorized: false } : {};
var client = new binaryjs.BinaryClient(ARGV[2], options);
client.addListener("open", function () { puts("open"); });
client.addListener("error", function (e) { puts("error " + (e.message.indexOf("certificate") >= 0 ? "(certificate)" : e.message)); });
client.addListener("stream", function (stream, meta) {
  puts("stream " + stream.id + " meta " + JSON.stringify(meta));
  stream.addListener("data", function (d) {
    puts("data " + d);
    stream.write("thanks");
  });
  stream.addListener("end", function () { puts("end"); client.close(); });
  stream.addListener("close", function () { puts("stream close"); });
});
client.addListener("close", function () { puts("close"); });
