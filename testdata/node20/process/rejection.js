// unhandledRejection listeners hear promises rejected with nobody to handle them; a rejection
// handled in time is not reported.
process.on('unhandledRejection', function (reason, promise) {
  console.log('unhandled', reason instanceof Error ? reason.message : reason, promise instanceof Promise);
});
Promise.reject(new Error('nobody catches this'));
Promise.reject(42);
const p = Promise.reject(new Error('caught later'));
p.catch(function (e) { console.log('handled', e.message); });
async function f() { throw new Error('async function'); }
f();
setTimeout(function () { console.log('still running'); }, 5);
