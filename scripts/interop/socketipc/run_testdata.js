// Runs an earlynode testdata script on Node.js with the real packages (NODE_PATH), giving it
// what earlynode gives: puts, p, ARGV and node.exit. Usage: run_testdata.js SCRIPT [ARGS...]
global.puts = function (s) { console.log(String(s)); };
global.p = function (v) { console.log(JSON.stringify(v)); };
global.ARGV = ['node'].concat(process.argv.slice(2));
global.node = { exit: function (c) { process.exit(c); } };
require(require('path').resolve(process.argv[2]));
