// The callback and fs.promises forms of fs, in order: each step starts when the last has
// called back. Works in a temporary directory it removes.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const dir = fs.mkdtempSync(os.tmpdir() + '/earlynode-fsa-');
const p = (name) => dir + '/' + name;
const clean = (s) => typeof s === 'string' ? s.split(dir).join('<dir>') : s;
const errLine = (e) => [e.code, e.errno, e.syscall, clean(e.path), clean(e.message)].join(' | ');

function callbacks(done) {
  fs.writeFile(p('a.txt'), 'hello', (err) => {
    console.log('writeFile', err);
    fs.appendFile(p('a.txt'), ' world', 'utf8', (err) => {
      console.log('appendFile', err);
      fs.readFile(p('a.txt'), 'utf8', (err, data) => {
        console.log('readFile', err, data);
        fs.readFile(p('nope'), (err, data) => {
          console.log('readFile missing', errLine(err), data);
          fs.stat(p('a.txt'), (err, st) => {
            console.log('stat', err, st.size, st.isFile());
            fs.open(p('a.txt'), 'r', (err, fd) => {
              console.log('open', err, typeof fd);
              const buf = Buffer.alloc(5);
              fs.read(fd, buf, 0, 5, 6, (err, n, b) => {
                console.log('read', err, n, b === buf, b.toString());
                fs.write(fd, 'x', (err) => {
                  console.log('write to read-only', errLine(err));
                  fs.close(fd, (err) => {
                    console.log('close', err);
                    fs.readdir(dir, (err, names) => {
                      console.log('readdir', err, JSON.stringify(names));
                      fs.mkdir(p('x/y'), { recursive: true }, (err, first) => {
                        console.log('mkdir', err, clean(first));
                        fs.exists(p('x/y'), (yes) => {
                          console.log('exists', yes);
                          fs.access(p('nope'), (err) => {
                            console.log('access', errLine(err));
                            fs.rm(p('x'), { recursive: true }, (err) => {
                              console.log('rm', err);
                              done();
                            });
                          });
                        });
                      });
                    });
                  });
                });
              });
            });
          });
        });
      });
    });
  });
}

async function promises() {
  await fsp.writeFile(p('b.txt'), Buffer.from([1, 2, 3]));
  await fsp.appendFile(p('b.txt'), Buffer.from([4]));
  console.log('promises readFile', await fsp.readFile(p('b.txt')));
  console.log('promises readFile hex', await fsp.readFile(p('b.txt'), { encoding: 'hex' }));
  console.log('same object', fsp === fs.promises);
  const st = await fsp.stat(p('b.txt'));
  console.log('promises stat', st.size, st.isDirectory());
  await fsp.mkdir(p('d'));
  await fsp.rename(p('b.txt'), p('d/c.txt'));
  console.log('promises readdir', JSON.stringify((await fsp.readdir(p('d'), { withFileTypes: true })).map((d) => d.name + d.isFile())));
  await fsp.copyFile(p('d/c.txt'), p('d/e.txt'));
  await fsp.symlink(p('d/e.txt'), p('d/l'));
  console.log('promises readlink', clean(await fsp.readlink(p('d/l'))));
  console.log('promises realpath', clean(await fsp.realpath(p('d/l'))));
  await fsp.unlink(p('d/l'));
  try {
    await fsp.readFile(p('nope'));
  } catch (e) {
    console.log('promises missing', errLine(e), e instanceof Error);
  }
  try {
    await fsp.readFile();
  } catch (e) {
    console.log('promises bad arg', e.code);
  }
  const fh = await fsp.open(p('d/c.txt'), 'r+');
  console.log('handle fd', typeof fh.fd);
  const r = await fh.read(Buffer.alloc(4), 0, 4, 0);
  console.log('handle read', r.bytesRead, r.buffer);
  const w = await fh.write(Buffer.from('zz'), 0, 2, 0);
  console.log('handle write', w.bytesWritten);
  console.log('handle readFile', await fh.readFile());
  console.log('handle stat', (await fh.stat()).size);
  await fh.close();
  await fsp.rm(p('d'), { recursive: true });
  console.log('promises access', await fsp.access(dir, fs.constants.W_OK));
}

callbacks(() => {
  promises().then(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    console.log('removed', fs.existsSync(dir));
  }, (e) => {
    console.log('failed', e);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
