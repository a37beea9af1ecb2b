// Buffer numeric reads and writes: every width, signedness and byte order, with offsets out of
// range, non-integer and non-number, values out of range, and the errors each throws.
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
const src = Buffer.from('0180ff7f00fe1234567890abcdef0102', 'hex');
const fixed = [['UInt8', 1], ['Uint8', 1], ['Int8', 1], ['UInt16LE', 2], ['UInt16BE', 2], ['Int16LE', 2], ['Int16BE', 2],
  ['UInt32LE', 4], ['Uint32BE', 4], ['Int32LE', 4], ['Int32BE', 4], ['FloatLE', 4], ['FloatBE', 4], ['DoubleLE', 8], ['DoubleBE', 8],
  ['BigUInt64LE', 8], ['BigUint64BE', 8], ['BigInt64LE', 8], ['BigInt64BE', 8]];
const offs = [undefined, 0, 1, 8, 15, 16, -1, 1.5, '1', NaN, null, Infinity];
for (const [name, size] of fixed) {
  for (const o of offs) t(`read${name}(${String(o)})`, () => src['read' + name](o));
}
for (const bl of [1, 2, 3, 4, 5, 6, 0, 7, 1.5, '2', undefined]) {
  for (const n of ['UIntLE', 'UIntBE', 'IntLE', 'IntBE', 'UintLE']) {
    t(`read${n}(0, ${String(bl)})`, () => src['read' + n](0, bl));
    t(`read${n}(12, ${String(bl)})`, () => src['read' + n](12, bl));
  }
}
t('readUIntLE()', () => src.readUIntLE());
t('readIntBE(-1, 2)', () => src.readIntBE(-1, 2));
t('readUInt8 empty', () => Buffer.alloc(0).readUInt8());
t('readUInt32LE short', () => Buffer.alloc(3).readUInt32LE());

const wr = (name, args, size) => () => { const b = Buffer.alloc(size || 8); const r = b['write' + name](...args); return r + ' ' + b.toString('hex'); };
const vals = {
  UInt8: [0, 255, 256, -1, 1.7, '7', 'x', NaN, true],
  Int8: [-128, 127, 128, -129, -1.5],
  UInt16LE: [65535, 65536, -1, 0x1234], UInt16BE: [0x1234], Int16LE: [-32768, 32768], Int16BE: [-2],
  UInt32LE: [0xffffffff, 2 ** 32, -1, 0x12345678], Uint32BE: [0x12345678], Int32LE: [-(2 ** 31), 2 ** 31], Int32BE: [-2],
  FloatLE: [1.5, -0, 1e40, NaN, Infinity, 'x'], FloatBE: [3.14159], DoubleLE: [Math.PI, -1e300], DoubleBE: [1 / 3],
};
for (const name of Object.keys(vals)) {
  for (const v of vals[name]) {
    t(`write${name}(${String(v)})`, wr(name, [v]));
    t(`write${name}(${String(v)}, 6)`, wr(name, [v, 6]));
  }
  t(`write${name}(1, -1)`, wr(name, [1, -1]));
  t(`write${name}(1, 1.5)`, wr(name, [1, 1.5]));
  t(`write${name}(1, "1")`, wr(name, [1, '1']));
  t(`write${name}(1, 8)`, wr(name, [1, 8]));
  t(`write${name}(1) small`, wr(name, [1], 1));
  t(`write${name}(1) empty`, wr(name, [1], 0));
}
for (const name of ['BigUInt64LE', 'BigUint64BE', 'BigInt64LE', 'BigInt64BE']) {
  for (const v of [0n, 1n, -1n, 2n ** 63n, 2n ** 64n, -(2n ** 63n), -(2n ** 63n) - 1n, 0x0102030405060708n]) {
    t(`write${name}(${v}n)`, wr(name, [v]));
  }
  t(`write${name}(1n, 1)`, wr(name, [1n, 1]));
  t(`write${name}(1n, -1)`, wr(name, [1n, -1]));
  t(`write${name}(1n, 0.5)`, wr(name, [1n, 0.5]));
}
for (const n of ['UIntLE', 'UIntBE', 'IntLE', 'IntBE', 'UintBE']) {
  for (const [v, bl] of [[0x123456, 3], [0x1234567890, 5], [0x123456789012, 6], [-1, 3], [-(2 ** 47), 6], [2 ** 48, 6], [2 ** 47, 6],
    [128, 1], [-129, 1], [255, 1], [65536, 2], [2 ** 32, 4], [-(2 ** 31) - 1, 4], [2 ** 40, 5], [1, 7], [1, 0], [1, 1.5], [1, '2']]) {
    t(`write${n}(${v}, 0, ${bl})`, wr(n, [v, 0, bl]));
  }
  t(`write${n}(1, 7, 2)`, wr(n, [1, 7, 2]));
  t(`write${n}(1, undefined, 2)`, wr(n, [1, undefined, 2]));
  t(`write${n}(1, -1, 2)`, wr(n, [1, -1, 2]));
}
// round trips
const rt = Buffer.alloc(8);
for (const v of [0, 1, -1, 123456789, -987654321, 2 ** 40 + 7, -(2 ** 40) - 7]) {
  rt.writeIntBE(v, 0, 6);
  rt.writeIntLE(v, 0, 6);
  t(`roundtrip ${v}`, () => [rt.readIntLE(0, 6), rt.readIntBE(0, 6)]);
}
t('float roundtrip', () => { const b = Buffer.alloc(4); b.writeFloatBE(0.1); return b.readFloatBE(); });
