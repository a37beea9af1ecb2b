// The synchronous forms of fs: files, descriptors, Stats, directories, links and Node's
// errors (code, errno, syscall, path, message). Works in a temporary directory it removes.
const fs = require('fs');
const os = require('os');
const dir = fs.mkdtempSync(os.tmpdir() + '/earlynode-fs-');
const p = (name) => dir + '/' + name;
const show = (label, f) => {
  try {
    const v = f();
    console.log(label, Array.isArray(v) ? JSON.stringify(v) : v);
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.errno, e.syscall, e.path && e.path.replace(dir, '<dir>'),
      e.dest && e.dest.replace(dir, '<dir>'), e.message.split(dir).join('<dir>'));
  }
};
try {
  fs.writeFileSync(p('a.txt'), 'hello wörld\n');
  show('readFile utf8', () => fs.readFileSync(p('a.txt'), 'utf8'));
  show('readFile buffer', () => fs.readFileSync(p('a.txt')));
  show('readFile {encoding: hex}', () => fs.readFileSync(p('a.txt'), { encoding: 'hex' }));
  show('readFile base64', () => fs.readFileSync(p('a.txt'), 'base64'));
  fs.writeFileSync(p('bad.bin'), Buffer.from([0x61, 0xff, 0xfe, 0x62, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98]));
  show('readFile invalid utf8', () => JSON.stringify(fs.readFileSync(p('bad.bin'), 'utf8')));
  fs.writeFileSync(p('huge.bin'), '');
  fs.truncateSync(p('huge.bin'), 2 ** 31); // sparse: no disk space used
  show('readFile past 2 GiB', () => fs.readFileSync(p('huge.bin')));
  fs.unlinkSync(p('huge.bin'));
  show('readFile latin1', () => fs.readFileSync(p('a.txt'), 'latin1'));
  fs.appendFileSync(p('a.txt'), Buffer.from('more\n'));
  fs.appendFileSync(p('a.txt'), '6869', 'hex');
  show('after append', () => JSON.stringify(fs.readFileSync(p('a.txt'), 'utf8')));
  fs.writeFileSync(p('b.txt'), 'x', { flag: 'a' });
  fs.writeFileSync(p('b.txt'), 'y', { flag: 'a' });
  show('flag a', () => fs.readFileSync(p('b.txt'), 'utf8'));
  show('flag wx on existing', () => fs.writeFileSync(p('b.txt'), 'z', { flag: 'wx' }));
  fs.writeFileSync(p('m.txt'), '', { mode: 0o600 });
  show('mode', () => (fs.statSync(p('m.txt')).mode & 0o777).toString(8));

  const fd = fs.openSync(p('c.bin'), 'w+');
  show('fd type', () => typeof fd);
  show('writeSync buffer', () => fs.writeSync(fd, Buffer.from('abcdef'), 1, 4, 0));
  show('writeSync string', () => fs.writeSync(fd, 'XY', 10));
  const buf = Buffer.alloc(16);
  show('readSync', () => fs.readSync(fd, buf, 0, 16, 0));
  show('buf', () => buf);
  show('readSync opts', () => fs.readSync(fd, buf, { offset: 2, length: 3, position: 1 }));
  show('readSync bigint position', () => [fs.readSync(fd, buf, 0, 2, 1n), buf.toString('hex', 0, 2)]);
  show('readSync length past end', () => fs.readSync(fd, buf, 15, 2, 0));
  show('writeSync offset past end', () => fs.writeSync(fd, buf, 17, 0, 0));
  show('readSync position -2', () => fs.readSync(fd, buf, 0, 2, -2));
  show('readSync position string', () => fs.readSync(fd, buf, 0, 2, 'x'));
  show('readSync offset past end', () => fs.readSync(fd, buf, 17, 0, 0));
  show('readSync fd 1.5', () => fs.readSync(1.5, buf));
  show('fstat size', () => fs.fstatSync(fd).size);
  fs.closeSync(fd);
  show('close twice', () => fs.closeSync(fd));

  const st = fs.statSync(p('a.txt'));
  show('stat', () => [st.isFile(), st.isDirectory(), st.isSymbolicLink(), st.size, typeof st.mtimeMs,
    st.mtime instanceof Date, st.mtime.getTime() === Math.floor(st.mtimeMs) || Math.abs(st.mtime.getTime() - st.mtimeMs) < 1,
    st instanceof fs.Stats, Object.keys(st).join()]);
  show('stat dir', () => fs.statSync(dir).isDirectory());
  show('stat missing', () => fs.statSync(p('nope')));

  fs.mkdirSync(p('d1'));
  show('mkdir existing', () => fs.mkdirSync(p('d1')));
  show('mkdir recursive', () => fs.mkdirSync(p('d2/e/f'), { recursive: true }).replace(dir, '<dir>'));
  show('mkdir recursive again', () => fs.mkdirSync(p('d2/e/f'), { recursive: true }));
  show('mkdir under file', () => fs.mkdirSync(p('a.txt/x')));
  fs.writeFileSync(p('d2/e/g.txt'), 'g');
  show('readdir', () => fs.readdirSync(dir));
  show('readdir types', () => fs.readdirSync(dir, { withFileTypes: true })
    .map((d) => d.name + ':' + (d.isFile() ? 'f' : d.isDirectory() ? 'd' : '?') + ':' + (d.path === dir)));
  show('readdir recursive', () => fs.readdirSync(p('d2'), { recursive: true }));
  show('readdir missing', () => fs.readdirSync(p('nope')));
  show('readdir file', () => fs.readdirSync(p('a.txt')));

  fs.symlinkSync(p('a.txt'), p('link'));
  show('lstat link', () => fs.lstatSync(p('link')).isSymbolicLink());
  show('stat link', () => fs.statSync(p('link')).isFile());
  show('readlink', () => fs.readlinkSync(p('link')).replace(dir, '<dir>'));
  show('readlink file', () => fs.readlinkSync(p('a.txt')));
  show('symlink exists', () => fs.symlinkSync(p('a.txt'), p('link')));
  show('realpath', () => fs.realpathSync(p('link')) === fs.realpathSync(p('a.txt')));
  show('realpath missing', () => fs.realpathSync(p('nope/deeper')));

  fs.copyFileSync(p('a.txt'), p('copy.txt'));
  show('copyFile', () => fs.readFileSync(p('copy.txt'), 'utf8') === fs.readFileSync(p('a.txt'), 'utf8'));
  show('copyFile excl', () => fs.copyFileSync(p('a.txt'), p('copy.txt'), fs.constants.COPYFILE_EXCL));
  show('copyFile missing', () => fs.copyFileSync(p('nope'), p('x')));
  fs.renameSync(p('copy.txt'), p('renamed.txt'));
  show('rename', () => [fs.existsSync(p('copy.txt')), fs.existsSync(p('renamed.txt'))]);
  show('rename missing', () => fs.renameSync(p('nope'), p('nope2')));
  show('access', () => fs.accessSync(p('a.txt'), fs.constants.R_OK | fs.constants.W_OK));
  show('access missing', () => fs.accessSync(p('nope'), fs.F_OK));
  show('constants', () => [fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK, fs.constants.O_CREAT, fs.constants.S_IFMT]);
  show('exists', () => [fs.existsSync(dir), fs.existsSync(p('nope')), fs.existsSync(undefined)]);

  fs.unlinkSync(p('renamed.txt'));
  show('unlink missing', () => fs.unlinkSync(p('renamed.txt')));
  show('rmdir not empty', () => fs.rmdirSync(p('d2')));
  show('rm dir', () => fs.rmSync(p('d2')));
  show('rm recursive', () => fs.rmSync(p('d2'), { recursive: true }));
  show('rm missing', () => fs.rmSync(p('d2')));
  show('rm force', () => fs.rmSync(p('d2'), { force: true }));
  show('rmdir', () => fs.rmdirSync(p('d1')));
  show('truncate', () => { fs.truncateSync(p('a.txt'), 3); return fs.readFileSync(p('a.txt'), 'utf8'); });

  show('no path', () => fs.readFileSync());
  show('number path', () => fs.statSync(42));
  show('bad flag', () => fs.openSync(p('a.txt'), 'q'));
  show('bad encoding', () => fs.readFileSync(p('a.txt'), 'nope'));
  show('read dir', () => fs.readFileSync(dir));
  show('open missing', () => fs.openSync(p('nope/x')));
  show('bad data', () => fs.writeFileSync(p('x'), 42));
  show('no callback', () => fs.readFile(p('a.txt')));
  show('buffer path', () => fs.readFileSync(Buffer.from(p('a.txt')), 'utf8'));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log('removed', fs.existsSync(dir));
