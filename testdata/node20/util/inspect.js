// util.inspect's layout of the values programs log, as Node 20 prints them.
'use strict';
const util = require('util');
class Foo { constructor() { this.a = 1; } }
class Bar extends Foo {}
const circ = { name: 'c' }; circ.self = circ;
const vals = [1, -0, 'str', "it's", 10n, Symbol('s'), null, undefined, true, [1, 2, 3], [], {}, { a: 1, b: 'x', c: [1, { d: 2 }] },
  { a: { b: { c: { d: { e: 1 } } } } }, new Foo(), new Bar(), Foo, function named() {}, () => {}, Math.max, class {},
  new Map([[1, 'a'], ['b', { c: 2 }]]), new Set([1, 'two', [3]]), new Map(), new Set(), circ, new Error('boom').message, /re/g, new Date(0),
  Object.create(null), { 'a-b': 1, 2: 3, [Symbol('k')]: 4 }, [1, , 3], new Array(5), Array.from({ length: 120 }, (_, i) => i), 'a'.repeat(30),
  { f() {}, g: async function () {}, h: function* () {} }, Promise.resolve(4), new WeakMap(), new Uint8Array([1, 2]), new ArrayBuffer(3),
  [undefined, null], { long1: 'aaaaaaaaaaaaaaaaaaaa', long2: 'bbbbbbbbbbbbbbbbbbbbbbbb', long3: 'cccccccccccccccccccccccccccc', long4: 'dddddddddddddddddddddd', long5: 'eeeeeeeeeeeeeee' },
  [[1, [2, [3, [4, [5]]]]]], new Number(3), new String('ab'), new Boolean(false), Object.assign(() => {}, { x: 1 }), [new Foo(), new Foo()],
  Array.from({ length: 30 }, (_, i) => 'item' + i), { und: undefined, nul: null, nested: { arr: [[]], obj: {} } }];
vals.forEach((v, i) => console.log(i, util.inspect(v)));
