// node-ipc benchmark client. Usage: nipc_client.js SOCKET_FILE oneway|roundtrip N
// Prints messages (or round trips) per second as its last line.
var ipc = require('node-ipc');
var isEarlynode = typeof ARGV !== 'undefined';
var args = isEarlynode ? ARGV.slice(2) : process.argv.slice(2);
function exit(code) { if (isEarlynode) node.exit(code); else process.exit(code); }
var mode = args[1];
var n = parseInt(args[2], 10);
ipc.config.id = 'client';
ipc.config.silent = true;
ipc.config.retry = 20;
var start;
var left = n;
var message = { text: 'hello world', n: 42, list: [1, 2, 3] };
ipc.connectTo('bench', args[0], function () {
  var server = ipc.of.bench;
  server.on('connect', function () {
    start = Date.now();
    if (mode === 'roundtrip') {
      server.emit('ping', message);
      return;
    }
    for (var i = 0; i < n; i++) server.emit('m', message);
    server.emit('done', {});
  });
  server.on('pong', function () {
    if (--left > 0) server.emit('ping', message);
    else finish();
  });
  server.on('done', function (count) {
    if (count < n) console.log('only ' + count + ' of ' + n + ' arrived');
    finish();
  });
});
function finish() {
  var ms = Date.now() - start;
  console.log(Math.round(n / (ms / 1000)));
  exit(0);
}
