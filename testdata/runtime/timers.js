var order = [];
setTimeout(function () { order.push("a"); }, 0);
setTimeout(function () { order.push("b"); }, 0);
setTimeout(function () { order.push("c"); }, 0);
var t = setTimeout(function () { order.push("cleared"); }, 0);
clearTimeout(t);
setTimeout(function (x, y) { order.push("args " + x + y); }, 1, "x", "y");

var n = 0;
var iv = setInterval(function () {
  n++;
  if (this !== iv) order.push("wrong this");
  if (n === 3) {
    clearInterval(this);
    order.push("interval stopped at " + n);
    report();
  }
}, 2);

// Reported once the interval has stopped (not after a fixed delay, which a busy machine can
// outlast): the earlier deadlines have all fired by then.
function report() {
  puts(order.join(","));
  puts("timer object: " + typeof iv);
}

var unrefd = setTimeout(function () { puts("an unref'd timer does not keep the process alive"); }, 100000);
unrefd.unref();
clearTimeout(undefined);
clearTimeout(12345);
