// require("buffer"): the module beside Buffer: constants, atob/btoa, isUtf8/isAscii, SlowBuffer.
const b = Buffer.from('héllo');
console.log(b.toString('utf16le').length, Buffer.from('abc').toString('ascii'));
const { Buffer: B2 } = require('buffer');
console.log(B2 === Buffer, require('buffer').constants.MAX_LENGTH);
console.log(require('buffer').atob('aGVsbG8='), require('buffer').btoa('hello'), require('buffer').isUtf8(Buffer.from([0xff])), require('buffer').isAscii(Buffer.from('a')));
try { require('buffer').atob('a'); } catch (e) { console.log(e.name, e.message); }
try { require('buffer').btoa('€'); } catch (e) { console.log(e.name, e.message); }
console.log(typeof require('buffer').SlowBuffer, require('buffer').SlowBuffer(3).length, require('buffer').INSPECT_MAX_BYTES);
for (const s of ['aGk', ' aG k= ', 'aGk==', 'aG=k', '=', '', 'YQ', 'Y', 'a-_b', '\u00ff', 'aGVsbG8=\n']) {
  try { console.log(JSON.stringify(s), JSON.stringify(require('buffer').atob(s))); } catch (e) { console.log(JSON.stringify(s), e.name); }
}
console.log(require('buffer').btoa('\u00ff\u0000a'), require('buffer').btoa(123), require('buffer').btoa(''));
const { transcode } = require('buffer');
const tc = (...a) => { try { console.log(transcode(...a)); } catch (e) { console.log(e.name, e.code, e.message); } };
tc(Buffer.from('h€é'), 'utf8', 'ascii'); tc(Buffer.from('h€é'), 'utf8', 'latin1'); tc(Buffer.from('h€é'), 'utf8', 'ucs2');
tc(Buffer.from('hé', 'latin1'), 'latin1', 'utf8'); tc(Buffer.from('hi'), 'utf8', 'hex'); tc('x', 'utf8', 'ascii'); tc(Buffer.from('a😀'), 'utf8', 'latin1');
tc(Buffer.from([0xff]), 'utf8', 'utf16le'); tc(Buffer.from('ab', 'ucs2'), 'ucs2', 'utf8'); tc(Buffer.from('a'), 'binary', 'UTF-8'); tc(Buffer.alloc(0), 'utf8', 'ascii');
