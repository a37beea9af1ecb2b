// Flow control: write returns false once the connection is backed up and "drain" follows; a
// node.Stream piped into a BinaryStream pauses while the remote side has paused the stream and
// resumes on its "drain"; a BinaryStream piped into a paused node.Stream pauses the sender.
var binaryjs = require("binaryjs");
var port = ARGV[2];
var MiB = 1024 * 1024;

var server = new binaryjs.BinaryServer({ port: port });
server.addListener("connection", function (client) {
  client.addListener("stream", function (stream, meta) {
    if (meta === "bulk") {
      var bytes = 0;
      stream.addListener("data", function (d) { bytes += d.length; });
      stream.addListener("end", function () { puts("server: bulk got " + bytes / MiB + " MiB"); stream.write("done"); });
    } else if (meta === "piped") {
      // Pause the sender at once; resume after the first message arrives anyway.
      var got = [];
      stream.pause();
      stream.addListener("data", function (d) {
        got.push(d);
        if (got.length === 1) stream.resume();
      });
      stream.addListener("end", function () { puts("server: piped got " + got.join(",")); stream.write("thanks"); });
    } else if (meta === "into a paused stream") {
      var sink = new node.Stream();
      var seen = [];
      sink.addListener("data", function (d) { seen.push(d); });
      sink.pause();
      stream.pipe(sink);
      stream.addListener("pause", function () {
        puts("server: piping into a paused node.Stream paused the BinaryStream");
        sink.resume();
      });
      sink.addListener("end", function () {
        puts("server: sink got " + seen.join(","));
        client.close();
      });
    }
  });
  client.addListener("close", function () { server.close(); });
});

var client = new binaryjs.BinaryClient("ws://localhost:" + port);
client.addListener("open", function () {
  var bulk = client.createStream("bulk");
  var results = [];
  for (var i = 0; i < 3; i++) results.push(bulk.write(Buffer.alloc(MiB)));
  puts("client: three 1 MiB writes returned " + results.join(","));
  bulk.addListener("drain", function () {
    puts("client: drain");
    bulk.end();
  });
  bulk.addListener("data", function (d) {
    puts("client: bulk " + d);
    piped();
  });
});

function piped() {
  var source = new node.Stream();
  var dest = client.createStream("piped");
  var pauses = 0;
  source.addListener("pause", function () { pauses++; });
  dest.addListener("pause", function () {
    puts("client: remote paused the stream, write returns " + dest.write("w1") + ", source paused " + source.paused);
    source.write("s1"); // the pipe pauses the source on the false return
    puts("client: source paused " + source.paused);
  });
  dest.addListener("resume", function () {
    puts("client: remote resumed, source paused " + source.paused);
  });
  dest.addListener("drain", function () {
    puts("client: drain, source paused " + source.paused + " after " + pauses + " pause(s)");
    source.write("s2");
    source.end();
  });
  // The pipe has ended dest, so the server's own end would be ignored (binaryjs's quirk): it
  // answers with data instead.
  dest.addListener("data", function (d) {
    puts("client: piped answer " + d);
    var last = client.createStream("into a paused stream");
    last.write("a");
    last.write("b");
    last.end();
  });
  source.pipe(dest);
}
