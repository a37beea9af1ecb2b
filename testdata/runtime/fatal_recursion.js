// Runaway recursion ends the program with Node's RangeError (a fatal report, exit 1) at about
// Node's depth, instead of growing until the machine runs out of memory. A deep but bounded
// recursion still runs.
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
puts("9000 deep: " + depth(9000));
function runaway() { runaway(); }
runaway();
