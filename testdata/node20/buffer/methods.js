// Buffer instance methods: write, fill, indexOf/lastIndexOf/includes, copy, compare, equals,
// toJSON, swap, slice/subarray, inspect, with bad arguments and the errors they throw.
'use strict';
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
const hello = Buffer.from('hello world, hello');
const encs = ['utf8', 'ucs2', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];

// write
for (const e of encs) {
  t(`write("héllo€", 1, ${e})`, () => { const b = Buffer.alloc(10); const n = b.write('héllo€', 1, e); return n + ' ' + b.toString('hex'); });
  t(`write("aGk=", 0, 3, ${e})`, () => { const b = Buffer.alloc(6); const n = b.write('aGk=', 0, 3, e); return n + ' ' + b.toString('hex'); });
}
const w = (args) => () => { const b = Buffer.alloc(4); const n = b.write(...args); return n + ' ' + b.toString('hex'); };
t('write("abcdef")', w(['abcdef']));
t('write("€", 2)', w(['€', 2]));
t('write("€€")', w(['€€']));
t('write("ab", "hex")', w(['ab', 'hex']));
t('write("abcd", 1, "ucs2")', w(['abcd', 1, 'ucs2']));
t('write("abc", 0, 1)', w(['abc', 0, 1]));
t('write("abc", 3, 5)', w(['abc', 3, 5]));
t('write("abc", 4)', w(['abc', 4]));
t('write("abc", 5)', w(['abc', 5]));
t('write("abc", -1)', w(['abc', -1]));
t('write("abc", 1.5)', w(['abc', 1.5]));
t('write("abc", "1")', w(['abc', '1']));
t('write("abc", 0, -1)', w(['abc', 0, -1]));
t('write("abc", 0, 9)', w(['abc', 0, 9]));
t('write("abc", 0, 2, "nope")', w(['abc', 0, 2, 'nope']));
t('write("zz", "hex")', w(['zz', 'hex']));
t('write("a1zz", "hex")', w(['a1zz', 'hex']));
t('write(5)', w([5]));
t('write("abc", undefined, "hex")', w(['abc', undefined, 'hex']));

// fill
const f = (...args) => () => Buffer.alloc(6).fill(...args);
t('fill("ab")', f('ab'));
t('fill("€")', f('€'));
t('fill("a", 1, 3)', f('a', 1, 3));
t('fill(0x41, 2)', f(0x41, 2));
t('fill(257)', f(257));
t('fill(-1)', f(-1));
t('fill(1.9)', f(1.9));
t('fill("6162", "hex")', f('6162', 'hex'));
t('fill("6162", 1, "hex")', f('6162', 1, 'hex'));
t('fill("6162", 1, 5, "hex")', f('6162', 1, 5, 'hex'));
t('fill("YWJj", "base64")', f('YWJj', 'base64'));
t('fill("é", "latin1")', f('é', 'latin1'));
t('fill("é")', f('é'));
t('fill("ab", "ucs2")', f('ab', 'ucs2'));
t('fill("zz", "hex")', f('zz', 'hex'));
t('fill("")', f(''));
t('fill(buf)', f(Buffer.from([1, 2, 3, 4])));
t('fill(emptybuf)', f(Buffer.alloc(0)));
t('fill(u16)', f(new Uint16Array([0x102])));
t('fill(true)', f(true));
t('fill("a", -1)', f('a', -1));
t('fill("a", 0, 7)', f('a', 0, 7));
t('fill("a", 4, 2)', f('a', 4, 2));
t('fill("a", 1.5)', f('a', 1.5));
t('fill("a", "x")', f('a', 'x'));
t('fill("a", 0, "2")', f('a', 0, '2'));
t('fill("a", 0, 6, 5)', f('a', 0, 6, 5));
t('fill(1, "1")', f(1, '1'));
t('fill returns this', () => { const b = Buffer.alloc(2); return b.fill(1) === b; });

// indexOf, lastIndexOf, includes
const needles = ['l', 'hello', 'o w', 'xyz', '', 108, 108 + 256, -148, Buffer.from('lo'), new Uint8Array([0x6f]), Buffer.alloc(0)];
const offsets = [undefined, 0, 3, -3, -100, 100, 17, 18, 1.9, NaN, '3', 'latin1', null, Infinity, -Infinity];
for (const n of needles) {
  for (const o of offsets) {
    const label = `(${typeof n === 'object' ? 'buf ' + Buffer.from(n).toString() : JSON.stringify(n)}, ${String(o)})`;
    t('indexOf' + label, () => hello.indexOf(n, o));
    t('lastIndexOf' + label, () => hello.lastIndexOf(n, o));
    t('includes' + label, () => hello.includes(n, o));
  }
}
t('indexOf hex', () => hello.indexOf('6f20', 'hex'));
t('indexOf hex offset', () => hello.indexOf('6c', 4, 'hex'));
t('indexOf base64', () => hello.indexOf('bGxv', 'base64'));
t('indexOf ucs2', () => Buffer.from('abcabc', 'ucs2').indexOf('c', 'ucs2'));
t('lastIndexOf ucs2', () => Buffer.from('abcabc', 'ucs2').lastIndexOf('b', 'ucs2'));
t('indexOf latin1', () => Buffer.from('aéb', 'latin1').indexOf('é', 'latin1'));
t('indexOf utf8 é', () => Buffer.from('aéb').indexOf('é'));
t('indexOf bad enc', () => hello.indexOf('l', 0, 'nope'));
t('indexOf obj', () => hello.indexOf({}));
t('indexOf undefined', () => hello.indexOf(undefined));
t('indexOf bool', () => hello.indexOf(true));
t('indexOf empty buf', () => Buffer.alloc(0).indexOf('a'));
t('indexOf empty buf empty', () => Buffer.alloc(0).indexOf(''));
t('lastIndexOf empty', () => Buffer.alloc(0).lastIndexOf(0));
t('indexOf long needle', () => Buffer.from('ab').indexOf('abc'));
t('lastIndexOf long needle', () => Buffer.from('ab').lastIndexOf('abc'));

// copy
const c = (args, size) => () => { const src = Buffer.from('abcdef'); const dst = Buffer.alloc(size || 4, '.'); const n = src.copy(dst, ...args); return n + ' ' + dst.toString(); };
t('copy()', c([]));
t('copy(1)', c([1]));
t('copy(1, 2)', c([1, 2]));
t('copy(0, 2, 4)', c([0, 2, 4]));
t('copy(0, 4, 2)', c([0, 4, 2]));
t('copy(4)', c([4]));
t('copy(9)', c([9]));
t('copy(-1)', c([-1]));
t('copy(0, -1)', c([0, -1]));
t('copy(0, 7)', c([0, 7]));
t('copy(0, 6)', c([0, 6]));
t('copy(0, 0, -1)', c([0, 0, -1]));
t('copy(0, 0, 100)', c([0, 0, 100]));
t('copy(1.5, "1")', c([1.5, '1']));
t('copy("x")', c(['x']));
t('copy(NaN, NaN, NaN)', c([NaN, NaN, NaN]));
t('copy to u8', () => { const d = new Uint8Array(3); return Buffer.from('xyz').copy(d) + ' ' + Array.from(d).join(); });
t('copy to string', () => Buffer.from('a').copy('b'));
t('copy overlapping', () => { const b = Buffer.from('abcdef'); b.copy(b, 2, 0, 4); return b.toString(); });

// equals, compare (instance)
t('equals', () => Buffer.from('ab').equals(Buffer.from('ab')));
t('equals u8', () => Buffer.from('ab').equals(new Uint8Array([97, 98])));
t('equals diff', () => Buffer.from('ab').equals(Buffer.from('abc')));
t('equals bad', () => Buffer.from('ab').equals('ab'));
const x = Buffer.from('abcdef');
const y = Buffer.from('cdefgh');
t('compare', () => x.compare(y));
t('compare 2,4', () => x.compare(y, 0, 2, 2, 4));
t('compare target range', () => x.compare(y, 2));
t('compare empties', () => x.compare(y, 2, 2, 3, 3));
t('compare empty source', () => x.compare(y, 0, 2, 3, 3));
t('compare empty target', () => x.compare(y, 2, 2, 0, 2));
t('compare bad target', () => x.compare('a'));
t('compare targetEnd too big', () => x.compare(y, 0, 7));
t('compare sourceEnd too big', () => x.compare(y, 0, 6, 0, 7));
t('compare targetStart big', () => x.compare(y, 10));
t('compare sourceStart big', () => x.compare(y, 0, 6, 10));
t('compare negative', () => x.compare(y, -1));
t('compare string arg', () => x.compare(y, '1'));

// toJSON, swap, slice, subarray
t('toJSON', () => Buffer.from('hi').toJSON());
t('toJSON empty', () => Buffer.alloc(0).toJSON());
t('JSON.stringify', () => JSON.stringify({ b: Buffer.from([1, 2]) }));
t('swap16', () => Buffer.from('01020304', 'hex').swap16());
t('swap32', () => Buffer.from('0102030405060708', 'hex').swap32());
t('swap64', () => Buffer.from('0102030405060708', 'hex').swap64());
t('swap16 odd', () => Buffer.alloc(3).swap16());
t('swap32 bad', () => Buffer.alloc(6).swap32());
t('swap64 bad', () => Buffer.alloc(4).swap64());
const s = Buffer.from('abcdef');
for (const [a, b] of [[1, 3], [-2], [-4, -1], [4, 2], [undefined, 2], [1.5, 3.5], ['1', '3'], [NaN], [10], [0, 100]]) {
  t(`slice(${a}, ${b})`, () => s.slice(a, b));
  t(`subarray(${a}, ${b})`, () => s.subarray(a, b));
}
t('slice shares memory', () => { const b = Buffer.from('abc'); b.slice(1)[0] = 0x41; return b.toString(); });
t('slice is Buffer', () => Buffer.isBuffer(s.slice(1)) && s.slice(1) instanceof Buffer);
t('map is Buffer', () => Buffer.isBuffer(s.map((v) => v + 1)));
t('parent/offset', () => { const b = Buffer.from(new ArrayBuffer(8), 2, 4); return [b.offset, b.parent.byteLength]; });
t('length', () => s.length);
t('iteration', () => [...Buffer.from('ab')]);
t('entries', () => [...Buffer.from('ab').entries()]);
t('constructor', () => s.constructor === Buffer);
t('instanceof Uint8Array', () => s instanceof Uint8Array);
t('Object.keys', () => Object.keys(Buffer.from('ab')));
console.log(Buffer.from('hello'));
console.log(Buffer.alloc(60, 1));
console.log(Buffer.alloc(0));
console.log([Buffer.from('a')]);
