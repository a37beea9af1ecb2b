// require("string_decoder"): characters and base64 groups split across writes, at the end,
// and bad input.
'use strict';
const { StringDecoder } = require('string_decoder');
function run(enc, pieces, endWith) {
  const d = new StringDecoder(enc);
  const out = pieces.map((p) => d.write(Buffer.from(p)));
  out.push(endWith === undefined ? d.end() : d.end(Buffer.from(endWith)));
  console.log(enc, JSON.stringify(pieces), '->', JSON.stringify(out), d.encoding);
}
const euro = [0xe2, 0x82, 0xac];
const grin = [0xf0, 0x9f, 0x98, 0x80];
run('utf8', [[0x61], euro.slice(0, 1), euro.slice(1)]);
run('utf8', [euro.slice(0, 2), euro.slice(2)]);
run('utf8', [grin.slice(0, 1), grin.slice(1, 2), grin.slice(2, 3), grin.slice(3)]);
run('utf8', [euro.slice(0, 2)]);
run('utf8', [euro.slice(0, 2), [0x41]]);
run('utf8', [[0xff, 0x41]]);
run('utf8', [[0xe0, 0x80]]);
run('utf8', [[0xed, 0xa0]]);
run('utf8', [[0xc3]], [0xa9]);
run('utf8', [[0xf0, 0x9f]], [0x41]);
run('utf16le', [[0x61], [0x00, 0x62], [0x00]]);
run('utf16le', [[0x3d, 0xd8], [0x00, 0xde]]);
run('utf16le', [[0x3d, 0xd8, 0x00], [0xde]]);
run('utf16le', [[0x61]]);
run('ucs2', [[0x3d, 0xd8]]);
run('base64', [[0x61], [0x62], [0x63, 0x64]]);
run('base64', [[0x61, 0x62]]);
run('base64url', [[0xfb, 0xff], [0xbf, 0x01]]);
run('hex', [[0x01, 0xab], [0xff]]);
run('latin1', [[0xe9, 0x41]]);
run('binary', [[0xe9]]);
run('ascii', [[0xe9, 0x41]]);
run(undefined, [[0x61]]);
run('UTF-8', [[0x61]]);
const d = new StringDecoder();
console.log(JSON.stringify(d.write('str')), JSON.stringify(d.write(new Uint8Array([0x62]))), JSON.stringify(d.end()));
for (const bad of [() => new StringDecoder('nope'), () => new StringDecoder().write(5), () => new StringDecoder().write(null)]) {
  try { bad(); console.log('no throw'); } catch (e) { console.log(e.name, e.code, e.message); }
}
