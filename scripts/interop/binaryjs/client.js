// BinaryJS interop peer, client role: drives one session against server.js, one step at a
// time, printing one line per event. Like server.js it runs unchanged on Node 20 with the real
// binaryjs 0.2.1 and on earlynode, so all four pairings can be compared with the real-real one.
//
//   node client.js ws://localhost:PORT
var binaryjs = require("binaryjs");
var argv = typeof ARGV !== "undefined" ? ARGV : process.argv;
var url = argv[2];

function log(s) { console.log(s); }

function hex(b) {
  var s = "";
  for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
  return s;
}

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
// Integers beyond the 32-bit ranges: Node's binarypack writes them as int64, which its own
// decoder cannot read (docs/wire/binarypack.md, Decoding); earlynode writes them as float64.
var WIDE = [4294967296, -2147483649, 9007199254740992];
var SIZE = 1 << 20;
var BIG = data(SIZE); // made and hashed once: byte loops are slow in an interpreter
var BIG_HASH = fnv([BIG]);

var client = new binaryjs.BinaryClient(url);
try {
  client.createStream();
} catch (e) {
  log("before open: " + e.message);
}
client.on("error", function (e) { log("client error " + e.message); });

var steps = [
  function values(done) {
    var s = client.createStream({ cmd: "values" });
    log("values id=" + s.id);
    VALUES.forEach(function (v) { s.write(v); });
    s.end();
    s.on("data", function (list) {
      list.forEach(function (line) { log("values echo " + line); });
      done();
    });
  },
  function wide(done) {
    var s = client.createStream({ cmd: "wide" });
    WIDE.forEach(function (v) { s.write(v); });
    s.end();
    s.on("data", function (list) {
      list.forEach(function (line) { log("wide echo " + line); });
      done();
    });
  },
  function valuesDown(done) {
    var s = client.createStream({ cmd: "send-values" });
    log("send-values id=" + s.id);
    client.once("stream", function (st, meta) {
      log("server stream id=" + st.id + " meta " + describe(meta));
      var got = [];
      st.on("data", function (d) { got.push(d); });
      st.on("end", function () {
        got.forEach(function (d) { log("values down " + describe(d)); });
        log("values down end readable=" + st.readable);
        done();
      });
    });
  },
  function upload(done) {
    var s = client.send(BIG, { cmd: "upload", size: SIZE });
    log("upload id=" + s.id);
    s.on("data", function (r) {
      log("upload reply bytes=" + r.bytes + " chunks=" + r.chunks + " hash " +
        (r.hash === BIG_HASH ? "matches" : "DIFFERS " + r.hash));
      done();
    });
  },
  function download(done) {
    var s = client.createStream({ cmd: "download", size: SIZE });
    log("download request id=" + s.id);
    client.once("stream", function (st, meta) {
      log("download stream id=" + st.id + " size=" + meta.size);
      var got = [];
      var buffers = true;
      st.on("data", function (d) { got.push(d); buffers = buffers && d instanceof Buffer; });
      st.on("end", function () {
        var n = 0;
        got.forEach(function (c) { n += c.length; });
        var h = fnv(got);
        log("download chunks=" + got.length + " bytes=" + n + " buffers=" + buffers + " hash " +
          (h === meta.hash && h === BIG_HASH ? "matches" : "DIFFERS"));
        done();
      });
    });
  },
  function remotePause(done) {
    var s = client.createStream({ cmd: "remote-pause" });
    s.on("pause", function () {
      log("remote-pause pause event paused=" + s.paused);
      log("remote-pause write returned " + s.write("during pause"));
    });
    s.on("resume", function () { log("remote-pause resume event paused=" + s.paused); });
    s.on("drain", function () {
      log("remote-pause drain event");
      s.end();
      done();
    });
  },
  function localPause(done) {
    var s = client.createStream({ cmd: "local-pause" });
    s.on("pause", function () { log("local-pause local pause event"); });
    s.on("resume", function () { log("local-pause local resume event"); });
    s.on("drain", function () { log("local-pause local drain event"); });
    s.on("data", function (d) {
      log("local-pause data " + describe(d) + " paused=" + s.paused);
      if (d === "ready") s.pause();
      if (d === "while paused") s.resume();
    });
    s.on("end", function () {
      log("local-pause end readable=" + s.readable);
      done();
    });
  },
  function halfClose(done) {
    var s = client.createStream({ cmd: "half-close" });
    s.end();
    log("half-close ended readable=" + s.readable + " writable=" + s.writable);
    s.on("end", function () { log("half-close end event (not expected: we ended first)"); });
    s.on("data", function (d) {
      log("half-close data " + describe(d));
      done();
    });
  },
  function destroyByServer(done) {
    var s = client.createStream({ cmd: "destroy-by-server" });
    s.on("close", function () {
      log("destroy-by-server close readable=" + s.readable + " writable=" + s.writable +
        " still listed=" + (s.id in client.streams));
      done();
    });
  },
  function destroyByClient(done) {
    var s = client.createStream({ cmd: "destroy-by-client" });
    s.on("close", function () { log("destroy-by-client close event"); });
    s.destroy();
    log("destroy-by-client destroyed still listed=" + (s.id in client.streams));
    try {
      s.write("x");
    } catch (e) {
      log("destroy-by-client write: " + e.message);
    }
    done();
  },
  function streams(done) {
    var s = client.createStream({ cmd: "streams" });
    s.on("data", function (n) {
      log("streams remote " + n + " local " + Object.keys(client.streams).join(","));
      done();
    });
  }
];

client.on("open", function () {
  log("open");
  var i = 0;
  function next() {
    if (i < steps.length) {
      steps[i++](next);
      return;
    }
    client.on("close", function () {
      log("close streams=" + Object.keys(client.streams).length);
      // streamws keeps a 30 s clean-up timer per socket: do not wait for it on Node.
      if (typeof ARGV === "undefined") setTimeout(function () { process.exit(0); }, 50);
    });
    client.close();
  }
  next();
});
