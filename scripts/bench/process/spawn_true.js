// Runs createProcess("true") 200 times, one after the other, and prints the rate in runs/s.
var runs = 200;
var done = 0;
var start = Date.now();
function next() {
  node.createProcess("true").addListener("exit", function (code) {
    if (code !== 0) throw new Error("true exited " + code);
    if (++done == runs) {
      puts((runs / ((Date.now() - start) / 1000)).toFixed(1));
      return;
    }
    next();
  });
}
next();
