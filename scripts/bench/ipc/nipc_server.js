// node-ipc benchmark server: answers 'ping' with 'pong' and 'done' with 'done'; counts
// 'm'. Usage: nipc_server.js SOCKET_FILE. Runs on earlynode and on Node.js (real package).
var ipc = require('node-ipc');
var args = typeof ARGV !== 'undefined' ? ARGV.slice(2) : process.argv.slice(2);
ipc.config.id = 'bench';
ipc.config.silent = true;
var count = 0;
ipc.serve(args[0], function () {
  console.log('listening');
  ipc.server.on('m', function () { count++; });
  ipc.server.on('ping', function (data, socket) { ipc.server.emit(socket, 'pong', data); });
  ipc.server.on('done', function (data, socket) { ipc.server.emit(socket, 'done', count); });
});
ipc.server.start();
