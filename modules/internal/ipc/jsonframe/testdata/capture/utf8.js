// Captures how Node's utf8 decoder turns byte sequences into text: each input
// and the UTF-8 bytes of buf.toString('utf8').
// Run (in modules/socketipc/wire/jsonframe): node testdata/capture/utf8.js > testdata/utf8.golden.jsonl
'use strict';
const inputs = [
  '', '41', 'c3a9', 'e282ac', 'f09f9880', 'ff', 'fe', 'c0', 'c0af', 'c1bf', 'c2', 'c241', 'e2', 'e282', 'e28241',
  'e0', 'e080', 'e09f80', 'e0a080', 'ed9fbf', 'eda080', 'edbfbf', 'ee8080', 'efbfbf', 'f0', 'f080', 'f08080', 'f0808080',
  'f08f8080', 'f0908080', 'f48fbfbf', 'f4908080', 'f5808080', 'f8888080', 'fc84808080', '80', 'bf', '8080', 'c3a980',
  'e282ace282', 'f09f98', 'f09f9841', '41ff42fe43', 'c328', 'a0a1', 'e228a1', 'e282 28', 'f0288cbc', 'f09028bc', 'f0288c28',
  'edb080', 'eda080edb080', 'ef bf bd', 'c3', 'e2 82 ac f0 9f 98', 'ff ff ff', 'e1 80 41 e1 80', 'f1 80 80 41',
];
for (const h of inputs) {
  const b = Buffer.from(h.replace(/ /g, ''), 'hex');
  process.stdout.write(JSON.stringify({in: b.toString('hex'), out: Buffer.from(b.toString('utf8'), 'utf8').toString('hex')}) + '\n');
}
