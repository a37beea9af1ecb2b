// A socket-ipc server for the interop tests: echoes, counts bursts, broadcasts on request, and
// exits when asked to (so a test can restart it). Usage: server.js SOCKET_FILE
// It runs unchanged on Node.js with the real package and on earlynode with the built-in one.
var ipc = require('@crussell52/socket-ipc');
var isEarlynode = typeof ARGV !== 'undefined';
var args = isEarlynode ? ARGV.slice(2) : process.argv.slice(2);
function exit(code) { if (isEarlynode) node.exit(code); else process.exit(code); }

var socketFile = args[0];
var server = new ipc.Server({ socketFile: socketFile });
var burst = {};
server.on('listening', function () { console.log('listening'); });
server.on('error', function (err) { console.log('server error: ' + err.message); });
server.on('connection', function (id) { console.log('connection'); server.send('welcome', id, id); });
server.on('message.echo', function (message, id) { server.send('echo', message, id); });
server.on('message.topic', function (message, id) { server.send('topic', message, id); });
server.on('message', function (message, topic, id) {
  if (topic !== 'echo' && topic !== 'topic' && topic !== 'burst' && topic.indexOf('t.') === 0) {
    server.send('echo-topic', topic, id);
  }
});
server.on('message.burst', function (message, id) {
  var b = burst[id] || (burst[id] = { count: 0, inOrder: true });
  if (message.i !== b.count) b.inOrder = false;
  b.count++;
});
server.on('message.burst-end', function (message, id) {
  var b = burst[id] || { count: 0, inOrder: true };
  server.send('burst-count', b, id);
  for (var i = 0; i < message.reply; i++) server.send('back', { i: i, pad: 'xxxxxxxxxxxxxxxx' }, id);
  server.send('back-end', message.reply, id);
});
server.on('message.broadcast', function (message) { server.broadcast('bc', message); });
server.on('message.quit', function () {
  console.log('quitting');
  server.close();
});
server.on('close', function () {
  console.log('closed');
  exit(0);
});
server.listen();
