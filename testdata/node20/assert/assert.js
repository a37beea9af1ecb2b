// require('assert') and 'assert/strict': passing and failing calls, with the AssertionError each throws.
'use strict';
const assert = require('assert');
const tries = [() => assert.strictEqual('hello world', 'hello there'), () => assert.strictEqual(1, 2), () => assert.strictEqual({ a: 1 }, { a: 1 }),
() => assert.deepStrictEqual({ a: 1, b: 2 }, { a: 1, b: 3 }), () => assert.deepStrictEqual([1, 2, 3], [1, 2, 4]), () => assert.equal(1, 2), () => assert.notEqual(1, 1),
() => assert.notStrictEqual(1, 1), () => assert.deepEqual({ a: 1 }, { a: 2 }), () => assert.ok(false), () => assert(0, 'msg'), () => assert.fail(), () => assert.fail('boom'),
() => assert.throws(() => {}), () => assert.throws(() => { throw new Error('x'); }, /y/), () => assert.doesNotThrow(() => { throw new Error('z'); }),
() => assert.match('abc', /x/), () => assert.strictEqual('a'.repeat(10), 'b'.repeat(10)), () => assert.ok(), () => assert.notDeepStrictEqual({a:1},{a:1}),
() => assert.strictEqual(1, 2, 'custom message'), () => assert.strictEqual(1, 2, new TypeError('own')), () => assert.deepStrictEqual([1,2],[1,2,3]),
() => assert.strictEqual(NaN, 0), () => assert.throws(() => { throw new TypeError('t'); }, RangeError), () => assert.doesNotMatch('abc', /b/),
() => assert.ifError(new Error('iferr')), () => assert.ifError('str'), () => assert.strictEqual(true, false), () => assert.deepStrictEqual('a\nb', 'a\nc')];
const show = (f) => { try { f(); console.log("no throw"); } catch (e) { console.log(JSON.stringify([e.name, e.code, e.message, e.generatedMessage, e.operator])); } };
tries.forEach(show);
const tries2 = [() => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'mine'), () => assert.equal(1, 2, 'eqmsg'), () => assert.throws(() => { throw new Error('x'); }, { message: 'y' }),
 () => assert.throws(() => { throw new Error('x'); }, (e) => false), () => assert.throws(() => {}, TypeError), () => assert.throws(() => {}, 'msg'), () => assert.throws(5),
 () => assert.notStrictEqual({}, {}), () => assert.notStrictEqual('abcdefg', 'abcdefg'), () => assert.notDeepEqual({a:1},{a:1}), () => assert.strictEqual([1], [2]), () => assert.deepStrictEqual(new Map([[1,2]]), new Map([[1,3]])),
 () => assert.match(5, /x/), () => assert.ok(null), () => assert.doesNotThrow(() => { throw new Error('z'); }, 'why'),
 () => assert.deepStrictEqual({a:[1,2,{b:3}], c: 'x'}, {a:[1,2,{b:4}], c: 'x'})];
tries2.forEach(show);
const strict = require('assert/strict');
console.log(strict === assert.strict, strict.strict === strict, typeof assert.AssertionError);
show(() => strict.equal(1, '1'));
show(() => strict.deepEqual({ a: 1 }, { a: '1' }));
show(() => assert.deepEqual({ a: 1 }, { a: '1' }));
show(() => strict.notEqual(1, 1));
show(() => { assert.ok(true); assert.equal(1, '1'); assert.deepStrictEqual([1, { a: new Map([[1, 2]]) }], [1, { a: new Map([[1, 2]]) }]); assert.throws(() => { throw new TypeError('x'); }, TypeError); assert.throws(() => { throw new Error('abc'); }, { message: /b/ }); assert.doesNotThrow(() => {}); assert.match('abc', /b/); assert.ifError(null); });
const e = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(e.name, e.code, JSON.stringify(e.message), e instanceof Error, String(e).split('\n')[0]);
(async () => {
  await assert.rejects(Promise.reject(new Error('r')), /r/);
  await assert.rejects(async () => 1).catch((err) => console.log('rejects', err.message));
  await assert.doesNotReject(Promise.resolve(1));
  await assert.doesNotReject(Promise.reject(new Error('nr'))).catch((err) => console.log('doesNotReject', err.message));
  await assert.rejects(5).catch((err) => console.log('rejects 5', err.code, err.message));
  console.log('async done');
})();
