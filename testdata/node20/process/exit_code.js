// process.exitCode is the status when the loop drains; beforeExit runs first (and again when a
// listener gave the loop more work), then exit.
let rounds = 0;
process.on('beforeExit', function (code) {
  console.log('beforeExit', code, 'round', ++rounds);
  if (rounds < 3) setTimeout(function () { console.log('more work', rounds); }, 1);
});
process.on('exit', function (code) { console.log('exit', code); });
process.exitCode = 4;
console.log('body done');
