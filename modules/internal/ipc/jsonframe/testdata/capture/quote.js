// Captures how JSON.stringify (V8, Node 20) writes strings: every UTF-16 code
// unit whose JSON.stringify text is not the character itself between quotes.
// Run (in modules/socketipc/wire/jsonframe): node testdata/capture/quote.js > testdata/quote.golden.jsonl
'use strict';
for (let cu = 0; cu <= 0xffff; cu++) {
  const ch = String.fromCharCode(cu);
  const json = JSON.stringify(ch);
  if (json !== '"' + ch + '"') process.stdout.write(JSON.stringify({codeUnit: cu, json}) + '\n');
}
