// process.exit(code): 'exit' listeners run once with the code, nothing after exit runs, and
// the status is the code (a listener may change process.exitCode).
process.on('exit', function (code) {
  console.log('exit listener', code, process.exitCode);
  process.exitCode = 7;
});
process.on('beforeExit', function () { console.log('beforeExit must not run after process.exit'); });
setTimeout(function () {
  console.log('before exit');
  process.exit(5);
  console.log('not reached');
}, 1);
setTimeout(function () { console.log('not reached either'); }, 50);
