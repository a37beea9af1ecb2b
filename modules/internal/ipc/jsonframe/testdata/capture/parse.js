// Captures which texts JSON.parse (V8, Node 20) accepts, for the validator.
// Run (in modules/socketipc/wire/jsonframe): node testdata/capture/parse.js > testdata/parse.golden.jsonl
'use strict';
const texts = [
  '', ' ', 'null', 'true', 'false', 'nul', 'tru', 'True', 'NULL', 'undefined', 'NaN', 'Infinity', '-Infinity',
  '0', '-0', '00', '01', '-01', '1', '-', '+1', '1.', '.5', '1.5', '1.5e', '1.5e+', '1.5e-3', '1E5', '1e05', '-0.0e-0',
  '0x10', '1_000', '12345678901234567890123456789', '1e999', '-', '--1', '1-', '2.e3', '2.0e', '0e0', '0.0', '- 1',
  '""', '"a"', '"\\"', '"\\\\"', '"\\/"', '"\\\'"', '"\\b\\f\\n\\r\\t"', '"\\u"', '"\\u12"', '"\\u12345"', '"\\uZZZZ"',
  '"\\u00e9"', '"\\u00E9"', '"\\ud800"', '"\\udc00\\ud800"', '"\\x41"', '"\\a"', '"\\0"', '"a\tb"', '"a\nb"',
  '"a\u007fb"', '"a\u0000b"', '"a\u001fb"', '"\u2028"', '"\u00e9"', '"unterminated', "'single'",
  '[]', '[ ]', '[1]', '[1,]', '[,1]', '[1,,2]', '[1 2]', '[', ']', '[[[]]]', '[[[]]', '[1]]',
  '{}', '{ }', '{"a":1}', '{"a":1,}', '{,"a":1}', '{"a"}', '{"a":}', '{"a" 1}', '{a:1}', "{'a':1}", '{"a":1 "b":2}',
  '{"a":1}}', '{1:1}', '{"a":{"b":[{"c":null}]}}', '{"":""}', '{"a":1,"a":2}',
  ' \t\n\r1 \t\n\r', '\f1', '\v1', '\u00a01', '\ufeff1', '1\u00a0', '1 2', 'null null', '[]{}', '"a" "b"',
  '[1,{"a":[true,false,null,"x",-1.5e-3]}]', 'tr', 'falsey', 'nulll', '[truefalse]', '[true,false]',
];
// Deep nesting, written as {open, depth, middle, close, closeDepth} to keep the file small.
const deep = [
  ['[', 5000, '', ']', 5000], ['[', 20000, '', ']', 20000], ['{"a":', 20000, '1', '}', 20000],
  ['[', 20000, '', ']', 19999], ['[{"a":', 3000, 'null', '}]', 3000],
];
for (const text of texts) {
  let ok = true;
  try { JSON.parse(text); } catch (e) { ok = false; }
  process.stdout.write(JSON.stringify({text, valid: ok}) + '\n');
}
for (const [open, depth, middle, close, closeDepth] of deep) {
  const text = open.repeat(depth) + middle + close.repeat(closeDepth);
  let ok = true;
  try { JSON.parse(text); } catch (e) { ok = false; }
  process.stdout.write(JSON.stringify({deep: {open, depth, middle, close, closeDepth}, valid: ok}) + '\n');
}
