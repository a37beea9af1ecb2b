// 100,000 setTimeout(fn, 0) callbacks; prints callbacks per second. Runs on earlynode and on
// Node.js alike.
var out = typeof puts === "function" ? puts : console.log;
var N = 100000;
var done = 0;
var start = Date.now();
function tick() {
  done++;
  if (done === N) out(Math.round(N / ((Date.now() - start) / 1000)));
}
for (var i = 0; i < N; i++) setTimeout(tick, 0);
