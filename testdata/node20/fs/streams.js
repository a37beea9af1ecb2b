// createReadStream and createWriteStream: events in order, highWaterMark chunking, start/end,
// encodings, pause/resume, pipe, drain, errors. Works in a temporary directory it removes.
const fs = require('fs');
const os = require('os');
const dir = fs.mkdtempSync(os.tmpdir() + '/earlynode-fss-');
const p = (name) => dir + '/' + name;
const clean = (s) => typeof s === 'string' ? s.split(dir).join('<dir>') : s;
const data = Buffer.alloc(200000);
for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
fs.writeFileSync(p('src.bin'), data);
fs.writeFileSync(p('text.txt'), 'héllo wörld, ünïcode ✓ text');

const steps = [];
function next() {
  const s = steps.shift();
  if (s) s();
  else {
    fs.rmSync(dir, { recursive: true, force: true });
    console.log('removed', fs.existsSync(dir));
  }
}

steps.push(() => {
  const events = [];
  const sizes = [];
  const rs = fs.createReadStream(p('src.bin'));
  console.log('ReadStream', rs instanceof fs.ReadStream, typeof rs.pipe, rs.pending, clean(rs.path));
  rs.on('open', (fd) => events.push('open:' + typeof fd));
  rs.on('ready', () => events.push('ready'));
  rs.on('data', (chunk) => sizes.push(chunk.length));
  rs.on('end', () => events.push('end'));
  rs.on('close', () => {
    events.push('close');
    console.log('events', events.join(' '));
    console.log('chunks', JSON.stringify(sizes), rs.bytesRead);
    next();
  });
});

steps.push(() => {
  const got = [];
  const rs = fs.createReadStream(p('src.bin'), { start: 10, end: 99, highWaterMark: 16 });
  rs.on('data', (c) => got.push(c));
  rs.on('end', () => {
    const b = Buffer.concat(got);
    console.log('range', got.length, b.length, b.equals(data.subarray(10, 100)));
    next();
  });
});

steps.push(() => {
  let text = '';
  const rs = fs.createReadStream(p('text.txt'), { encoding: 'utf8', highWaterMark: 3 });
  rs.on('data', (c) => { text += c; });
  rs.on('end', () => {
    console.log('utf8 split', typeof text, text);
    next();
  });
});

steps.push(() => {
  let hex = '';
  const rs = fs.createReadStream(p('text.txt'), { start: 0, end: 4 });
  rs.setEncoding('hex');
  rs.on('data', (c) => { hex += c; });
  rs.on('end', () => {
    console.log('hex', hex);
    next();
  });
});

steps.push(() => {
  const rs = fs.createReadStream(p('src.bin'), { highWaterMark: 50000 });
  let n = 0;
  let pausedSeen = false;
  rs.on('data', (c) => {
    n++;
    if (n === 1) {
      rs.pause();
      console.log('paused', rs.isPaused());
      setTimeout(() => {
        pausedSeen = n === 1;
        rs.resume();
      }, 20);
    }
  });
  rs.on('end', () => {
    console.log('pause held data', pausedSeen, n);
    next();
  });
});

steps.push(() => {
  const rs = fs.createReadStream(p('src.bin'));
  const ws = fs.createWriteStream(p('copy.bin'));
  const events = [];
  ws.on('open', () => events.push('open'));
  ws.on('finish', () => events.push('finish'));
  ws.on('close', () => {
    events.push('close');
    const copy = fs.readFileSync(p('copy.bin'));
    console.log('pipe', events.join(' '), copy.equals(data), ws.bytesWritten);
    next();
  });
  console.log('pipe returns dest', rs.pipe(ws) === ws);
});

steps.push(() => {
  const ws = fs.createWriteStream(p('w.txt'), { highWaterMark: 10 });
  const order = [];
  console.log('write small', ws.write('abc'));
  console.log('write past hwm', ws.write(Buffer.from('defghijklmnop'), () => order.push('cb')));
  ws.on('drain', () => {
    order.push('drain');
    ws.write('6869', 'hex');
    ws.end('!', () => order.push('end cb'));
  });
  ws.on('finish', () => order.push('finish'));
  ws.on('close', () => {
    console.log('writes', order.join(' '), fs.readFileSync(p('w.txt'), 'utf8'));
    next();
  });
});

steps.push(() => {
  const ws = fs.createWriteStream(p('app.txt'), { flags: 'a' });
  ws.end('one\n');
  ws.on('close', () => {
    const ws2 = fs.createWriteStream(p('app.txt'), { flags: 'a' });
    ws2.end('two\n');
    ws2.on('close', () => {
      console.log('append flags', JSON.stringify(fs.readFileSync(p('app.txt'), 'utf8')));
      next();
    });
  });
});

steps.push(() => {
  const rs = fs.createReadStream(p('nope'));
  const events = [];
  rs.on('error', (e) => events.push('error ' + e.code + ' ' + e.syscall + ' ' + clean(e.message)));
  rs.on('close', () => {
    events.push('close');
    console.log('read error', events.join(' | '));
    next();
  });
});

steps.push(() => {
  const ws = fs.createWriteStream(p('no/such/dir.txt'));
  ws.on('error', (e) => {
    console.log('write error', e.code, e.syscall, clean(e.message));
    next();
  });
});

steps.push(() => {
  const ws = fs.createWriteStream(p('after.txt'));
  ws.end('x');
  ws.on('error', (e) => console.log('write after end', e.code, e.message));
  ws.write('y');
  ws.on('close', () => next());
});

steps.push(() => {
  const ws = fs.createWriteStream(p('flags.txt'), { flags: 'q' });
  const events = [];
  ws.on('error', (e) => events.push('error ' + e.code + ' ' + e.message));
  ws.on('close', () => {
    console.log('bad flags', events.join(' | '), 'close');
    next();
  });
});

steps.push(() => {
  const rs = fs.createReadStream(p('src.bin'));
  rs.on('close', () => {
    console.log('destroyed closes');
    next();
  });
  rs.destroy();
});

next();
