// BinaryJS interop peer, server role. The same file runs on Node 20 with the real binaryjs
// 0.2.1 (require resolves to scripts/interop/node_modules) and on earlynode (require gives the
// built-in), so the two transcripts can be compared line for line.
//
//   node server.js PORT [attach]
//
// With "attach" the BinaryServer is attached to an HTTP server on PORT, path /binaryjs.
// It prints "listening" once ready, then one line per event; it serves one client session and
// exits when that client has closed. What it does on each stream depends on the stream's meta
// (see client.js, which drives the session).
var binaryjs = require("binaryjs");
var argv = typeof ARGV !== "undefined" ? ARGV : process.argv;
var port = Number(argv[2]);
if (typeof process !== "undefined" && process.on) {
  // A reset from a misbehaving peer must not kill the real server mid-test (docs/wire/binaryjs.md).
  process.on("uncaughtException", function (e) { console.log("server uncaught " + e.message); });
}

function hex(b) {
  var s = "";
  for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
  return s;
}

// describe prints a received value with its type, so both runtimes can be compared exactly.
function describe(v) {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "number") return "number " + (Object.is(v, -0) ? "-0" : String(v));
  if (typeof v === "string") return "string " + JSON.stringify(v);
  if (typeof v === "boolean") return "boolean " + v;
  if (v instanceof Uint8Array) return (v instanceof Buffer ? "Buffer " : "Uint8Array ") + hex(v);
  if (Array.isArray(v)) return "array [" + v.map(describe).join(", ") + "]";
  if (typeof v === "object") {
    return "object {" + Object.keys(v).map(function (k) {
      return JSON.stringify(k) + ": " + describe(v[k]);
    }).join(", ") + "}";
  }
  return typeof v;
}

// fnv is FNV-1a (32 bit) over the little-endian 32-bit words of each chunk (then its last
// bytes one by one): word steps keep an interpreter's byte loop short. Chunk sizes here are
// multiples of 4, so the hash of the chunks equals the hash of their concatenation.
function fnv(chunks) {
  var h = 0x811c9dc5;
  for (var c = 0; c < chunks.length; c++) {
    var b = chunks[c];
    var dv = new DataView(b.buffer, b.byteOffset, b.length);
    var words = b.length >> 2;
    for (var i = 0; i < words; i++) h = Math.imul(h ^ dv.getUint32(i << 2, true), 16777619) >>> 0;
    for (var j = words << 2; j < b.length; j++) h = Math.imul(h ^ b[j], 16777619) >>> 0;
  }
  return h.toString(16);
}

// data returns n deterministic pseudo-random bytes: a 4093-byte block (a prime length, so no
// two 40960-byte chunks are alike) repeated.
function data(n) {
  var block = Buffer.alloc(4093);
  var x = 12345;
  for (var i = 0; i < block.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    block[i] = x >>> 16;
  }
  var b = Buffer.alloc(n);
  for (var off = 0; off < n; off += block.length) {
    b.set(block.subarray(0, Math.min(block.length, n - off)), off);
  }
  return b;
}

var VALUES = [0, 1, -1, 127, 128, 255, 256, -32, -33, -128, -129, 65535, 65536, -32768, -32769,
  4294967295, -2147483648, 1.5, -0.25, Math.PI, NaN, -0, "", "a", "h\u00e9llo", "0123456789abcdef",
  "\ud83d\ude00", true, false, null, undefined, [], [1, [2]], {}, { a: 1, b: "x" },
  Buffer.from([1, 2, 3]), Buffer.alloc(16)];

var listening = false;
function ready() {
  if (listening) return;
  listening = true;
  console.log("listening");
}
var server;
if (argv[3] === "attach") {
  // Attached to an HTTP server on the path /binaryjs: node.http on earlynode, http on Node.
  var httpServer;
  if (typeof ARGV !== "undefined") {
    httpServer = node.http.createServer(function (req, res) {
      res.sendHeader(404, {});
      res.finish();
    });
    httpServer.listen(port);
    setTimeout(ready, 0);
  } else {
    httpServer = require("http").createServer(function (req, res) {
      res.writeHead(404);
      res.end();
    });
    httpServer.listen(port, ready);
  }
  server = new binaryjs.BinaryServer({ server: httpServer, path: "/binaryjs" });
  server.on("error", function (e) { console.log("server error " + e.message); });
  var closeBinary = server.close;
  server.close = function () {
    closeBinary.call(server);
    httpServer.close();
  };
} else {
  server = new binaryjs.BinaryServer({ port: port });
  server.on("error", function (e) { console.log("server error " + e.message); });
  server.on("listening", ready);
  if (typeof ARGV === "undefined") server._server.on("listening", ready); // streamws' own event
}

server.on("connection", function (client) {
  console.log("connection id=" + client.id + " clients=" + Object.keys(server.clients).length);
  client.on("error", function (e) { console.log("client error " + e.message); });
  client.on("close", function () {
    console.log("client close clients=" + Object.keys(server.clients).length);
    server.close();
    // streamws keeps a 30 s clean-up timer per socket: do not wait for it on Node.
    if (typeof ARGV === "undefined") setTimeout(function () { process.exit(0); }, 50);
  });
  client.on("stream", function (stream, meta) {
    console.log("stream id=" + stream.id + " meta " + describe(meta));
    stream.on("error", function (e) { console.log("stream " + stream.id + " error " + e.message); });
    var cmd = meta && meta.cmd;
    var got = [];
    if (cmd === "values" || cmd === "wide") {
      stream.on("data", function (d) { got.push(describe(d)); });
      stream.on("end", function () {
        console.log(cmd + " received " + got.length);
        stream.write(got);
        stream.end();
      });
    } else if (cmd === "send-values") {
      var out = client.createStream({ cmd: "values", from: "server" });
      console.log("created id=" + out.id);
      VALUES.forEach(function (v) { out.write(v); });
      out.end();
    } else if (cmd === "upload") {
      stream.on("data", function (d) { got.push(d); });
      stream.on("end", function () {
        var n = 0;
        got.forEach(function (c) { n += c.length; });
        console.log("upload chunks=" + got.length + " bytes=" + n);
        stream.write({ bytes: n, chunks: got.length, hash: fnv(got) });
        stream.end();
      });
    } else if (cmd === "download") {
      var buf = data(meta.size);
      var dl = client.send(buf, { cmd: "download-data", size: meta.size, hash: fnv([buf]) });
      console.log("download id=" + dl.id);
    } else if (cmd === "remote-pause") {
      // The server pauses the client's stream, takes one write, then resumes it.
      stream.on("data", function (d) {
        console.log("remote-pause data " + describe(d) + " paused=" + stream.paused);
        stream.resume();
      });
      stream.on("end", function () { console.log("remote-pause end"); stream.end(); });
      stream.pause();
    } else if (cmd === "local-pause") {
      // The client pauses this stream: writes here return false until it resumes.
      stream.on("pause", function () {
        console.log("local-pause pause event paused=" + stream.paused);
        console.log("local-pause write returned " + stream.write("while paused"));
      });
      stream.on("resume", function () { console.log("local-pause resume event paused=" + stream.paused); });
      stream.on("drain", function () {
        console.log("local-pause drain event");
        console.log("local-pause write returned " + stream.write("after drain"));
        stream.end();
      });
      stream.write("ready");
    } else if (cmd === "half-close") {
      stream.on("end", function () {
        console.log("half-close end readable=" + stream.readable + " writable=" + stream.writable);
        stream.write("written after the client ended");
        stream.end();
      });
    } else if (cmd === "destroy-by-server") {
      stream.on("close", function () {
        console.log("destroy-by-server close, still listed=" + (stream.id in client.streams));
      });
      stream.destroy();
    } else if (cmd === "destroy-by-client") {
      stream.on("close", function () {
        console.log("destroy-by-client close readable=" + stream.readable + " writable=" + stream.writable +
          " still listed=" + (stream.id in client.streams));
      });
    } else if (cmd === "streams") {
      console.log("streams listed " + Object.keys(client.streams).join(","));
      stream.write(Object.keys(client.streams).length);
      stream.end();
    }
  });
});
