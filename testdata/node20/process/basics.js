// The process object's members and what they answer (only what is the same on every run).
const path = __dirname;
const members = ['argv', 'argv0', 'execPath', 'env', 'exit', 'exitCode', 'pid', 'ppid', 'platform', 'arch',
  'version', 'versions', 'cwd', 'chdir', 'hrtime', 'uptime', 'memoryUsage', 'nextTick', 'kill', 'umask',
  'stdout', 'stderr', 'stdin', 'on', 'once', 'emit', 'emitWarning', 'title'];
console.log(members.map(function (m) { return m + ':' + typeof process[m]; }).join(' '));
console.log('toString', Object.prototype.toString.call(process), 'same as require', require('process') === process);
console.log('argv', process.argv.length, process.argv[1] === __filename, JSON.stringify(process.argv.slice(2)));
console.log('version', /^v\d+\.\d+\.\d+$/.test(process.version), typeof process.versions.node);
console.log('platform', process.platform, 'pid', Number.isInteger(process.pid) && process.pid > 0, process.ppid > 0);
process.env.EARLYNODE_TEST_VAR = 42;
console.log('env', typeof process.env.EARLYNODE_TEST_VAR, process.env.EARLYNODE_TEST_VAR,
  'EARLYNODE_TEST_VAR' in process.env, Object.keys(process.env).indexOf('EARLYNODE_TEST_VAR') >= 0);
delete process.env.EARLYNODE_TEST_VAR;
console.log('env deleted', process.env.EARLYNODE_TEST_VAR, 'EARLYNODE_TEST_VAR' in process.env);
console.log('cwd is the script dir', process.cwd() === path);
process.chdir('..');
console.log('chdir ..', process.cwd() === path.slice(0, path.lastIndexOf('/')));
process.chdir(path);
try { process.chdir('./no/such/dir'); } catch (e) { console.log('chdir error', e.code, e.syscall); }
const t0 = process.hrtime();
console.log('hrtime', Array.isArray(t0), t0.length, Number.isInteger(t0[0]), t0[1] < 1e9);
const d = process.hrtime(t0);
console.log('hrtime diff', d[0] >= 0, d[1] >= 0);
const b0 = process.hrtime.bigint();
console.log('bigint', typeof b0, process.hrtime.bigint() >= b0);
try { process.hrtime(1); } catch (e) { console.log('hrtime bad', e.code); }
console.log('uptime', typeof process.uptime(), process.uptime() > 0);
const mu = process.memoryUsage();
console.log('memoryUsage', Object.keys(mu).sort().join(','), mu.rss > 0, typeof process.memoryUsage.rss());
console.log('kill 0', process.kill(process.pid, 0));
try { process.kill(process.pid, 'SIGNOPE'); } catch (e) { console.log('kill bad signal', e.code); }
const old = process.umask(0o022);
console.log('umask', typeof old, process.umask() === 0o022);
process.umask(old);
console.log('stdout', process.stdout.fd, process.stderr.fd, process.stdin.fd, typeof process.stdout.write, process.stdout.isTTY);
console.log('write returns', process.stdout.write('a write\n'));
process.stdout.write(Buffer.from('a Buffer write\n'));
process.stdout.write(new Uint8Array([117, 56, 10]));
try { process.stdout.write(42); } catch (e) { console.log('write number', e.code); }
process.stdout.write('with a callback\n', function () { console.log('write callback ran'); });
console.log('ids', process.getuid() === process.geteuid(), typeof process.getgid(), typeof process.getegid(), Array.isArray(process.getgroups()));
const cu = process.cpuUsage();
console.log('cpuUsage', Object.keys(cu).join(','), cu.user >= 0, process.cpuUsage(cu).system >= 0);
