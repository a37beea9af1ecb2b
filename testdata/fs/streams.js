// node.fs.createReadStream and createWriteStream (an extension beyond 0.1.0, on node.Stream):
// a file copied through a read stream piped into a write stream comes out byte for byte the
// same, under heavy backpressure; encodings, ranges, pause/resume, appending and bad input.
var tmp = ARGV[2];
var steps = [generate, copy, compare, text, ranges, pausing, appending, failures, destroying];
function next() {
  var step = steps.shift();
  if (step) step();
}
next();

// A 1 MiB + 7 byte file of pseudo-random bytes, written through a WriteStream.
function generate() {
  var ws = node.fs.createWriteStream(tmp + "/source.bin");
  var x = 12345, left = (1 << 20) + 7;
  function fill() {
    while (left > 0) {
      var n = Math.min(left, 50000);
      var b = Buffer.alloc(n);
      for (var i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        b[i] = x >> 16;
      }
      left -= n;
      if (!ws.write(b)) return; // wait for "drain"
    }
    ws.end();
  }
  ws.addListener("drain", fill);
  ws.addListener("close", function () {
    puts("generated " + ws.bytesWritten + " bytes");
    next();
  });
  fill();
}

function copy() {
  var rs = node.fs.createReadStream(tmp + "/source.bin", {bufferSize: 4096});
  var ws = node.fs.createWriteStream(tmp + "/copy.bin", {flags: "w", mode: 0600, highWaterMark: 1000});
  var pauses = 0, events = [];
  rs.addListener("pause", function () { pauses++; });
  rs.addListener("open", function () { events.push("read open"); });
  ws.addListener("open", function () { events.push("write open"); });
  rs.addListener("end", function () { events.push("read end"); });
  rs.addListener("close", function () { events.push("read close"); done(); });
  ws.addListener("finish", function () { events.push("write finish"); });
  ws.addListener("close", function () { events.push("write close"); done(); });
  var closes = 0;
  function done() {
    if (++closes < 2) return;
    events.sort();
    puts("copy events: " + events.join(", "));
    puts("the source paused under backpressure: " + (pauses > 10) + "; bytes written " + ws.bytesWritten);
    next();
  }
  puts("streams: " + (rs instanceof node.fs.ReadStream) + " " + (ws instanceof node.fs.WriteStream) + " " +
       (rs instanceof node.Stream) + " readable " + rs.readable + " writable " + ws.writable);
  rs.pipe(ws);
}

function compare() {
  var cmp = node.createProcess("cmp " + tmp + "/source.bin " + tmp + "/copy.bin && echo identical");
  var said = "";
  cmp.addListener("output", function (d) { if (d) said += d; });
  cmp.addListener("error", function (d) { if (d) said += d; });
  cmp.addListener("exit", function (code) {
    puts("cmp: " + said.trim() + " (exit " + code + ")");
    node.fs.stat(tmp + "/copy.bin").addCallback(function (st) {
      puts("copy mode " + (st.mode & 0777).toString(8) + ", size " + st.size);
      next();
    });
  });
}

// Text read one byte at a time still comes out in whole characters.
function text() {
  var ws = node.fs.createWriteStream(tmp + "/text.txt");
  ws.write("héllo wörld € 😀 ");
  ws.write("6869", "hex");
  ws.end("IQ==", "base64");
  ws.addListener("close", function () {
    var rs = node.fs.createReadStream(tmp + "/text.txt", {bufferSize: 1});
    rs.setEncoding("utf8");
    var pieces = [], whole = true;
    rs.addListener("data", function (s) {
      if (typeof s != "string" || s.indexOf("\ufffd") >= 0) whole = false;
      pieces.push(s);
    });
    rs.addListener("end", function () {
      puts("utf8 one byte at a time: " + JSON.stringify(pieces.join("")) + ", whole characters " + whole);
      var b64 = [];
      var rs2 = node.fs.createReadStream(tmp + "/text.txt", {bufferSize: 4, encoding: "base64"});
      rs2.addListener("data", function (s) { b64.push(s); });
      rs2.addListener("end", function () {
        var joined = b64.join("");
        puts("base64 in pieces decodes back: " + (Buffer.from(joined, "base64").toString() == pieces.join("")));
        next();
      });
    });
  });
}

function ranges() {
  var got = [];
  var rs = node.fs.createReadStream(tmp + "/text.txt", {start: 1, end: 5, encoding: "hex"});
  rs.addListener("data", function (s) { got.push(s); });
  rs.addListener("end", function () {
    puts("bytes 1..5 in hex: " + got.join(""));
    next();
  });
}

function pausing() {
  var rs = node.fs.createReadStream(tmp + "/source.bin", {bufferSize: 65536});
  var chunks = 0, duringPause = 0, paused = false;
  rs.addListener("data", function () {
    chunks++;
    if (paused) duringPause++;
    if (chunks == 2) {
      rs.pause();
      paused = true;
      setTimeout(function () {
        paused = false;
        rs.resume();
      }, 100);
    }
  });
  rs.addListener("end", function () {
    puts("pause: " + chunks + " chunks, " + duringPause + " while paused");
    next();
  });
}

function appending() {
  var ws = node.fs.createWriteStream(tmp + "/text.txt", {flags: "a"});
  ws.end("+tail");
  ws.addListener("close", function () {
    node.fs.cat(tmp + "/text.txt").addCallback(function (s) {
      puts("appended: " + JSON.stringify(s.slice(-8)));
      next();
    });
  });
}

function failures() {
  var missing = node.fs.createReadStream(tmp + "/missing");
  var log = [];
  missing.addListener("error", function (e) { log.push(e.message.split(tmp).join("TMP")); });
  missing.addListener("close", function () {
    log.push("close");
    var dir = node.fs.createWriteStream(tmp);
    dir.addListener("error", function (e) { log.push(e.message.split(tmp).join("TMP")); });
    dir.addListener("close", function () {
      log.push("close");
      var bad = node.fs.createWriteStream(tmp + "/x", {flags: "q"});
      bad.addListener("error", function (e) { log.push(e.message.split(tmp).join("TMP")); });
      bad.addListener("close", function () {
        var exclusive = node.fs.createWriteStream(tmp + "/copy.bin", {flags: "wx"});
        exclusive.addListener("error", function (e) { log.push(e.message.split(tmp).join("TMP")); });
        exclusive.addListener("close", function () {
          puts("failures:");
          for (var i = 0; i < log.length; i++) puts("  " + log[i]);
          var ended = node.fs.createWriteStream(tmp + "/ended.txt");
          ended.end("done");
          try {
            ended.write("more");
          } catch (e) {
            puts("write after end: " + e.message);
          }
          ended.addListener("close", next);
        });
      });
    });
  });
}

function destroying() {
  var rs = node.fs.createReadStream(tmp + "/source.bin", {bufferSize: 1000});
  var chunks = 0, ended = false;
  rs.addListener("data", function () {
    if (++chunks == 3) rs.destroy();
  });
  rs.addListener("end", function () { ended = true; });
  rs.addListener("close", function () {
    puts("destroyed after " + chunks + " chunks; end emitted " + ended + "; fd " + rs.fd);
    next();
  });
}
