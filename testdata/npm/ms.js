// The npm package ms 2.1.3 (pure JavaScript, installed by npm into scripts/interop/node_modules
// and found through NODE_PATH) loads with require and runs.
const ms = require('ms');
console.log(typeof ms, require.resolve('ms').split('node_modules/')[1]);
for (const s of ['2 days', '1d', '10h', '2.5 hrs', '2h', '1m', '5s', '1y', '100', '-3 days', '-1h', '-200']) {
  console.log(JSON.stringify(s), ms(s));
}
for (const n of [60000, 2 * 60000, -3 * 60000, ms('10 hours'), 1000, 123]) {
  console.log(n, ms(n), ms(n, { long: true }));
}
try { ms(); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(ms('not a duration'));
