// A node-ipc server for the interop tests: echoes, counts bursts, broadcasts on request, echoes
// raw bytes, and exits when asked to (so a test can restart it).
// Usage: server.js MODE ADDRESS [CERT_DIR]; MODE is unix, raw (unix, rawBuffer, hex), tcp or tls.
// It runs unchanged on Node.js with the real node-ipc 9.2.1 and on earlynode's built-in one.
var ipc = require('node-ipc');
var isEarlynode = typeof ARGV !== 'undefined';
var args = isEarlynode ? ARGV.slice(2) : process.argv.slice(2);
function exit(code) { if (isEarlynode) node.exit(code); else process.exit(code); }

var mode = args[0];
var address = args[1];
var certs = args[2];
ipc.config.id = 'world';
ipc.config.silent = true;
ipc.config.retry = 100;
if (mode === 'raw') {
  ipc.config.rawBuffer = true;
  ipc.config.encoding = 'hex';
}
if (mode === 'tls') {
  ipc.config.tls = {
    public: certs + '/server.pub',
    private: certs + '/server.key',
    trustedConnections: [certs + '/ca.pub'],
    requestCert: true,
    rejectUnauthorized: true
  };
}

var bursts = [];
function burstOf(socket) {
  for (var i = 0; i < bursts.length; i++) if (bursts[i].socket === socket) return bursts[i];
  var b = { socket: socket, count: 0, inOrder: true };
  bursts.push(b);
  return b;
}

function setup() {
  console.log('listening');
  ipc.server.on('connect', function () { console.log('connect'); });
  ipc.server.on('error', function (err) { console.log('server error: ' + (err && err.message)); });
  ipc.server.on('socket.disconnected', function (socket, id) { console.log('socket.disconnected ' + id); });
  ipc.server.on('message', function (data, socket) { ipc.server.emit(socket, 'message', data); });
  ipc.server.on('burst', function (data, socket) {
    var b = burstOf(socket);
    if (data.i !== b.count) b.inOrder = false;
    b.count++;
  });
  ipc.server.on('burst-end', function (data, socket) {
    var b = burstOf(socket);
    ipc.server.emit(socket, 'burst-count', { count: b.count, inOrder: b.inOrder });
    for (var i = 0; i < data.reply; i++) ipc.server.emit(socket, 'back', { i: i, pad: 'xxxxxxxxxxxxxxxx' });
    ipc.server.emit(socket, 'back-end', data.reply);
  });
  ipc.server.on('broadcast', function (data) { ipc.server.broadcast('bc', data); });
  ipc.server.on('quit', function () {
    console.log('quitting');
    exit(0);
  });
  ipc.server.on('data', function (buffer, socket) { ipc.server.emit(socket, buffer); });
}

if (mode === 'unix' || mode === 'raw') ipc.serve(address, setup);
else ipc.serveNet('127.0.0.1', parseInt(address, 10), setup);
ipc.server.start();
