// nextTick: callbacks run after the current code, in order, with their arguments, before timers.
setTimeout(function () { console.log('timeout'); }, 0);
process.nextTick(function (a, b) { console.log('tick 1', a, b); }, 'x', 'y');
process.nextTick(function () {
  console.log('tick 2');
  process.nextTick(function () { console.log('tick 4 (queued by tick 2)'); });
});
process.nextTick(function () { console.log('tick 3'); });
console.log('sync');
try { process.nextTick(42); } catch (e) { console.log(e.name, e.code); }
