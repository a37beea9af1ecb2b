// require("querystring"): parse, stringify, escape and unescape, with odd input.
'use strict';
const qs = require('querystring');
const show = (o) => JSON.stringify(o) + ' ' + (Object.getPrototypeOf(o) === null ? 'null-proto' : typeof o);
for (const s of ['a=1&b=2', 'a=1&a=2&a=3', 'a', 'a=', '=x', '&&a=1&&', 'a+b=c+d', 'x=%20%41', 'bad=%E0%A4%A', 'p=%zz', 'e=%C3%A9', 'k=v=w', '', 'a[]=1&a[]=2', 'toString=1&__proto__=2']) {
  console.log(JSON.stringify(s), show(qs.parse(s)));
}
console.log(show(qs.parse('a:1;b:2', ';', ':')));
console.log(show(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })));
console.log(show(qs.parse('a=b', null, null, { decodeURIComponent: (s) => s.toUpperCase() })));
console.log(show(qs.decode('x=y')));
for (const o of [{ a: 1, b: 'two', c: [3, 'four'] }, { s: 'a b&c=d/é' }, { n: NaN, i: Infinity, t: true, f: false, u: undefined, nl: null, o: {}, big: 10n }, {}, 'str', null, { 'k y': '' }]) {
  console.log(JSON.stringify(qs.stringify(o)));
}
console.log(qs.stringify({ a: 1, b: 2 }, ';', ':'), qs.encode({ z: 'z' }), qs.stringify({ a: 'x y' }, null, null, { encodeURIComponent: (s) => s.replace(' ', '_') }));
console.log(qs.escape('a b/c?d=é~*()!\''), qs.unescape('a%20b%zz+c'), qs.unescape('%E0%A4%A'), qs.unescapeBuffer('a%20b%ff').toString('hex'));
try { qs.escape('\ud800'); } catch (e) { console.log(e.name, e.code, e.message); }
