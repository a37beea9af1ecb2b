// Benchmark peer, client role. Prints its figure as the last line.
//
//   node client.js URL upload MIB   100 MiB (say) in one stream with client.send(buffer):
//                                   chunked by chunkSize (40960), piped with backpressure;
//                                   prints MB/s from the send to the server's answer
//   node client.js URL json COUNT   COUNT small objects written on one stream; prints
//                                   messages/s from the first write to the server's answer
//
// The client retries its connection until the server (started just before) listens.
var binaryjs = require("binaryjs");
var argv = typeof ARGV !== "undefined" ? ARGV : process.argv;
var url = argv[2], mode = argv[3], n = Number(argv[4]);
var tries = 0;

function now() { return Date.now(); }

function finish(client, line) {
  console.log(line);
  client.close();
  if (typeof ARGV === "undefined") setTimeout(function () { process.exit(0); }, 20);
}

function connect() {
  var client = new binaryjs.BinaryClient(url);
  var opened = false;
  client.on("error", function (e) {
    if (!opened && tries++ < 200) {
      setTimeout(connect, 25);
      return;
    }
    console.log("error " + e.message);
  });
  client.on("open", function () {
    opened = true;
    if (mode === "upload") upload(client);
    else json(client);
  });
}

function upload(client) {
  var size = n * 1024 * 1024;
  var data = Buffer.alloc(size, 7);
  var start = now();
  var stream = client.send(data, "upload");
  stream.on("data", function (reply) {
    var secs = (now() - start) / 1000;
    if (reply.bytes !== size) console.log("server got " + reply.bytes + " bytes of " + size);
    finish(client, (size / 1e6 / secs).toFixed(1));
  });
}

function json(client) {
  var stream = client.createStream("json");
  var start = now();
  for (var i = 0; i < n; i++) {
    stream.write({ seq: i, name: "message", ok: true, values: [1, 2, 3] });
  }
  stream.end();
  stream.on("data", function (reply) {
    var secs = (now() - start) / 1000;
    if (reply.messages !== n) console.log("server got " + reply.messages + " messages of " + n);
    finish(client, Math.round(n / secs));
  });
}

connect();
