// socket-ipc benchmark client. Usage: sipc_client.js SOCKET_FILE oneway|roundtrip N
// Prints messages (or round trips) per second as its last line.
var ipc = require('@crussell52/socket-ipc');
var isEarlynode = typeof ARGV !== 'undefined';
var args = isEarlynode ? ARGV.slice(2) : process.argv.slice(2);
function exit(code) { if (isEarlynode) node.exit(code); else process.exit(code); }
var mode = args[1];
var n = parseInt(args[2], 10);
var client = new ipc.Client({ socketFile: args[0], retryDelay: 20 });
var start;
var left = n;
var message = { text: 'hello world', n: 42, list: [1, 2, 3] };
client.on('connect', function () {
  start = Date.now();
  if (mode === 'roundtrip') {
    client.send('ping', message);
    return;
  }
  for (var i = 0; i < n; i++) client.send('m', message);
  client.send('done');
});
client.on('message', function (m, topic) {
  if (topic === 'pong') {
    if (--left > 0) client.send('ping', message);
    else finish(n);
  } else if (topic === 'done') {
    if (m < n) console.log('only ' + m + ' of ' + n + ' arrived');
    finish(n);
  }
});
function finish(count) {
  var ms = Date.now() - start;
  console.log(Math.round(count / (ms / 1000)));
  exit(0);
}
client.connect();
