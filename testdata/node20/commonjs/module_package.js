// require('module'): createRequire from an absolute path, isBuiltin, builtinModules;
// nothing else (Node 20.19 and later can require ES modules; earlynode throws ERR_REQUIRE_ESM).
const Module = require('module');
const req = Module.createRequire(__dirname + '/fixtures/deep/sub/any.js');
console.log(req('fakepkg').name, req.resolve('./find').slice(__dirname.length));
console.log(Module.isBuiltin('fs'), Module.isBuiltin('node:path'), Module.isBuiltin('fakepkg'));
console.log(['fs', 'path', 'events', 'timers/promises'].every(function (n) { return Module.builtinModules.indexOf(n) >= 0; }));
console.log(require('node:module') === Module);
try { Module.createRequire('relative.js'); } catch (e) { console.log(e.code); }
