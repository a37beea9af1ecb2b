// fs.readFile of the file named by argv[2] into one Buffer; prints the throughput in MiB/s
// (from the call to the callback). The same script runs on earlynode and on Node 20.
const fs = require('fs');
// (ARGV: 0.1.0's arguments, for earlynode builds without process.)
const argv = typeof process !== 'undefined' ? process.argv : ARGV;
const path = argv[2];
const start = Date.now();
fs.readFile(path, (err, data) => {
  if (err) throw err;
  const seconds = (Date.now() - start) / 1000;
  console.log((data.length / 1048576 / seconds).toFixed(1));
});
