// Strings written and read in every encoding Node names: writeFile, write, and a WriteStream,
// each read back as bytes and in the same encoding. Works on a temporary file it removes.
const fs = require('fs');
const os = require('os');
const f = os.tmpdir() + '/earlynode-enc-' + require('crypto').randomUUID();
const text = 'héllo_-+/ ✓';
for (const e of ['utf8', 'latin1', 'binary', 'ascii', 'ucs2', 'utf16le', 'base64url', 'base64', 'hex']) {
  fs.writeFileSync(f, text, e);
  console.log('writeFile', e, fs.readFileSync(f).toString('hex'), JSON.stringify(fs.readFileSync(f, e)));
}
fs.writeFileSync(f, '68656c6c6f', 'hex');
console.log('hex', fs.readFileSync(f, 'utf8'));
fs.writeFileSync(f, 'aGVsbG8gd29ybGQ=', { encoding: 'base64' });
console.log('base64', fs.readFileSync(f, 'utf8'));
const fd = fs.openSync(f, 'w+');
fs.writeSync(fd, 'é✓', 0, 'latin1');
fs.writeSync(fd, 'é', 2, 'utf16le');
console.log('write', fs.readFileSync(f).toString('hex'));
fs.closeSync(fd);
const ws = fs.createWriteStream(f);
ws.write('é', 'latin1');
ws.write('6869', 'hex');
ws.end('✓', 'utf16le', () => {
  console.log('stream', fs.readFileSync(f).toString('hex'));
  fs.unlinkSync(f);
});
