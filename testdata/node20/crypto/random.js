// The random functions: shapes, ranges and Node's errors (never the random values).
const crypto = require('crypto');
const show = (label, f) => {
  try {
    const v = f();
    console.log(label, Array.isArray(v) ? JSON.stringify(v) : v);
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
};
show('randomBytes', () => { const b = crypto.randomBytes(16); return [Buffer.isBuffer(b), b.length]; });
show('randomBytes 0', () => crypto.randomBytes(0).length);
show('randomBytes -1', () => crypto.randomBytes(-1));
show('randomBytes string', () => crypto.randomBytes('x'));
show('randomBytes differ', () => !crypto.randomBytes(32).equals(crypto.randomBytes(32)));
show('randomUUID', () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
show('randomUUID differ', () => crypto.randomUUID() !== crypto.randomUUID());
show('randomInt range', () => {
  const seen = new Set();
  for (let i = 0; i < 2000; i++) {
    const n = crypto.randomInt(3, 7);
    if (n < 3 || n >= 7 || !Number.isInteger(n)) return 'out of range ' + n;
    seen.add(n);
  }
  return [...seen].sort();
});
show('randomInt max only', () => { const n = crypto.randomInt(2); return n === 0 || n === 1; });
show('randomInt bad range', () => crypto.randomInt(10, 5));
show('randomInt float', () => crypto.randomInt(1.5));
show('timingSafeEqual', () => [crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')),
  crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd'))]);
show('timingSafeEqual length', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
show('timingSafeEqual string', () => crypto.timingSafeEqual('a', 'a'));
show('getRandomValues', () => { const a = new Uint32Array(4); const r = crypto.getRandomValues(a); return [r === a, a.length]; });
show('getRandomValues float', () => crypto.getRandomValues(new Float32Array(2)));
show('getRandomValues too big', () => crypto.getRandomValues(new Uint8Array(65537)));
show('webcrypto', () => [typeof crypto.webcrypto.getRandomValues, crypto.webcrypto.getRandomValues(new Uint8Array(8)).length]);
show('randomFillSync', () => { const b = Buffer.alloc(8); return crypto.randomFillSync(b, 2, 4) === b; });
crypto.randomBytes(8, (err, buf) => {
  console.log('randomBytes callback', err, buf.length);
  crypto.randomInt(5, (err, n) => {
    console.log('randomInt callback', err, n >= 0 && n < 5);
    crypto.randomFill(new Uint8Array(4), (err, a) => console.log('randomFill callback', err, a.length));
  });
});
