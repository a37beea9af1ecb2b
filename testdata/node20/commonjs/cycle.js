// Cycles as Node handles them: the second module sees the first's partial exports.
const a = require('./fixtures/cycle_a');
const b = require('./fixtures/cycle_b');
console.log('a', JSON.stringify(a));
console.log('b', JSON.stringify(b));
