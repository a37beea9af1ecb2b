// setImmediate/clearImmediate and queueMicrotask: order relative to synchronous code,
// microtasks and each other; arguments; cancellation; errors for bad callbacks.
const order = [];
setImmediate(function (a, b) { order.push('immediate 1 ' + a + b); }, 'x', 'y');
const cancelled = setImmediate(function () { order.push('cancelled immediate ran'); });
clearImmediate(cancelled);
setImmediate(function () {
  order.push('immediate 2');
  setImmediate(function () {
    order.push('immediate 3 (queued by 2)');
    console.log(order.join('\n'));
  });
  queueMicrotask(function () { order.push('microtask from immediate 2'); });
});
queueMicrotask(function () { order.push('microtask 1'); });
Promise.resolve().then(function () { order.push('promise'); });
queueMicrotask(function () { order.push('microtask 2'); });
order.push('sync');
console.log('immediate object', typeof cancelled, typeof cancelled.ref, typeof cancelled.unref, cancelled.hasRef());
clearImmediate(undefined);
clearImmediate(null);
for (const bad of [undefined, 42, 'f']) {
  try { setImmediate(bad); } catch (e) { console.log('setImmediate', e.name, e.code); }
  try { queueMicrotask(bad); } catch (e) { console.log('queueMicrotask', e.name, e.code); }
}
