// Buffer benchmark (hex-encode): MiB/s of one operation over 64 MiB (scripts/bench/buffer.sh).
var size = 64 * 1024 * 1024;
var data = Buffer.alloc(size);
for (var i = 0; i < 256; i++) data[i] = (i * 7 + 3) & 255;

var n = 256;
while (n < size) { data.copy(data, n, 0, Math.min(n, size - n)); n *= 2; }

var t0 = Date.now();
var s = data.toString('hex'); if (s.length !== size * 2) throw new Error('bad length');
var ms = Math.max(Date.now() - t0, 1);
console.log((size / 1048576 / (ms / 1000)).toFixed(1));
