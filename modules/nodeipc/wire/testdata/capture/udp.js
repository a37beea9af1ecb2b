// Captures node-ipc 9.2.1 over UDP (udp4): the datagrams ipc.server.emit({address,
// port}, type, data) sends, and what the server publishes for datagrams it
// receives, in JSON mode and in rawBuffer mode with the 'hex' and 'utf8' encodings.
// Run (in modules/nodeipc/wire): node testdata/capture/udp.js > testdata/udp.golden.jsonl
'use strict';

const path = require('path');
const dgram = require('dgram');
const root = path.resolve(__dirname, '../../../../../scripts/interop/node_modules');
const {IPC} = require(path.join(root, 'node-ipc'));

const B = (s) => Buffer.from(s, 'latin1');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const sends = [
  ['object', 'message', {x: 1}],
  ['undefined data', 'empty', undefined],
  ['string', 'greeting', 'hello \u2603'],
];
const received = [
  ['one message', B('{"type":"a","data":1}\f')],
  ['two messages', B('{"type":"a","data":1}\f{"type":"b","data":[2]}\f')],
  ['no trailing delimiter', B('{"type":"a","data":1}')],
  ['complete then partial', B('{"type":"a","data":1}\f{"type":"b"')],
  ['first half', B('{"type":"a",')],
  ['second half', B('"data":1}\f')],
  ['garbage', B('garbage\f')],
  ['invalid utf8', Buffer.concat([B('{"type":"a","data":"'), Buffer.from([0xff, 0xe2, 0x82]), B('"}\f')])],
];
const rawReceived = [
  ['hex text', B('68656c6c6f')],
  ['binary bytes', Buffer.from([0xff, 0x41, 0x00, 0x0c])],
  ['odd hex text', B('abc')],
  ['text', Buffer.from('h\u00e9llo \u2603')],
];
const rawSends = [
  ['hex string', 'abcd00ff'],
  ['non-hex string', 'hello'],
];

// What the JavaScript side of earlynode does before JSON.stringify(data): the
// rule of node-ipc's EventParser.format.
function normalizeData(data) {
  if (!data && data !== false && data !== 0) data = {};
  if (data['_maxListeners']) data = {};
  return data;
}

function out(o) { process.stdout.write(JSON.stringify(o) + '\n'); }

async function serve(config, port) {
  const ipc = new IPC();
  ipc.config.silent = true;
  Object.assign(ipc.config, config);
  const events = [];
  await new Promise((resolve) => {
    ipc.serveNet('127.0.0.1', port, 'udp4', resolve);
    ipc.server.start();
  });
  const publish = ipc.server.publish;
  ipc.server.publish = function (type, data) {
    if (type === 'data' && Buffer.isBuffer(data)) {
      events.push({typeJSON: '"data"', dataHex: data.toString('hex')});
    } else if (type === 'error' && data && data.message === 'Invalid JSON response format') {
      events.push({typeJSON: '"error"', invalid: true, response: data.response});
    } else if (type !== 'connect' && type !== 'start') {
      const t = JSON.stringify(type);
      const d = JSON.stringify(data);
      events.push({typeJSON: t === undefined ? null : t, dataJSON: d === undefined ? null : d});
    }
    return publish.apply(this, arguments);
  };
  await sleep(50);
  return {ipc, events};
}

async function main() {
  const peer = dgram.createSocket('udp4');
  const got = [];
  peer.on('message', (m) => got.push(m));
  await new Promise((r) => peer.bind(0, '127.0.0.1', r));
  const peerAddr = {address: '127.0.0.1', port: peer.address().port};
  const send = async (buf, port) => { peer.send(buf, port, '127.0.0.1'); await sleep(30); };

  // JSON mode.
  {
    const port = 18000 + (process.pid % 1000);
    const {ipc, events} = await serve({}, port);
    for (const [name, type, data] of sends) {
      got.length = 0;
      ipc.server.emit(peerAddr, type, data);
      await sleep(30);
      const d = JSON.stringify(normalizeData(data));
      out({kind: 'send', name, typeJSON: JSON.stringify(type), dataJSON: d === undefined ? null : d,
        datagrams: got.map((g) => g.toString('hex'))});
    }
    for (const [name, datagram] of received) {
      events.length = 0;
      await send(datagram, port);
      out({kind: 'receive', name, datagram: datagram.toString('hex'), events: events.slice()});
    }
    ipc.server.stop();
  }
  // rawBuffer mode.
  for (const encoding of ['hex', 'utf8']) {
    const port = 19000 + (process.pid % 1000);
    const {ipc, events} = await serve({rawBuffer: true, encoding}, port);
    for (const [name, datagram] of rawReceived) {
      events.length = 0;
      await send(datagram, port);
      out({kind: 'rawReceive', encoding, name, datagram: datagram.toString('hex'), events: events.slice()});
    }
    for (const [name, value] of rawSends) {
      got.length = 0;
      ipc.server.emit(peerAddr, value);
      await sleep(30);
      out({kind: 'rawSend', encoding, name, value, datagrams: got.map((g) => g.toString('hex'))});
    }
    ipc.server.stop();
  }
  peer.close();
}

main().catch((e) => { console.error(e); process.exit(1); });
