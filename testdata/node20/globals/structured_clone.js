// structuredClone: deep copies of plain data, cycles and shared references kept, the types
// it knows, and the error for what it cannot clone.
const shared = { s: 1 };
const src = { n: 1, s: 'x', b: true, u: undefined, nul: null, arr: [1, [2, 3]], d: new Date(0), re: /a+b/gi,
  m: new Map([['k', { v: 1 }]]), set: new Set([1, 2]), big: 10n, nested: { a: shared, b: shared },
  u8: new Uint8Array([1, 2, 3]), ab: new ArrayBuffer(2) };
src.self = src;
const c = structuredClone(src);
console.log(c !== src, c.self === c, c.nested.a === c.nested.b, c.nested.a !== shared);
console.log(c.n, c.s, c.b, 'u' in c, c.u, c.nul, JSON.stringify(c.arr), c.arr[1] !== src.arr[1]);
console.log(c.d instanceof Date, c.d.getTime(), c.re instanceof RegExp, c.re.source, c.re.flags);
console.log(c.m instanceof Map, c.m.get('k').v, c.m.get('k') !== src.m.get('k'), c.set instanceof Set, c.set.has(2));
console.log(typeof c.big, c.big === 10n, c.u8 instanceof Uint8Array, Array.from(c.u8).join(','), c.u8.buffer !== src.u8.buffer);
console.log(c.ab instanceof ArrayBuffer, c.ab.byteLength);
const e = structuredClone(new RangeError('bad range'));
console.log(e instanceof RangeError, e.message);
class Point { constructor() { this.x = 1; } }
const p = structuredClone(new Point());
console.log(p instanceof Point, p.constructor === Object, p.x);
for (const bad of [function f() {}, Symbol('s'), { f: function () {} }]) {
  try { structuredClone(bad); console.log('cloned'); } catch (err) { console.log(err.name); }
}
try { structuredClone(); } catch (err) { console.log(err.name, err.code); }
console.log(structuredClone(5), structuredClone('s'), structuredClone(null), structuredClone(undefined));
