// CommonJS as Node 20 loads it: synchronous require, module.exports/exports, extensions,
// index.js, package.json main, JSON modules, the cache.
const math = require('./fixtures/math');
console.log('add', math.add(2, 3), 'loaded while requiring:', math.loadedAtRequire);
console.log(require('./fixtures/dir'));
console.log(require('./fixtures/dir/'));
console.log(require('./fixtures/pkgdir').from);
const data = require('./fixtures/data.json');
console.log(data.name, data.list.length, data.nested.ok);
console.log(require('./fixtures/mod.cjs'));
const c1 = require('./fixtures/counter'), c2 = require('./fixtures/counter.js');
console.log('same module object:', c1 === c2, c1.next(), c2.next());
console.log('typeof module', typeof module, 'exports is module.exports', exports === module.exports);
console.log('require.main === module', require.main === module, 'module.id', module.id);
console.log('__filename ends', __filename.slice(__dirname.length), '__dirname ends', __dirname.split('/').pop());
console.log('resolve', require.resolve('./fixtures/math').slice(__dirname.length));
console.log('resolve core', require.resolve('fs'), require.resolve('node:fs'));
const cached = Object.keys(require.cache).map(function (k) { return k.slice(__dirname.length); }).sort();
console.log('cache', cached.join(' '));
delete require.cache[require.resolve('./fixtures/counter')];
console.log('fresh after delete from cache:', require('./fixtures/counter') !== c1);
const m = require.cache[require.resolve('./fixtures/math')];
console.log('module fields', m.id.slice(__dirname.length), m.filename === m.id, m.loaded, m.path.split('/').pop());
console.log('main children', module.children.map(function (c) { return c.id.slice(__dirname.length); }).join(' '));
console.log('child parent is main', m.parent === module, 'require.main.filename', require.main.filename === __filename);
console.log('resolve.paths', require.resolve.paths('x')[0] === __dirname + '/node_modules', require.resolve.paths('fs'));
console.log('module.paths[0]', module.paths[0] === __dirname + '/node_modules');
