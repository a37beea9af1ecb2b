// crypto.createHash(ALG) over 256 MiB: a 1 MiB Buffer given to update 256 times, then digest;
// prints the throughput in MiB/s. The same script runs on earlynode and on Node 20.
const crypto = require('crypto');
// (ARGV: 0.1.0's arguments, for earlynode builds without process.)
const argv = typeof process !== 'undefined' ? process.argv : ARGV;
const alg = argv[2] || 'sha256';
const chunk = Buffer.alloc(1 << 20, 0x5a);
const start = Date.now();
const h = crypto.createHash(alg);
for (let i = 0; i < 256; i++) h.update(chunk);
h.digest('hex');
console.log((256 / ((Date.now() - start) / 1000)).toFixed(1));
