var start = new Date();
setTimeout(function () {
  puts("timeout fired after at least 50 ms: " + (new Date() - start >= 50));
}, 50);

var count = 0;
var intervalId = setInterval(function () {
  count += 1;
  puts("interval " + count);
  if (count == 3) clearInterval(intervalId);
}, 10);

var never = setTimeout(function () { puts("cleared timeout fired"); }, 20);
clearTimeout(never);
