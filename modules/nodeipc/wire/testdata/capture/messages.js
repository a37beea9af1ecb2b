// Captures the bytes the real node-ipc 9.2.1 server writes for
// ipc.server.emit(socket, type, data) in JSON mode over a unix socket, read by a
// plain net client, once with the default delimiter and once with '|'.
// Run (in modules/nodeipc/wire): node testdata/capture/messages.js > testdata/messages.golden.jsonl
'use strict';

const path = require('path');
const net = require('net');
const os = require('os');
const root = path.resolve(__dirname, '../../../../../scripts/interop/node_modules');
const {IPC} = require(path.join(root, 'node-ipc'));
const values = require('./cases.js');

const types = [
  'message', '', 'html<&>', 'a\u2028b\u2029', 'ctl\u0001\n\t', 'emoji\u{1F600}', 'lone\ud800',
  'quote"\\', 5, null, undefined, true,
];

// What the JavaScript side of earlynode does before JSON.stringify(data): the
// rule of node-ipc's EventParser.format.
function normalizeData(data) {
  if (!data && data !== false && data !== 0) data = {};
  if (data['_maxListeners']) data = {};
  return data;
}

function run(delimiter, done) {
  const cases = [];
  for (const [name, value] of values()) cases.push({name: 'data ' + name, type: 't', data: value});
  for (const t of types) cases.push({name: 'type ' + JSON.stringify(String(t)), type: t, data: {x: 1}});
  const ipc = new IPC();
  ipc.config.silent = true;
  ipc.config.delimiter = delimiter;
  const sock = path.join(os.tmpdir(), `nodeipc-capture-${process.pid}.sock`);
  ipc.serve(sock, () => {
    ipc.server.on('connect', (socket) => {
      for (const c of cases) ipc.server.emit(socket, c.type, c.data);
      socket.end();
    });
  });
  ipc.server.on('start', () => {
    const chunks = [];
    const client = net.createConnection({path: sock});
    client.on('data', (d) => chunks.push(d));
    client.on('end', () => {
      const all = Buffer.concat(chunks).toString('utf8');
      const pieces = all.split(delimiter);
      if (pieces.pop() !== '' || pieces.length !== cases.length) {
        console.error(`captured ${pieces.length} messages for ${cases.length} cases`);
        process.exit(1);
      }
      cases.forEach((c, i) => {
        const typeJSON = JSON.stringify(c.type);
        const dataJSON = JSON.stringify(normalizeData(c.data));
        process.stdout.write(JSON.stringify({
          name: c.name,
          delimiter,
          type: typeof c.type === 'string' ? c.type : null,
          typeWellFormed: typeof c.type === 'string' && c.type.isWellFormed(),
          typeJSON: typeJSON === undefined ? null : typeJSON,
          dataJSON: dataJSON === undefined ? null : dataJSON,
          wire: Buffer.from(pieces[i] + delimiter, 'utf8').toString('hex'),
        }) + '\n');
      });
      client.end();
      ipc.server.stop();
      done();
    });
  });
  ipc.server.start();
}

run('\f', () => run('|', () => {}));
