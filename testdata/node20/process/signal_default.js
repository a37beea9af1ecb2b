// A signal with no listener ends the program as Node's default does.
console.log('before the signal');
process.once('SIGTERM', function () { console.log('first SIGTERM heard'); process.kill(process.pid, 'SIGTERM'); });
setTimeout(function () { console.log('not reached'); }, 5000);
process.kill(process.pid, 'SIGTERM');
