// utimes/futimes (numbers, Dates, numeric strings), chmod with an octal string, fchmod, chown
// and their errors. Works on a temporary file it removes.
const fs = require('fs');
const f = require('os').tmpdir() + '/earlynode-ut-' + require('crypto').randomUUID();
fs.writeFileSync(f, 'x');
fs.utimesSync(f, 1000, new Date(2000000));
let st = fs.statSync(f);
console.log(st.atimeMs, st.mtimeMs);
fs.utimesSync(f, '1500.5', 12.25);
st = fs.statSync(f);
console.log(st.atimeMs, st.mtimeMs);
fs.chmodSync(f, '600'); console.log((fs.statSync(f).mode & 0o777).toString(8));
const fd = fs.openSync(f, 'r'); fs.fchmodSync(fd, 0o640); fs.futimesSync(fd, 5, 6); console.log((fs.fstatSync(fd).mode & 0o777).toString(8), fs.fstatSync(fd).mtimeMs); fs.closeSync(fd);
fs.chownSync(f, 0, 0);
try { fs.utimesSync(f + 'nope', 1, 1); } catch (e) { console.log(e.message.replace(f, 'F')); }
try { fs.utimesSync(f, {}, 1); } catch (e) { console.log(e.code, e.message); }
console.log(typeof fs.realpathSync.native, typeof fs.promises.utimes, typeof fs.promises.chown);
fs.unlinkSync(f);
