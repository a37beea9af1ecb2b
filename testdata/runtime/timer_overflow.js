// A delay past 2^31 - 1 ms does not fit a 32-bit signed integer: as Node, the timer fires after
// 1 ms and a warning goes to stderr (it neither waits for ever nor overflows to "at once").
var order = [];
setTimeout(function () { order.push("2^31"); }, Math.pow(2, 31));
setTimeout(function () { order.push("2^53"); }, Math.pow(2, 53));
setTimeout(function () { order.push("2^31 - 1 would wait 24 days"); }, Math.pow(2, 31) - 1).unref();
setTimeout(function () {
  puts(order.join(", "));
}, 20);
