// cp: files, links and directory trees (sync, callback, promise), and Node's refusals.
// Works in a temporary directory it removes.
const fs = require('fs');
const os = require('os');
const dir = fs.mkdtempSync(os.tmpdir() + '/earlynode-cp-');
const p = (n) => dir + '/' + n;
fs.mkdirSync(p('src/sub'), { recursive: true });
fs.writeFileSync(p('src/a'), 'a');
fs.writeFileSync(p('src/sub/b'), 'b', { mode: 0o640 });
fs.symlinkSync('a', p('src/link'));
const t = (l, f) => {
  try {
    const v = f();
    console.log(l, v === undefined ? v : String(v).split(dir).join('<dir>'));
  } catch (e) {
    console.log(l, 'throws', e.name, e.code, e.message.split(dir).join('<dir>'), e.syscall, e.errno,
      e.info ? JSON.stringify(e.info).split(dir).join('<dir>') : '');
  }
};
t('dir no recursive', () => fs.cpSync(p('src'), p('d1')));
t('recursive', () => {
  fs.cpSync(p('src'), p('d1'), { recursive: true });
  return JSON.stringify(fs.readdirSync(p('d1'), { recursive: true }).sort()) + ' ' + fs.readlinkSync(p('d1/link')) +
    ' ' + (fs.statSync(p('d1/sub/b')).mode & 0o777).toString(8) + ' ' + fs.readFileSync(p('d1/sub/b'), 'utf8');
});
t('verbatimSymlinks', () => { fs.cpSync(p('src/link'), p('l2'), { verbatimSymlinks: true }); return fs.readlinkSync(p('l2')); });
t('file', () => fs.cpSync(p('src/a'), p('f')));
t('file exists errorOnExist', () => fs.cpSync(p('src/a'), p('f'), { force: false, errorOnExist: true }));
t('file exists no force', () => fs.cpSync(p('src/a'), p('f'), { force: false }));
t('same', () => fs.cpSync(p('src'), p('src'), { recursive: true }));
t('into self', () => fs.cpSync(p('src'), p('src/sub/x'), { recursive: true }));
t('missing', () => fs.cpSync(p('nope'), p('x')));
t('dir to file', () => fs.cpSync(p('src'), p('f'), { recursive: true }));
t('file to dir', () => fs.cpSync(p('src/a'), p('d1')));
fs.cp(p('src'), p('d2'), { recursive: true }, (err) => {
  console.log('callback', err, fs.existsSync(p('d2/sub/b')));
  fs.promises.cp(p('src/a'), p('d2/a2')).then(() => {
    console.log('promise', fs.readFileSync(p('d2/a2'), 'utf8'));
    fs.rmSync(dir, { recursive: true });
  });
});
