// require('timers') and require('timers/promises') (also as node: names).
const timers = require('timers');
const tp = require('timers/promises');
console.log(['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate']
  .map(function (k) { return k + ':' + typeof timers[k]; }).join(' '));
console.log(timers.setTimeout === setTimeout, timers.setImmediate === setImmediate, require('node:timers') === timers);
console.log(require('node:timers/promises') === tp, timers.promises === tp);
(async function () {
  console.log('setTimeout value', await tp.setTimeout(5, 'v'));
  console.log('setImmediate value', await tp.setImmediate('i'));
  await tp.scheduler.wait(1);
  await tp.scheduler.yield();
  console.log('scheduler ok');
  let n = 0;
  const it = tp.setInterval(2, 'tick');
  while (n < 3) {
    const r = await it.next();
    console.log('interval', r.value, r.done, ++n);
  }
  console.log('return', JSON.stringify(await it.return()));
  try { await tp.setTimeout(1, 'x', 'not options'); } catch (e) { console.log(e.name, e.code); }
  console.log('done');
})();
