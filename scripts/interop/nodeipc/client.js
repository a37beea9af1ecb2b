// A node-ipc client for the interop tests. Usage: client.js MODE ADDRESS TEST [N] [CERT_DIR]
//   MODE   unix, raw (unix, rawBuffer, hex), tcp or tls (as server.js)
//   TEST   basic      values of every JSON type, a burst of N each way, broadcast
//          reconnect  asks the server to quit, then checks an echo once the test has
//                     restarted it and the client has reconnected by itself
//          raw        sends every byte value in rawBuffer mode and checks the echo
// It runs unchanged on Node.js with the real node-ipc 9.2.1 and on earlynode's built-in one.
var ipc = require('node-ipc');
var isEarlynode = typeof ARGV !== 'undefined';
var args = isEarlynode ? ARGV.slice(2) : process.argv.slice(2);
function exit(code) { if (isEarlynode) node.exit(code); else process.exit(code); }

var mode = args[0];
var address = args[1];
var test = args[2] || 'basic';
var n = parseInt(args[3] || '5000', 10);
var certs = args[4];
ipc.config.id = 'hello';
ipc.config.silent = true;
ipc.config.retry = 100;
if (mode === 'raw') {
  ipc.config.rawBuffer = true;
  ipc.config.encoding = 'hex';
}
if (mode === 'tls') {
  ipc.config.tls = {
    public: certs + '/client.pub',
    private: certs + '/client.key',
    trustedConnections: [certs + '/ca.pub'],
    rejectUnauthorized: true
  };
}

// What node-ipc makes of each value: data that is falsy but not false or 0 becomes {}.
var values = [
  { id: 'hello' }, null, true, false, 0, -1.5, 1e300, 123456789012, 'text', '',
  'unicode \u2603 \ud83d\ude00 nul \u0000 line \u2028 quote " backslash \\ form feed \f',
  [], [1, [2, [3]], 'x', null], {}, { a: { b: [1, 'x', null, true] }, 'key with space': 1 }, undefined
];
function normal(v) {
  return !v && v !== false && v !== 0 ? {} : v;
}

function fail(what) {
  console.log('FAIL ' + what);
  exit(1);
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function done() {
  console.log('done');
  ipc.disconnect('world');
  exit(0);
}

var connects = 0;
var echoes = [];
var backs = 0;
var raw = [];
var rawLength = 0;
var allBytes = [];
for (var b = 0; b < 256; b++) allBytes.push(b);

function start() {
  var world = ipc.of.world;
  world.on('error', function (err) { if (test !== 'reconnect') console.log('client error: ' + (err && err.message)); });
  world.on('disconnect', function () { console.log('disconnect'); });
  world.on('connect', function () {
    connects++;
    console.log('connect');
    if (test === 'reconnect') {
      if (connects === 1) world.emit('quit', {});
      else world.emit('message', 'after restart');
      return;
    }
    if (test === 'raw') {
      for (var r = 0; r < 4; r++) world.emit(Buffer.from(allBytes));
      return;
    }
    for (var i = 0; i < values.length; i++) world.emit('message', values[i]);
  });
  world.on('message', function (data) {
    if (test === 'reconnect') {
      if (data !== 'after restart') fail('echo after restart: ' + JSON.stringify(data));
      console.log('PASS reconnect');
      done();
      return;
    }
    echoes.push(data);
    if (echoes.length < values.length) return;
    for (var i = 0; i < values.length; i++) {
      if (!same(echoes[i], normal(values[i]))) fail('value ' + i + ': sent ' + JSON.stringify(values[i]) + ' got ' + JSON.stringify(echoes[i]));
    }
    console.log('PASS values');
    for (var j = 0; j < n; j++) world.emit('burst', { i: j, pad: 'yyyyyyyyyyyyyyyyyyyyyyyy' });
    world.emit('burst-end', { reply: n });
  });
  world.on('burst-count', function (b) {
    if (b.count !== n || !b.inOrder) fail('burst to server: ' + JSON.stringify(b));
    console.log('PASS burst to server ' + n);
  });
  world.on('back', function (m) {
    if (m.i !== backs) fail('burst from server out of order at ' + backs);
    backs++;
  });
  world.on('back-end', function (count) {
    if (backs !== count) fail('burst from server: ' + backs + ' of ' + count);
    console.log('PASS burst from server ' + count);
    world.emit('broadcast', { to: 'all' });
  });
  world.on('bc', function (m) {
    if (!same(m, { to: 'all' })) fail('broadcast ' + JSON.stringify(m));
    console.log('PASS broadcast');
    done();
  });
  world.on('data', function (buffer) {
    raw.push(buffer);
    rawLength += buffer.length;
    if (rawLength < 4 * 256) return;
    var all = Buffer.concat(raw);
    for (var i = 0; i < all.length; i++) {
      if (all[i] !== i % 256) fail('raw byte ' + i + ' is ' + all[i]);
    }
    console.log('PASS raw ' + all.length);
    done();
  });
}

if (mode === 'unix' || mode === 'raw') ipc.connectTo('world', address, start);
else ipc.connectToNet('world', '127.0.0.1', parseInt(address, 10), start);
