// Captures what the real @crussell52/socket-ipc 0.4.0 JSON transcoder decodes from
// byte streams cut into chunks. Bytes go through Node's utf8 StringDecoder first,
// as socket.setEncoding('utf8') does, then into the library's own decoder.
// Run (in modules/socketipc/wire): node testdata/capture/decode.js > testdata/decode.golden.jsonl
'use strict';

const path = require('path');
const {StringDecoder} = require('string_decoder');
const root = path.resolve(__dirname, '../../../../../scripts/interop/node_modules');
const transcoder = require(path.join(root, '@crussell52/socket-ipc/src/lib/transcoder/jsonTranscoder.js'));

// DecodeError's constructor reads a free variable `clientId` (a bug in 0.4.0 that
// throws ReferenceError); a global of that name lets the real error be built.
global.clientId = 'capture';

const B = (s) => Buffer.from(s, 'latin1');
const streams = [
  ['one frame', [B('{"topic":"welcome","message":{"x":1}}\0\0')]],
  ['three frames one chunk', [B('{"topic":"welcome","message":{"x":1}}\0\0{"topic":"bc","message":null}\0\0{"topic":"u"}\0\0')]],
  ['split everywhere', [B('{"to'), B('pic":"a","mes'), B('sage":[1,2'), B(',3]}\0'), B('\0{"topic":"b"'), B(',"message":"x"}\0\0')]],
  ['delimiter split', [B('{"topic":"a","message":1}\0'), B('\0')]],
  ['partial left over', [B('{"topic":"a","message":1}\0\0{"topic":"b",')]],
  ['garbage', [B('garbage\0\0')]],
  ['empty frame', [B('\0\0')]],
  ['triple nul', [B('{"topic":"a","message":1}\0\0\0{"topic":"b","message":2}\0\0')]],
  ['whitespace around', [B(' \t\r\n{ "topic" : "a" , "message" : [ 1 , 2 ] } \n\0\0')]],
  ['no topic', [B('{"message":1}\0\0')]],
  ['top level array', [B('[1,2]\0\0')]],
  ['top level null', [B('null\0\0')]],
  ['top level string', [B('"hello"\0\0')]],
  ['duplicate keys last wins', [B('{"topic":"a","topic":"b","message":1,"message":2}\0\0')]],
  ['escaped keys', [B('{"\\u0074opic":"a","m\\u0065ssage":{"k":"v"}}\0\0')]],
  ['other members', [B('{"x":{"topic":"no"},"topic":"yes","y":[{"message":0}],"message":"m"}\0\0')]],
  ['numeric topic', [B('{"topic":5,"message":true}\0\0')]],
  ['object topic', [B('{"topic":{"a":1},"message":false}\0\0')]],
  ['utf8 split in a character', [Buffer.from('{"topic":"\u2603","message":"'), Buffer.from('\u{1F600}').subarray(0, 2), Buffer.concat([Buffer.from('\u{1F600}').subarray(2), B('"}\0\0')])]],
  ['invalid utf8 in string', [Buffer.concat([B('{"topic":"a","message":"'), Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98]), B('"}\0\0')])]],
  ['invalid utf8 outside string', [Buffer.concat([B('{"topic":"a","message":1}'), Buffer.from([0xff]), B('\0\0')])]],
  ['truncated json', [B('{"topic":"a","message":\0\0')]],
  ['trailing comma', [B('{"topic":"a","message":[1,]}\0\0')]],
  ['single quotes', [B("{'topic':'a'}\0\0")]],
  ['trailing garbage', [B('{"topic":"a"}x\0\0')]],
  ['raw control char in string', [B('{"topic":"a\tb"}\0\0')]],
  ['bad escape', [B('{"topic":"\\x41"}\0\0')]],
  ['leading zero', [B('{"topic":"a","message":01}\0\0')]],
  ['lone surrogate escape', [B('{"topic":"\\ud800","message":"\\udc00x"}\0\0')]],
  ['deep nesting', [B('{"topic":"d","message":' + '['.repeat(200) + ']'.repeat(200) + '}\0\0')]],
  ['numbers', [B('{"topic":"n","message":[-0,0.5e10,1E-2,-1.0e+3,123456789012345678901234567890]}\0\0')]],
  ['bom', [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), B('{"topic":"a"}\0\0')])]],
  ['valid then invalid then valid', [B('{"topic":"a"}\0\0oops\0\0{"topic":"b"}\0\0')]],
];

for (const [name, chunks] of streams) {
  const sd = new StringDecoder('utf8');
  const decode = transcoder.createDecoder();
  const results = [];
  for (const chunk of chunks) {
    const text = sd.write(chunk);
    if (text.length === 0) continue;
    decode(text, (err, messages) => {
      if (err) {
        results.push({error: err.message, rawData: err.rawData});
        return;
      }
      for (const m of messages) {
        const r = {};
        if (m !== null && m !== undefined) {
          const t = JSON.stringify(m.topic);
          const msg = JSON.stringify(m.message);
          r.topicJSON = t === undefined ? null : t;
          r.messageJSON = msg === undefined ? null : msg;
        }
        r.valueJSON = JSON.stringify(m);
        results.push(r);
      }
    });
  }
  process.stdout.write(JSON.stringify({name, chunks: chunks.map((c) => c.toString('hex')), results}) + '\n');
}
