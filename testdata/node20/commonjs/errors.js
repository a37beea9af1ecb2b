// Errors: a missing module (code, require stack), a module that throws while loading (not
// cached: requiring it again runs it again), a bad argument, a JSON syntax error.
function attempt(what, fn) {
  try { fn(); console.log(what, 'no error'); } catch (e) {
    console.log(what, e.name, e.code, e.message.split('\n')[0]);
  }
}
attempt('missing', function () { require('./fixtures/nope'); });
attempt('missing bare', function () { require('./fixtures/deep/sub/nope.js'); });
attempt('throws', function () { require('./fixtures/throws'); });
attempt('throws again', function () { require('./fixtures/throws'); });
console.log('throwing module cached:', Object.keys(require.cache).some(function (k) { return /throws/.test(k); }));
attempt('number', function () { require(42); });
attempt('empty', function () { require(''); });
attempt('unknown node: name', function () { require('node:nonesuch'); });
try { require('./fixtures/nope'); } catch (e) {
  console.log('stack has this file', e.requireStack.length, e.requireStack[0] === __filename);
}
console.log('byte order marks stripped', require('./fixtures/bom.json').bom, require('./fixtures/bom.js'));
