// The peer of spawn_true.js for Node 20: child_process.exec("true") 200 times in sequence,
// printing the rate in runs/s.
const { exec } = require("child_process");
const runs = 200;
let done = 0;
const start = Date.now();
(function next() {
  exec("true", (err) => {
    if (err) throw err;
    if (++done === runs) {
      console.log((runs / ((Date.now() - start) / 1000)).toFixed(1));
      return;
    }
    next();
  });
})();
