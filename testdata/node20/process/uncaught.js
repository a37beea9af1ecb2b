// An uncaughtException listener takes errors thrown from callbacks; the program goes on.
let n = 0;
process.on('uncaughtException', function (err, origin) {
  console.log('caught', err.message, origin, ++n);
});
setTimeout(function () { throw new Error('from a timer'); }, 1);
setTimeout(function () { console.log('later timer still runs'); }, 5);
process.nextTick(function () { throw new Error('from nextTick'); });
throw new Error('from the main body');
