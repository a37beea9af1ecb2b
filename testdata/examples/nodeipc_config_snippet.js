// node-ipc seed page, IPC Config: the page's config object, assigned as the page shows it
// (`id : os.hostname()` needs require('os')), and the default id it documents.
const os = require('os');
const ipc = require('node-ipc');

console.log('default id is os.hostname():', ipc.config.id === os.hostname());

const config = {
    appspace        : 'app.',
    socketRoot      : '/tmp/',
    id              : os.hostname(),
    networkHost     : 'localhost', //should resolve to 127.0.0.1 or ::1 see the table below related to this
    networkPort     : 8000,
    encoding        : 'utf8',
    rawBuffer       : false,
    sync            : false,
    silent          : false,
    logInColor      : true,
    logDepth        : 5,
    maxConnections  : 100,
    retry           : 500,
    maxRetries      : false,
    stopRetrying    : false
};
for (const key in config) {
    ipc.config[key] = config[key];
}
ipc.config.id = 'world'; // fixed here so the output is the same on every machine
ipc.config.silent = true;
ipc.serve(function () {});
console.log('server path:', ipc.server.path);
console.log('networkPort:', ipc.config.networkPort, 'retry:', ipc.config.retry, 'maxRetries:', ipc.config.maxRetries);
