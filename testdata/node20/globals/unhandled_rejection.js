// An unhandled promise rejection ends the program with status 1 after the current work, as
// Node 20 does; later timers do not run.
console.log('before');
setTimeout(function () { console.log('timer must not run'); }, 20);
Promise.reject(new Error('nobody handles this'));
console.log('after (same turn)');
