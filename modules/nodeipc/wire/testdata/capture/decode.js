// Captures what a real node-ipc 9.2.1 server publishes for byte streams cut into
// chunks (JSON mode). The chunks go through Node's utf8 StringDecoder, as
// socket.setEncoding('utf8') does, and are handed to the library's own 'data'
// listener on a real accepted socket; every publish() is recorded in order.
// Run (in modules/nodeipc/wire): node testdata/capture/decode.js > testdata/decode.golden.jsonl
'use strict';

const path = require('path');
const net = require('net');
const os = require('os');
const {StringDecoder} = require('string_decoder');
const root = path.resolve(__dirname, '../../../../../scripts/interop/node_modules');
const {IPC} = require(path.join(root, 'node-ipc'));

const B = (s) => Buffer.from(s, 'latin1');
const streams = [
  ['one message', [B('{"type":"message","data":"hi"}\f')]],
  ['three in one chunk', [B('{"type":"a","data":1}\f{"type":"b","data":{"x":[1,2]}}\f{"type":"c","data":null}\f')]],
  ['split everywhere', [B('{"ty'), B('pe":"a","da'), B('ta":[1,2'), B(',3]}'), B('\f{"type":"b"'), B(',"data":"x"}\f')]],
  ['garbage', [B('garbage\f')]],
  ['empty piece', [B('{"type":"a","data":1}\f\f{"type":"b","data":2}\f')]],
  ['whitespace around', [B(' \t\r\n{ "type" : "a" , "data" : [ 1 , 2 ] } \n\f')]],
  ['no type', [B('{"data":1}\f')]],
  ['no data', [B('{"type":"a"}\f')]],
  ['top level number', [B('5\f')]],
  ['top level null', [B('null\f')]],
  ['top level array', [B('[1,2]\f')]],
  ['duplicate keys last wins', [B('{"type":"a","type":"b","data":1,"data":2}\f')]],
  ['escaped keys', [B('{"\\u0074ype":"a","d\\u0061ta":{"k":"v"}}\f')]],
  ['other members', [B('{"x":{"type":"no"},"type":"yes","y":[{"data":0}],"data":"m"}\f')]],
  ['numeric type', [B('{"type":5,"data":true}\f')]],
  ['data with id', [B('{"type":"hello","data":{"id":"world","message":"hi"}}\f')]],
  ['utf8 split in a character', [Buffer.from('{"type":"\u2603","data":"'), Buffer.from('\u{1F600}').subarray(0, 2), Buffer.concat([Buffer.from('\u{1F600}').subarray(2), B('"}\f')])]],
  ['invalid utf8 in string', [Buffer.concat([B('{"type":"a","data":"'), Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98]), B('"}\f')])]],
  ['truncated json', [B('{"type":"a","data":\f')]],
  ['trailing comma', [B('{"type":"a","data":[1,]}\f')]],
  ['raw control char in string', [B('{"type":"a\tb"}\f')]],
  ['lone surrogate escape', [B('{"type":"\\ud800x","data":"\\udc00x"}\f')]],
  ['valid then invalid then valid', [B('{"type":"a","data":1}\foops\f{"type":"b","data":2}\f')]],
  ['form feed inside string is escaped', [B('{"type":"a","data":"x\\fy"}\f')]],
];

const ipc = new IPC();
ipc.config.silent = true;
const sock = path.join(os.tmpdir(), `nodeipc-decode-${process.pid}.sock`);
ipc.serve(sock);
let recording = null;
const publish = ipc.server.publish;
ipc.server.publish = function (type, data) {
  if (recording && type !== 'connect' && type !== 'close' && type !== 'socket.disconnected') {
    const r = {};
    const t = JSON.stringify(type);
    r.typeJSON = t === undefined ? null : t;
    if (type === 'error' && data && data.message === 'Invalid JSON response format') {
      r.invalid = true;
      r.response = data.response;
      r.errName = data.err && data.err.name;
    } else {
      const d = JSON.stringify(data);
      r.dataJSON = d === undefined ? null : d;
    }
    recording.push(r);
  }
  return publish.apply(this, arguments);
};
ipc.server.on('connect', (socket) => {
  for (const [name, chunks] of streams) {
    const sd = new StringDecoder('utf8');
    recording = [];
    socket.ipcBuffer = '';
    for (const chunk of chunks) {
      const text = sd.write(chunk);
      if (text.length > 0) socket.emit('data', text);
    }
    process.stdout.write(JSON.stringify({name, chunks: chunks.map((c) => c.toString('hex')), events: recording}) + '\n');
  }
  recording = null;
  socket.end();
  ipc.server.stop();
});
ipc.server.on('start', () => {
  const client = net.createConnection({path: sock});
  client.on('end', () => client.end());
});
ipc.server.start();
