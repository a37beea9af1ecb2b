// Captures node-ipc 9.2.1 rawBuffer mode over stream sockets:
//  - "encode": Buffer.from(string, encoding), which is what emit() writes
//    (checked against a real server's emits, read by a plain net client);
//  - "decode": what the library publishes per chunk. A socket with
//    setEncoding(enc) hands each chunk through a StringDecoder (and flushes it
//    with end() at EOF); the library then calls Buffer.from(text, enc);
//  - "client": the 'data' events of a real node-ipc client (rawBuffer) fed by a
//    plain net server that writes chunks and ends, concatenated.
// Run (in modules/nodeipc/wire): node testdata/capture/raw.js > testdata/raw.golden.jsonl
'use strict';

const path = require('path');
const net = require('net');
const os = require('os');
const {StringDecoder} = require('string_decoder');
const root = path.resolve(__dirname, '../../../../../scripts/interop/node_modules');
const {IPC} = require(path.join(root, 'node-ipc'));

const encodings = ['utf8', 'utf-8', 'UTF8', 'ascii', 'latin1', 'binary', 'hex', 'base64', 'base64url', 'utf16le', 'ucs2', 'ucs-2', 'utf-16le'];
const strings = [
  '', 'hello', 'h\u00e9llo \u2603 \u{1F600}', 'abcd00ff', 'ABCDEF', 'abc', 'zz12', '12zz34', '1 2',
  'aGVsbG8=', 'aGVsbG8', 'aGV sbG8', 'aGVs\nbG8=', 'YQ==YQ==', '=abc', 'ab=c', 'a-_b', 'a+/b', '++//', 'Zm9vYmFy',
  'Zg', 'Zm', 'Zm9', 'Z', '\u0100\u01ff\u07ff\u0800\uffff', '\u0000\u00ff\u007f\u0080', 'x\ud800y', '\udc00',
  '\t\r\n', 'Zm9v!YmFy', 'Zm9v\u00e9YmFy', '  Zm9v  ',
  '\u0141\u0141', '\u0141\u0141\u0141\u0141', 'QU=FB', 'Q U F B', 'Q===', 'QQ=', 'Q', 'QUJD\u013d', 'QUJDRA\u013d\u013d', 'a\u0100b',
  'Zm9vYmFyYmF6cXV4eHl6enk=', 'Zm9vYmFyYmF6cXV4eHl6enk', '_-_-', 'QUJD RE VG', 'QU\nJD\n', 'AA==AA', '====', '=',
];

// A deterministic byte generator, so the golden file is stable.
let seed = 12345;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return (seed >>> 16) % n; }
function randomBytes(n, alphabet) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = alphabet ? alphabet[rnd(alphabet.length)] : rnd(256);
  return b;
}
function randomChunks(buf) {
  const out = [];
  for (let i = 0; i < buf.length;) {
    const n = 1 + rnd(7);
    out.push(buf.subarray(i, i + n));
    i += n;
  }
  return out;
}
const H = (s) => Buffer.from(s.replace(/ /g, ''), 'hex');
const utf8Mix = Buffer.from('aé☃😀\u0800\uffff', 'utf8');
const chunkCases = [
  ['split euro', [H('e2'), H('82 ac')]],
  ['split emoji', [H('f0 9f'), H('98 80')]],
  ['split emoji 3+1', [H('f0 9f 98'), H('80 41')]],
  ['truncated then ascii', [H('e2 82'), H('41')]],
  ['c0 then ascii', [H('c0'), H('41')]],
  ['overlong lead held at end', [H('41 f0 80 80')]],
  ['incomplete at end', [H('41 e2 82')]],
  ['surrogate encoding', [H('ed a0 80 41')]],
  ['beyond max', [H('f4 90 80 80 41')]],
  ['lone continuation', [H('80 bf 41')]],
  ['ff fe', [H('ff fe 41')]],
  ['odd bytes', [H('41'), H('00 42'), H('00')]],
  ['utf16 surrogate split', [H('3d d8'), H('00 de 41 00')]],
  ['utf16 high surrogate at end', [H('41 00 3d d8')]],
  ['utf16 odd at end', [H('41 00 42')]],
  ['one byte at a time', [H('e2'), H('98'), H('83'), H('41'), H('ff'), H('42')]],
  ['base64 grouping', [H('01'), H('02 03 04'), H('05'), H('06 07')]],
  ['empty chunk', [H(''), H('41')]],
  ['random', randomChunks(randomBytes(64))],
  ['random utf8-ish', randomChunks(Buffer.concat([utf8Mix, randomBytes(16, [0x41, 0x80, 0xbf, 0xc3, 0xe2, 0xf0, 0x9f, 0xed, 0xff]), utf8Mix]))],
];

function out(o) { process.stdout.write(JSON.stringify(o) + '\n'); }

for (const enc of encodings) {
  for (const s of strings) {
    out({kind: 'encode', encoding: enc, string: s, wellFormed: s.isWellFormed(), bytes: Buffer.from(s, enc).toString('hex')});
  }
  for (const [name, chunks] of chunkCases) {
    const sd = new StringDecoder(enc);
    const outputs = [];
    for (const c of chunks) {
      const text = sd.write(c);
      if (text.length > 0) outputs.push(Buffer.from(text, enc).toString('hex'));
    }
    const rest = sd.end();
    if (rest.length > 0) outputs.push(Buffer.from(rest, enc).toString('hex'));
    out({kind: 'decode', encoding: enc, name, chunks: chunks.map((c) => c.toString('hex')), outputs});
  }
}

// End to end with the real library, one encoding after another.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function endToEnd(enc, idx) {
  const sock = path.join(os.tmpdir(), `nodeipc-raw-${process.pid}-${idx}.sock`);
  // Server side: the real library emitting strings.
  const ipc = new IPC();
  ipc.config.silent = true;
  ipc.config.rawBuffer = true;
  ipc.config.encoding = enc;
  const sent = strings.filter((s) => s.isWellFormed());
  const stream = await new Promise((resolve) => {
    ipc.serve(sock, () => {
      ipc.server.on('connect', (socket) => {
        for (const s of sent) ipc.server.emit(socket, s);
        socket.end();
      });
    });
    ipc.server.on('start', () => {
      const got = [];
      const c = net.createConnection({path: sock});
      c.on('data', (d) => got.push(d));
      c.on('end', () => { c.end(); resolve(Buffer.concat(got)); });
    });
    ipc.server.start();
  });
  ipc.server.stop();
  out({kind: 'serverStream', encoding: enc, strings: sent, stream: stream.toString('hex')});

  // Client side: the real library receiving chunks from a plain server.
  const sock2 = sock + '.2';
  const chunks = chunkCases[chunkCases.length - 1][1];
  const plain = net.createServer(async (conn) => {
    for (const c of chunks) { conn.write(c); await sleep(5); }
    conn.end();
  });
  await new Promise((r) => plain.listen(sock2, r));
  const cli = new IPC();
  cli.config.silent = true;
  cli.config.rawBuffer = true;
  cli.config.encoding = enc;
  cli.config.maxRetries = 0;
  const got = await new Promise((resolve) => {
    const data = [];
    cli.connectTo('plain', sock2, () => {
      cli.of.plain.on('data', (b) => data.push(b));
      cli.of.plain.on('disconnect', () => resolve(Buffer.concat(data)));
    });
  });
  plain.close();
  out({kind: 'client', encoding: enc, chunks: chunks.map((c) => c.toString('hex')), received: got.toString('hex')});
}

(async () => {
  let i = 0;
  for (const enc of ['utf8', 'ascii', 'latin1', 'hex', 'base64', 'base64url', 'utf16le']) await endToEnd(enc, i++);
})().catch((e) => { console.error(e); process.exit(1); });
