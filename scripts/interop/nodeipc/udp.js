// A node-ipc UDP peer for the interop tests. Usage: udp.js ROLE PORT PEER_PORT [raw]
//   echo   answers every 'message' to the address it came from (and every raw datagram)
//   send   sends values of every JSON type to the peer and checks the answers
// It runs unchanged on Node.js with the real node-ipc 9.2.1 and on earlynode's built-in one.
var ipc = require('node-ipc');
var isEarlynode = typeof ARGV !== 'undefined';
var args = isEarlynode ? ARGV.slice(2) : process.argv.slice(2);
function exit(code) { if (isEarlynode) node.exit(code); else process.exit(code); }

var role = args[0];
var port = parseInt(args[1], 10);
var peer = { address: '127.0.0.1', port: parseInt(args[2], 10) };
var raw = args[3] === 'raw';
ipc.config.id = role;
ipc.config.silent = true;
if (raw) {
  ipc.config.rawBuffer = true;
  ipc.config.encoding = 'utf8';
}

var values = [null, true, false, 0, -1.5, 'text', 'unicode \u2603', [1, [2]], { a: { b: [1, 'x', null] } }];
function normal(v) {
  return !v && v !== false && v !== 0 ? {} : v;
}
function fail(what) {
  console.log('FAIL ' + what);
  exit(1);
}

ipc.serveNet('127.0.0.1', port, 'udp4', function (info) {
  console.log('listening ' + info.port);
  if (role === 'echo') {
    ipc.server.on('message', function (data, rinfo) {
      ipc.server.emit({ address: rinfo.address, port: rinfo.port }, 'message', data);
    });
    ipc.server.on('data', function (buffer, rinfo) {
      ipc.server.emit({ address: rinfo.address, port: rinfo.port }, buffer.toString());
    });
    return;
  }
  var got = [];
  ipc.server.on('message', function (data) {
    got.push(data);
    if (got.length < values.length) return;
    for (var i = 0; i < values.length; i++) {
      if (JSON.stringify(got[i]) !== JSON.stringify(normal(values[i]))) fail('value ' + i + ' got ' + JSON.stringify(got[i]));
    }
    console.log('PASS udp values');
    exit(0);
  });
  ipc.server.on('data', function (buffer) {
    if (buffer.toString() !== 'raw datagram \u2603') fail('raw datagram ' + buffer.toString());
    console.log('PASS udp raw');
    exit(0);
  });
  var i = 0;
  function next() {
    if (raw) {
      ipc.server.emit(peer, 'raw datagram \u2603');
      return;
    }
    ipc.server.emit(peer, 'message', values[i++]);
    if (i < values.length) setTimeout(next, 5);
  }
  setTimeout(next, 20);
});
ipc.server.start();
