// The peer of read_file.js for Node 20: an fs.read loop of 64 KiB reads, each decoded as
// UTF-8, printing the throughput in MiB/s.
const fs = require("fs");
const path = process.argv[2];
const buf = Buffer.alloc(65536);
fs.open(path, "r", (err, fd) => {
  if (err) throw err;
  let total = 0;
  const start = Date.now();
  (function next() {
    fs.read(fd, buf, 0, 65536, null, (err, n) => {
      if (err) throw err;
      if (n === 0) {
        fs.closeSync(fd);
        const seconds = (Date.now() - start) / 1000;
        console.log((total / 1048576 / seconds).toFixed(1));
        return;
      }
      total += buf.toString("utf8", 0, n).length;
      next();
    });
  })();
});
