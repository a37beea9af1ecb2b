// util.format with every directive, and util's functions: inherits, promisify (and its custom
// symbol), callbackify, deprecate, types, isDeepStrictEqual.
'use strict';
const util = require('util');
const cases = [
  ['%s', 'str'], ['%s', 42], ['%s', -0], ['%s', 10n], ['%s', null], ['%s', undefined], ['%s', Symbol('x')],
  ['%s', { a: 1 }], ['%s', [1, 2]], ['%s', { toString() { return 'custom'; } }], ['%s', new Date(0)],
  ['%d', '42'], ['%d', 4.5], ['%d', 10n], ['%d', {}], ['%d', Symbol('y')], ['%d', -0],
  ['%i', '42.9abc'], ['%i', 10n], ['%i', 'x'], ['%f', '3.5e2'], ['%f', 'x'],
  ['%j', { a: [1, 'b'] }], ['%j', 'str'], ['%j', undefined],
  ['%o', { a: 1 }], ['%O', { a: { b: { c: { d: 1 } } } }], ['%c', 'color: red'], ['%%', 1], ['%x', 1],
  ['a %s b %s', 1], ['%s %s', 'a', 'b', 'extra', { k: 1 }], ['no directives', 1, 'two', [3]], ['100%'], ['%', 1], ['%s%', 'a'],
  [1, 2, 'three'], [{ a: 1 }, 'x'], [], ['%s:%d', 'a'],
];
for (const c of cases) {
  console.log(JSON.stringify(util.format(...c)));
}
const circ = {}; circ.me = circ;
console.log(util.format('%j', circ));
console.log(util.formatWithOptions({ depth: 0 }, '%O', { a: { b: 1 } }));

// inspect options
console.log(util.inspect({ a: { b: { c: { d: { e: 1 } } } } }, { depth: 0 }));
console.log(util.inspect({ a: { b: { c: { d: { e: 1 } } } } }, { depth: null }));
console.log(util.inspect({ a: { b: { c: { d: { e: 1 } } } } }, false, 1));
console.log(util.inspect({ [util.inspect.custom]() { return 'CUSTOM'; } }));
console.log(util.inspect('str'), util.inspect(5), typeof util.inspect.custom, util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));

// inherits
function A() {}
A.prototype.hi = function () { return 'hi'; };
function B() { A.call(this); }
util.inherits(B, A);
console.log(new B().hi(), B.super_ === A, new B() instanceof A);
try { util.inherits(B, null); } catch (e) { console.log(e.code, e.message); }

// promisify
function cbStyle(x, cb) { setTimeout(() => (x < 0 ? cb(new Error('neg')) : cb(null, x * 2)), 1); }
const p = util.promisify(cbStyle);
function withCustom() {}
withCustom[util.promisify.custom] = () => Promise.resolve('custom!');
try { util.promisify(5); } catch (e) { console.log(e.code, e.message); }

// callbackify
const cbd = util.callbackify(async (x) => { if (x) throw new Error('bad ' + x); return 'ok'; });
const cbNull = util.callbackify(() => Promise.reject(null));

// types and deep equality
const t = util.types;
console.log([t.isDate(new Date()), t.isRegExp(/x/), t.isPromise(Promise.resolve()), t.isMap(new Map()), t.isSet(new Set()),
  t.isTypedArray(new Uint8Array()), t.isUint8Array(Buffer.alloc(1)), t.isUint8Array(new Int8Array()), t.isArrayBuffer(new ArrayBuffer(1)),
  t.isAnyArrayBuffer(new ArrayBuffer(1)), t.isNativeError(new TypeError()), t.isAsyncFunction(async () => {}), t.isGeneratorFunction(function* () {}),
  t.isBoxedPrimitive(new String('')), t.isNumberObject(1), t.isWeakMap(new WeakMap()), t.isDataView(new DataView(new ArrayBuffer(1)))].join());
const deq = [[{ a: [1, 2] }, { a: [1, 2] }], [{ a: 1 }, { a: '1' }], [[1, 2], [2, 1]], [new Set([1, { x: 1 }]), new Set([{ x: 1 }, 1])],
  [new Map([['k', { v: 1 }]]), new Map([['k', { v: 1 }]])], [NaN, NaN], [0, -0], [new Date(1), new Date(1)], [/a/g, /a/i],
  [Buffer.from('ab'), Buffer.from('ab')], [Buffer.from('ab'), new Uint8Array([97, 98])], [Object.create(null), {}], [circ, circ],
  [{ a: undefined }, {}], [[1, , 3], [1, undefined, 3]], [new Error('x'), new Error('x')], [new Number(1), new Number(1)]];
console.log(deq.map(([a, b]) => util.isDeepStrictEqual(a, b)).join());
console.log(util.isArray([]), util.isString('a'), util.isFunction(() => {}), util.isPrimitive(null));

// deprecate: warns once (on stderr), returns the function's result
const dep = util.deprecate((a) => a + 1, 'old() is deprecated', 'DEP_X');
console.log(dep(1), dep(2));

(async () => {
  console.log('promisify', await p(21));
  try { await p(-1); } catch (e) { console.log('promisify rejected', e.message); }
  console.log('custom', await util.promisify(withCustom)(), util.promisify(withCustom) === withCustom[util.promisify.custom]);
  await new Promise((resolve) => cbd(0, (err, v) => { console.log('callbackify', err, v); resolve(); }));
  await new Promise((resolve) => cbd(1, (err) => { console.log('callbackify err', err.message); resolve(); }));
  await new Promise((resolve) => cbNull((err) => { console.log('callbackify null', err.code, err.message, err.reason); resolve(); }));
})();
