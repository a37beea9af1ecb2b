// Values sent through the real libraries to capture golden wire bytes.
// Shared by the capture scripts of this package; each entry is [name, value].
'use strict';

const ee = new (require('events').EventEmitter)();

module.exports = function values() {
  return [
    ['object', {x: 1}],
    ['null', null],
    ['undefined', undefined],
    ['empty string', ''],
    ['zero', 0],
    ['negative zero', -0],
    ['false', false],
    ['true', true],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['big float', 1e21],
    ['small float', 1.5e-7],
    ['fraction', 0.1 + 0.2],
    ['big int-ish', 12345678901234567890],
    ['negative', -42.5],
    ['html chars', '<script>&amp;</script>'],
    ['line separators', 'a\u2028b\u2029c'],
    ['controls', Array.from({length: 32}, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0080\u009f'],
    ['quotes and backslash', 'say "hi" \\ / done'],
    ['unicode', 'héllo wörld ☃ 日本語 \u{1F600}'],
    ['lone high surrogate', 'x\ud800y'],
    ['lone low surrogate', 'x\udc00y'],
    ['bom and nbsp', '\ufeff\u00a0\u200b'],
    ['nested', {a: [1, 'two', {three: 3}], b: {c: null, d: [true, false]}}],
    ['integer keys first', {b: 1, 2: 'two', a: 3, 1: 'one'}],
    ['unicode keys', {'ключ': 'значение', '\u2028': 1, '<&>': 2}],
    ['array with holes', [1, , 3]],
    ['array with undefined and function', [undefined, function () {}, Symbol('s')]],
    ['object with undefined member', {a: undefined, b: 1, c: function () {}}],
    ['date', new Date(Date.UTC(2009, 4, 27, 12, 0, 0))],
    ['toJSON', {toJSON() { return {replaced: true}; }}],
    ['function', function () {}],
    ['event emitter', ee],
    ['long string', 'x'.repeat(5000)],
    ['empty object', {}],
    ['empty array', []],
  ];
};
