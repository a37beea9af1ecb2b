// opendir: Dir's read (sync, callback, promise), its async iterator, close and the errors of a
// closed Dir or a missing directory. Names are sorted (the order of entries is the system's).
const fs = require('fs');
const os = require('os');
const dir = fs.mkdtempSync(os.tmpdir() + '/earlynode-od-');
for (const n of ['b.txt', 'a.txt', 'c']) {
  if (n === 'c') fs.mkdirSync(dir + '/' + n);
  else fs.writeFileSync(dir + '/' + n, n);
}
const d = fs.opendirSync(dir);
console.log('keys', JSON.stringify(Object.keys(d)), d.path === dir, d instanceof fs.Dir);
const names = [];
let e;
while ((e = d.readSync()) !== null) names.push(e.name + (e.isDirectory() ? '/' : ''));
console.log('readSync', JSON.stringify(names.sort()));
d.closeSync();
try { d.closeSync(); } catch (err) { console.log('close twice', err.code, err.message); }
try { d.readSync(); } catch (err) { console.log('read closed', err.code); }
fs.opendir(dir, (err, d2) => {
  d2.read((err, entry) => {
    console.log('callback read', err, typeof entry.name);
    d2.close(async (err) => {
      console.log('callback close', err);
      const d3 = await fs.promises.opendir(dir);
      const it = d3[Symbol.asyncIterator]();
      const seen = [];
      for (let r = await it.next(); !r.done; r = await it.next()) seen.push(r.value.name);
      console.log('async iterator', JSON.stringify(seen.sort()));
      try { d3.closeSync(); } catch (err) { console.log('closed by iterator', err.code); }
      fs.opendir(dir + '/nope', (err) => {
        console.log('missing', err.code, err.syscall, err.message.split(dir).join('<dir>'));
        fs.rmSync(dir, { recursive: true });
      });
    });
  });
});
