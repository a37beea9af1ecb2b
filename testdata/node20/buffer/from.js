// Buffer.from, alloc, allocUnsafe, byteLength, isEncoding, concat, compare in every encoding
// and with bad input.
'use strict';
// (helpers inline: earlynode's 0.1.0 loader fills a required file's exports after this body runs)
function show(v) {
  if (Buffer.isBuffer(v)) return 'buf[' + v.length + '] ' + v.toString('hex');
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return v + 'n';
  if (Object.is(v, -0)) return '-0';
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
function t(label, fn) {
  let out;
  try {
    out = show(fn());
  } catch (e) {
    out = 'throws ' + e.name + ' ' + e.code + ': ' + e.message;
  }
  console.log(label + ' -> ' + out);
}
const encs = ['utf8', 'utf-8', 'UTF8', 'utf16le', 'ucs2', 'UCS-2', 'latin1', 'binary', 'ascii',
  'base64', 'base64url', 'hex', 'Hex', 'BASE64'];
const strs = ['hello', 'héllo wörld', '€uro', '😀 grin', '\ud800x', 'a\u0000b', 'ÿþ', '',
  'aGVsbG8=', 'aGVsbG8', 'aGV sbG8\n', 'a-_b', 'YQ==YQ==', 'Y', 'YW', 'YWI', 'abc', 'zz12', '12zz', 'ABCDEF', '0g'];
for (const e of encs) {
  for (const s of strs) {
    t(`from(${JSON.stringify(s)}, ${e})`, () => Buffer.from(s, e));
    t(`byteLength(${JSON.stringify(s)}, ${e})`, () => Buffer.byteLength(s, e));
  }
}
const bytes = Buffer.from([0x00, 0x41, 0x7f, 0x80, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xff, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80, 0x0a]);
for (const e of encs) {
  t(`toString(${e})`, () => bytes.toString(e));
  t(`toString(${e}, 1, 5)`, () => bytes.toString(e, 1, 5));
}
const bad = [Buffer.from([0xe2, 0x82]), Buffer.from([0xff, 0xfe]), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from([0xc0, 0x80]),
  Buffer.from([0xe0, 0x80, 0x80]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0x61, 0xf0, 0x9f, 0x62])];
bad.forEach((b, i) => t(`bad utf8 ${i}`, () => JSON.stringify(b.toString()) + ' ' + b.toString().length));
t('toString odd ucs2', () => Buffer.from([0x61, 0, 0x62]).toString('ucs2'));
t('toString lone surrogate ucs2', () => Buffer.from([0x00, 0xd8, 0x61, 0]).toString('ucs2').charCodeAt(0));
t('toString(-1, 100)', () => bytes.toString('hex', -1, 100));
t('toString(3, 2)', () => bytes.toString('hex', 3, 2));
t('toString(1.7, 3.9)', () => bytes.toString('hex', 1.7, 3.9));
t('toString("1", "3")', () => bytes.toString('hex', '1', '3'));
t('toString(NaN)', () => bytes.toString('hex', NaN));
t('toString bad enc', () => bytes.toString('utf9'));
t('toString null enc', () => bytes.toString(null));
t('toString empty enc', () => bytes.toString(''));
t('toLocaleString', () => Buffer.from('hi').toLocaleString());

// from: other forms
t('from array', () => Buffer.from([1, 2, 256, -1, 3.7, '4', 'x', null]));
t('from array-like', () => Buffer.from({ length: 3, 0: 1, 1: 2 }));
t('from array-like bad length', () => Buffer.from({ length: 'x' }));
t('from buffer copies', () => { const a = Buffer.from('ab'); const b = Buffer.from(a); a[0] = 0; return b; });
t('from Uint16Array', () => Buffer.from(new Uint16Array([1, 256, 65535])));
t('from Uint8Array', () => Buffer.from(new Uint8Array([9, 8])));
t('from arraybuffer shares', () => { const ab = new ArrayBuffer(4); const b = Buffer.from(ab, 1, 2); new Uint8Array(ab)[1] = 7; return b; });
t('from arraybuffer offset too far', () => Buffer.from(new ArrayBuffer(4), 5));
t('from arraybuffer length too far', () => Buffer.from(new ArrayBuffer(4), 1, 4));
t('from arraybuffer NaN offset', () => Buffer.from(new ArrayBuffer(2), 'x').length);
t('from arraybuffer negative length', () => Buffer.from(new ArrayBuffer(2), 0, -1).length);
t('from toJSON form', () => Buffer.from({ type: 'Buffer', data: [1, 2, 3] }));
t('from String object', () => Buffer.from(new String('abc')));
t('from toPrimitive', () => Buffer.from({ [Symbol.toPrimitive]() { return 'xyz'; } }));
t('from number', () => Buffer.from(5));
t('from null', () => Buffer.from(null));
t('from undefined', () => Buffer.from());
t('from object', () => Buffer.from({}));
t('from function', () => Buffer.from(function foo() {}));
t('from bad encoding', () => Buffer.from('abc', 'nope'));
t('from long string number', () => Buffer.from(true));
t('from empty string bad enc', () => Buffer.from('', 'nope'));
t('Buffer.of', () => Buffer.of(1, 2, 300));
t('copyBytesFrom', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1));

// alloc & co
t('alloc(3)', () => Buffer.alloc(3));
t('alloc(4, "ab")', () => Buffer.alloc(4, 'ab'));
t('alloc(5, "aGk=", "base64")', () => Buffer.alloc(5, 'aGk=', 'base64'));
t('alloc(3, 257)', () => Buffer.alloc(3, 257));
t('alloc(3, buf)', () => Buffer.alloc(3, Buffer.from([1, 2])));
t('alloc(3, "")', () => Buffer.alloc(3, ''));
t('alloc(2, "zz", "hex")', () => Buffer.alloc(2, 'zz', 'hex'));
t('alloc(2, "a", "nope")', () => Buffer.alloc(2, 'a', 'nope'));
t('alloc(-1)', () => Buffer.alloc(-1));
t('alloc("5")', () => Buffer.alloc('5'));
t('alloc(NaN)', () => Buffer.alloc(NaN));
t('alloc(2**33)', () => Buffer.alloc(2 ** 33));
t('alloc(1.5)', () => Buffer.alloc(1.5));
t('allocUnsafe(4).length', () => Buffer.allocUnsafe(4).length);
t('allocUnsafe(-1)', () => Buffer.allocUnsafe(-1));
t('allocUnsafeSlow(2).length', () => Buffer.allocUnsafeSlow(2).length);
t('allocUnsafeSlow(null)', () => Buffer.allocUnsafeSlow(null));
t('new Buffer(2)', () => new Buffer(2));
t('Buffer("ab", "hex")', () => Buffer('ab', 'hex'));
t('Buffer(2, "utf8")', () => Buffer(2, 'utf8'));

// byteLength of non-strings
t('byteLength(buf)', () => Buffer.byteLength(Buffer.alloc(7)));
t('byteLength(ab)', () => Buffer.byteLength(new ArrayBuffer(9)));
t('byteLength(u16)', () => Buffer.byteLength(new Uint16Array(3)));
t('byteLength(5)', () => Buffer.byteLength(5));
t('byteLength(bad enc)', () => Buffer.byteLength('héllo', 'nope'));

// isEncoding, isBuffer
for (const e of ['utf8', 'UTF-8', 'ucs2', 'Latin1', 'binary', 'base64url', 'hex', 'buffer', 'utf9', '', null, 1, undefined]) {
  t(`isEncoding(${String(e)})`, () => Buffer.isEncoding(e));
}
t('isBuffer(buf)', () => Buffer.isBuffer(Buffer.alloc(1)));
t('isBuffer(u8)', () => Buffer.isBuffer(new Uint8Array(1)));
t('isBuffer(slice)', () => Buffer.isBuffer(Buffer.alloc(3).subarray(1)));
t('isBuffer("a")', () => Buffer.isBuffer('a'));

// concat
t('concat', () => Buffer.concat([Buffer.from('ab'), new Uint8Array([0x63]), Buffer.from('d')]));
t('concat total short', () => Buffer.concat([Buffer.from('abc'), Buffer.from('def')], 4));
t('concat total long', () => Buffer.concat([Buffer.from('ab')], 4));
t('concat empty', () => Buffer.concat([]));
t('concat not array', () => Buffer.concat('ab'));
t('concat bad item', () => Buffer.concat([Buffer.from('a'), 'b']));
t('concat bad length', () => Buffer.concat([Buffer.from('a')], -1));
t('concat length string', () => Buffer.concat([Buffer.from('a')], '1'));

// compare
t('compare a b', () => Buffer.compare(Buffer.from('a'), Buffer.from('b')));
t('compare b a', () => Buffer.compare(Buffer.from('b'), Buffer.from('a')));
t('compare prefix', () => Buffer.compare(Buffer.from('ab'), Buffer.from('abc')));
t('compare same', () => Buffer.compare(Buffer.from('ab'), Buffer.from('ab')));
t('compare u8', () => Buffer.compare(new Uint8Array([1]), Buffer.from([1])));
t('compare bad 1', () => Buffer.compare('a', Buffer.from('a')));
t('compare bad 2', () => Buffer.compare(Buffer.from('a'), [1]));
t('sort', () => [Buffer.from('c'), Buffer.from('a'), Buffer.from('b')].sort(Buffer.compare).map(String).join());
t('poolSize', () => Buffer.poolSize);
