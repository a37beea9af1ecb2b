// Signals sent to this very process: a listener replaces the default exit (for SIGINT, SIGTERM,
// SIGHUP, SIGUSR2), gets the signal's name and number, and the program goes on.
const names = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGUSR2'];
let got = 0;
const keep = setInterval(function () {}, 1000);
names.forEach(function (name) {
  process.on(name, function (sig, num) {
    console.log('got', sig, num);
    if (++got === names.length) {
      clearInterval(keep);
      console.log('all signals heard, still running');
    } else {
      process.kill(process.pid, names[got]);
    }
  });
});
process.kill(process.pid, names[0]);
