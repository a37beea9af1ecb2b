// @crussell52/socket-ipc API page, Client 'reconnect': "client.once('connect', ...) // Only
// respond to the first connect event; client.on('reconnect', ...) // But respond to every
// reconnect event", with a server that is restarted twice under the client.
var ipc = require('@crussell52/socket-ipc');
var socketFile = ARGV[2] + '/reconnect.sock';
var client = new ipc.Client({socketFile: socketFile, retryDelay: 20, reconnectDelay: 20});
var server;
var restarts = 0;

function listen() {
  server = new ipc.Server({socketFile: socketFile});
  server.on('connection', function (id) {
    server.send('generation', restarts, id);
  });
  server.on('close', function () {
    if (restarts < 2) {
      restarts++;
      listen();
    }
  });
  server.listen();
}

client.once('connect', function () { puts('first connect'); });  // Only respond to the first connect event
client.on('reconnect', function () { puts('reconnect'); });       // But respond to every reconnect event
client.on('disconnect', function () { puts('disconnect'); });
client.on('message.generation', function (n) {
  puts('server generation ' + n);
  if (n < 2) server.close();
  else client.close();
});
client.on('close', function () {
  puts('client closed');
  server.close();
});
listen();
client.connect();
