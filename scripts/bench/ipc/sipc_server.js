// socket-ipc benchmark server: answers 'ping' with 'pong' and 'done' with 'done'; counts the
// rest. Usage: sipc_server.js SOCKET_FILE. Runs on earlynode and on Node.js (real package).
var ipc = require('@crussell52/socket-ipc');
var args = typeof ARGV !== 'undefined' ? ARGV.slice(2) : process.argv.slice(2);
var server = new ipc.Server({ socketFile: args[0] });
var count = 0;
server.on('message', function (message, topic, id) {
  if (topic === 'ping') server.send('pong', message, id);
  else if (topic === 'done') server.send('done', count, id);
  else count++;
});
server.on('listening', function () { console.log('listening'); });
server.listen();
