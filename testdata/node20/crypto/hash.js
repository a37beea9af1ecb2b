// createHash and createHmac: every algorithm, string and Buffer input in several encodings,
// every digest encoding, copy, chaining and Node's errors.
const crypto = require('crypto');
const show = (label, f) => {
  try {
    const v = f();
    console.log(label, Array.isArray(v) ? JSON.stringify(v) : v);
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
};
const algs = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'SHA256', 'RSA-SHA1'];
for (const a of algs) {
  show(a + ' empty', () => crypto.createHash(a).digest('hex'));
  show(a + ' abc', () => crypto.createHash(a).update('abc').digest('hex'));
  show(a + ' hmac', () => crypto.createHmac(a, 'key').update('The quick brown fox').digest('hex'));
}
const big = Buffer.alloc(1 << 20, 0x61);
let h = crypto.createHash('sha256');
for (let i = 0; i < 5; i++) h.update(big);
show('sha256 5 MiB', () => h.digest('hex'));
show('utf8 string', () => crypto.createHash('sha1').update('héllo ✓ 😀').digest('hex'));
show('hex input', () => crypto.createHash('sha1').update('68656c6c6f', 'hex').digest('hex'));
show('base64 input', () => crypto.createHash('sha1').update('aGVsbG8=', 'base64').digest('hex'));
show('latin1 input', () => crypto.createHash('sha1').update('h\u00e9llo', 'latin1').digest('hex'));
show('buffer input', () => crypto.createHash('sha1').update(Buffer.from('hello')).digest('hex'));
show('Uint8Array input', () => crypto.createHash('sha1').update(new Uint8Array([104, 105])).digest('hex'));
show('chained', () => crypto.createHash('md5').update('a').update('b').update('c').digest('hex'));
show('base64', () => crypto.createHash('sha256').update('x').digest('base64'));
show('base64url', () => crypto.createHash('sha256').update('x').digest('base64url'));
show('latin1 len', () => crypto.createHash('sha256').update('x').digest('latin1').length);
show('binary', () => JSON.stringify(crypto.createHash('md5').update('x').digest('binary')));
show('buffer', () => crypto.createHash('md5').update('x').digest());
show('buffer isBuffer', () => Buffer.isBuffer(crypto.createHash('md5').update('x').digest()));
show('hmac buffer key', () => crypto.createHmac('sha256', Buffer.from([1, 2, 3])).update('d').digest('base64'));
show('hmac long key', () => crypto.createHmac('sha512', 'k'.repeat(300)).update('d').digest('hex'));
show('hmac empty key', () => crypto.createHmac('sha1', '').update('d').digest('hex'));
const base = crypto.createHash('sha256').update('part1');
const copy = base.copy();
copy.update('part2');
show('copy', () => [base.digest('hex'), copy.digest('hex')]);
show('unknown hash', () => crypto.createHash('nope'));
show('unknown hmac', () => crypto.createHmac('nope', 'k'));
show('no key', () => crypto.createHmac('sha1'));
show('digest twice', () => { const x = crypto.createHash('md5'); x.digest(); return x.digest(); });
show('update after digest', () => { const x = crypto.createHash('md5'); x.digest(); return x.update('a'); });
show('update number', () => crypto.createHash('md5').update(5));
show('getHashes has sha256', () => crypto.getHashes().includes('sha256') && crypto.getHashes().includes('md5'));
show('node: name', () => require('node:crypto') === crypto);
