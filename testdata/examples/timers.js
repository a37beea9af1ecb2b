// Timers: a timeout, an interval cleared after three runs, and a timeout cleared before it
// fires. The timeout's line is printed once the interval is done too, so that the output does
// not depend on how late a busy machine runs the timers.
var start = new Date();
var timeoutLine = null, intervalDone = false;
function report () {
  if (timeoutLine !== null && intervalDone) puts(timeoutLine);
}
setTimeout(function () {
  timeoutLine = "timeout fired after at least 50 ms: " + (new Date() - start >= 50);
  report();
}, 50);

var count = 0;
var intervalId = setInterval(function () {
  count += 1;
  puts("interval " + count);
  if (count == 3) {
    clearInterval(intervalId);
    intervalDone = true;
    report();
  }
}, 10);

var never = setTimeout(function () { puts("cleared timeout fired"); }, 20);
clearTimeout(never);
