// A socket-ipc client for the interop tests. Usage: client.js SOCKET_FILE MODE [N]
//   basic      values of every JSON type, topics, a burst of N each way, broadcast; then close
//   reconnect  asks the server to quit, waits for 'disconnect', then for 'connect' and
//              'reconnect' once the test has started a new server, and checks an echo
// It runs unchanged on Node.js with the real package and on earlynode with the built-in one.
var ipc = require('@crussell52/socket-ipc');
var isEarlynode = typeof ARGV !== 'undefined';
var args = isEarlynode ? ARGV.slice(2) : process.argv.slice(2);
function exit(code) { if (isEarlynode) node.exit(code); else process.exit(code); }

var values = [
  null, true, false, 0, -1.5, 1e300, 123456789012, 'text', '',
  'unicode \u2603 \ud83d\ude00 nul \u0000 line \u2028 quote " backslash \\ form feed \f',
  [], [1, [2, [3]], 'x', null], {}, { a: { b: [1, 'x', null, true] }, 'key with space': 1 }, undefined
];
var topics = ['t.plain', 't.with.dots', 't.unicode \u2603', 't.'];

var socketFile = args[0];
var mode = args[1] || 'basic';
var n = parseInt(args[2] || '5000', 10);
var client = new ipc.Client({ socketFile: socketFile, retryDelay: 50, reconnectDelay: 50 });

function fail(what) {
  console.log('FAIL ' + what);
  exit(1);
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

var step = 0;
var echoes = [];
var topicReplies = [];
var backs = 0;
client.on('error', function (err) { console.log('client error: ' + err.message); });
client.on('connectError', function () {});
client.on('disconnect', function () { console.log('disconnect'); });
client.on('reconnect', function () {
  console.log('reconnect');
  client.send('echo', 'after restart');
});
client.once('connect', function () {
  console.log('connect');
  if (mode === 'reconnect') {
    client.send('quit');
    return;
  }
  for (var i = 0; i < values.length; i++) client.send('echo', values[i]);
});
client.on('message.welcome', function (id) {
  if (typeof id !== 'string' || id.length !== 36) fail('welcome id ' + id);
});
client.on('message.echo', function (message) {
  if (mode === 'reconnect') {
    if (message !== 'after restart') fail('echo after restart: ' + message);
    console.log('PASS reconnect');
    client.close();
    return;
  }
  echoes.push(message);
  if (echoes.length < values.length) return;
  for (var i = 0; i < values.length; i++) {
    if (!same(echoes[i], values[i])) fail('value ' + i + ': sent ' + JSON.stringify(values[i]) + ' got ' + JSON.stringify(echoes[i]));
  }
  console.log('PASS values');
  for (var j = 0; j < topics.length; j++) client.send(topics[j], 'x');
});
client.on('message.echo-topic', function (topic) {
  topicReplies.push(topic);
  if (topicReplies.length < topics.length) return;
  if (!same(topicReplies, topics)) fail('topics ' + JSON.stringify(topicReplies));
  console.log('PASS topics');
  for (var i = 0; i < n; i++) client.send('burst', { i: i, pad: 'yyyyyyyyyyyyyyyyyyyyyyyy' });
  client.send('burst-end', { reply: n });
});
client.on('message.burst-count', function (b) {
  if (b.count !== n || !b.inOrder) fail('burst to server: ' + JSON.stringify(b));
  console.log('PASS burst to server ' + n);
});
client.on('message.back', function (m) {
  if (m.i !== backs) fail('burst from server out of order at ' + backs);
  backs++;
});
client.on('message.back-end', function (count) {
  if (backs !== count) fail('burst from server: ' + backs + ' of ' + count);
  console.log('PASS burst from server ' + count);
  client.send('broadcast', { to: 'all' });
});
client.on('message.bc', function (m) {
  if (!same(m, { to: 'all' })) fail('broadcast ' + JSON.stringify(m));
  console.log('PASS broadcast');
  client.close();
});
client.on('close', function () {
  console.log('close');
  exit(0);
});
client.connect();
