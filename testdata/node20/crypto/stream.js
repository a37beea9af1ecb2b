// Hash and Hmac as streams: a file piped into a hash, setEncoding and "data", write/end/read,
// digest() after end answers the same digest once.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const file = os.tmpdir() + '/earlynode-hash-' + crypto.randomUUID();
const data = Buffer.alloc(300000);
for (let i = 0; i < data.length; i++) data[i] = (i * 13) & 0xff;
fs.writeFileSync(file, data);
const want = crypto.createHash('sha256').update(data).digest('hex');

const h3 = crypto.createHash('md5');
h3.write('ab');
h3.write(Buffer.from('c'));
h3.end();
console.log('read', h3.read().toString('hex'), h3.read());
const mac = crypto.createHmac('sha1', 'k');
mac.end('x');
console.log('hmac read', mac.read().toString('hex'));

const h = crypto.createHash('sha256');
fs.createReadStream(file, { highWaterMark: 4096 }).pipe(h).on('finish', () => {
  console.log('finish digest matches', h.digest('hex') === want);
  try {
    h.digest();
  } catch (e) {
    console.log('second digest', e.code);
  }
  const h2 = crypto.createHash('sha256');
  h2.setEncoding('base64');
  const out = [];
  h2.on('data', (d) => out.push(d));
  h2.on('end', () => {
    console.log('data', out.join('') === Buffer.from(want, 'hex').toString('base64'));
    fs.unlinkSync(file);
  });
  fs.createReadStream(file).pipe(h2);
});
