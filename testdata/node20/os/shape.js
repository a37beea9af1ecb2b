// os: the deterministic answers (platform, EOL, constants) and the shape of the others.
const os = require('os');
const show = (label, v) => console.log(label, Array.isArray(v) ? JSON.stringify(v) : v);
show('platform', os.platform());
show('type', os.type());
show('arch', os.arch());
show('endianness', os.endianness());
show('EOL', JSON.stringify(os.EOL));
show('devNull', os.devNull);
show('node: name', require('node:os') === os);
show('strings', ['hostname', 'tmpdir', 'homedir', 'release', 'version', 'machine'].map((f) => f + ':' + typeof os[f]() + ':' + (os[f]().length > 0)));
show('numbers', ['totalmem', 'freemem', 'uptime', 'availableParallelism'].map((f) => f + ':' + typeof os[f]() + ':' + (os[f]() > 0)));
show('freemem <= totalmem', os.freemem() <= os.totalmem());
show('tmpdir no trailing slash', !os.tmpdir().endsWith('/'));
const cpus = os.cpus();
show('cpus', [Array.isArray(cpus), cpus.length === os.availableParallelism() || cpus.length > 0,
  Object.keys(cpus[0]).join(), Object.keys(cpus[0].times).join(), typeof cpus[0].model, typeof cpus[0].speed]);
const load = os.loadavg();
show('loadavg', [load.length, load.every((x) => typeof x === 'number' && x >= 0)]);
const nets = os.networkInterfaces();
const lo = nets.lo || [];
show('networkInterfaces lo', JSON.stringify(lo.find((a) => a.family === 'IPv4')));
show('networkInterfaces keys', Object.values(nets).every((list) => list.every((a) =>
  ['address', 'netmask', 'family', 'mac', 'internal', 'cidr'].every((k) => k in a) && (a.family === 'IPv4' || 'scopeid' in a))));
const u = os.userInfo();
show('userInfo', [Object.getPrototypeOf(u), Object.keys(u).join(), typeof u.uid, typeof u.username, u.homedir.length > 0]);
show('userInfo buffer', Buffer.isBuffer(os.userInfo({ encoding: 'buffer' }).username));
show('getPriority', typeof os.getPriority());
show('signals', [os.constants.signals.SIGINT, os.constants.signals.SIGTERM, os.constants.signals.SIGKILL, os.constants.signals.SIGUSR1]);
show('errno', [os.constants.errno.ENOENT, os.constants.errno.EACCES, os.constants.errno.EADDRINUSE]);
show('priority', os.constants.priority.PRIORITY_HIGHEST);
