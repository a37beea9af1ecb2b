// Captures the bytes the real @crussell52/socket-ipc 0.4.0 server writes for
// server.send(topic, message, clientId), read by a plain net client.
// Run (in modules/socketipc/wire): node testdata/capture/envelopes.js > testdata/envelopes.golden.jsonl
// (needs scripts/interop/node_modules installed; never edited by hand).
'use strict';

const path = require('path');
const net = require('net');
const fs = require('fs');
const os = require('os');
const root = path.resolve(__dirname, '../../../../../scripts/interop/node_modules');
const {Server} = require(path.join(root, '@crussell52/socket-ipc'));
const values = require('./cases.js');

const topics = [
  'welcome', '', 'html<&>', 'a\u2028b\u2029', 'ctl\u0001\n\t', 'emoji\u{1F600}', 'lone\ud800',
  'quote"\\', 'message.with.dots', 5, null, undefined, true,
];

const cases = [];
for (const [name, value] of values()) cases.push({name: 'message ' + name, topic: 't', message: value});
for (const t of topics) cases.push({name: 'topic ' + JSON.stringify(String(t)), topic: t, message: {x: 1}});

const sock = path.join(os.tmpdir(), `socketipc-capture-${process.pid}.sock`);
const server = new Server({socketFile: sock});
server.on('error', (e) => { console.error(e); process.exit(1); });
server.on('connection', (id) => {
  for (const c of cases) server.send(c.topic, c.message, id);
  server.close();
});
server.on('listening', () => {
  const chunks = [];
  const client = net.createConnection({path: sock});
  client.on('data', (d) => chunks.push(d));
  client.on('end', () => {
    const all = Buffer.concat(chunks);
    const pieces = [];
    let start = 0;
    for (let i = all.indexOf('\0\0', start); i >= 0; i = all.indexOf('\0\0', start)) {
      pieces.push(all.subarray(start, i + 2));
      start = i + 2;
    }
    if (start !== all.length || pieces.length !== cases.length) {
      console.error(`captured ${pieces.length} frames for ${cases.length} cases, ${all.length - start} bytes left`);
      process.exit(1);
    }
    cases.forEach((c, i) => {
      const topicJSON = JSON.stringify(c.topic);
      const messageJSON = JSON.stringify(c.message);
      process.stdout.write(JSON.stringify({
        name: c.name,
        topic: typeof c.topic === 'string' ? c.topic : null,
        topicWellFormed: typeof c.topic === 'string' && c.topic.isWellFormed(),
        topicJSON: topicJSON === undefined ? null : topicJSON,
        messageJSON: messageJSON === undefined ? null : messageJSON,
        wire: pieces[i].toString('hex'),
      }) + '\n');
    });
    client.end();
  });
});
server.listen();
