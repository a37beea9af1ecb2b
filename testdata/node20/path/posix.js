// require("path"): every POSIX function on ordinary and awkward paths, and the errors of
// non-string arguments.
'use strict';
const path = require('path');
const show = (v) => JSON.stringify(v);
function t(label, fn) {
  let out;
  try { out = show(fn()); } catch (e) { out = 'throws ' + e.name + ' ' + e.code + ': ' + e.message; }
  console.log(label + ' -> ' + out);
}
const paths = ['', '/', '//', '///', '.', '..', '...', 'a', '/a', '//a', 'a/', '/a/', 'a/b', '/a/b/', 'a//b', './a', '../a',
  'a/./b', 'a/../b', '/../a', 'a/../../b', '/a/b/c.txt', 'a/b.c/', '.bashrc', '/.bashrc', 'file.', 'file..', 'a..',
  '.a.b', '..a', 'a/..', 'a/.', '/a/b/../../..', 'x/y.tar.gz', '/dir/.hidden.ext', '.../b'];
for (const p of paths) {
  t(`normalize(${show(p)})`, () => path.normalize(p));
  t(`dirname(${show(p)})`, () => path.dirname(p));
  t(`basename(${show(p)})`, () => path.basename(p));
  t(`extname(${show(p)})`, () => path.extname(p));
  t(`parse(${show(p)})`, () => path.parse(p));
  t(`isAbsolute(${show(p)})`, () => path.isAbsolute(p));
  t(`format(parse(${show(p)}))`, () => path.format(path.parse(p)));
}
for (const [p, s] of [['/a/b.js', '.js'], ['b.js', 'b.js'], ['/a/b.js/', '.js'], ['aaa/bbb', 'bbb'], ['aaa/bbb', 'b'], ['a.js', ''], ['a.js', 'js'], ['/', '/']]) {
  t(`basename(${show(p)}, ${show(s)})`, () => path.basename(p, s));
}
for (const args of [[], [''], ['a', 'b'], ['/a', '/b'], ['a', '', 'b'], ['a/', '/b/'], ['a', '..', '..'], ['/', '..'], ['.', '.'], ['a', 'b/../c', './d']]) {
  t(`join(${args.map(show)})`, () => path.join(...args));
}
for (const args of [['/a/b', 'c'], ['/a', '/b', 'c'], ['/a/b/', '../c/'], ['/', '..', '..'], ['/x', '', 'y'], ['/a/./b/../c']]) {
  t(`resolve(${args.map(show)})`, () => path.resolve(...args));
}
t('resolve() is absolute', () => path.resolve() === path.resolve('.') && path.isAbsolute(path.resolve()));
t('resolve("x") under cwd', () => path.resolve('x') === path.resolve() + '/x');
for (const [a, b] of [['/a/b', '/a/b/c'], ['/a/b/c', '/a/b'], ['/', '/a'], ['/a', '/'], ['/a/b/c', '/a/x/y'], ['/a', '/a'], ['/a/b', '/a/bc'], ['/data/orandea/test/aaa', '/data/orandea/impl/bbb']]) {
  t(`relative(${show(a)}, ${show(b)})`, () => path.relative(a, b));
}
for (const o of [{ dir: '/home/user', base: 'f.txt' }, { root: '/', base: 'f.txt' }, { root: '/', name: 'f', ext: '.txt' }, { name: 'f', ext: 'txt' },
  { dir: 'd', name: 'n' }, { root: '/', dir: '/', base: 'x' }, {}]) {
  t(`format(${show(o)})`, () => path.format(o));
}
t('sep', () => path.sep);
t('delimiter', () => path.delimiter);
t('posix', () => path.posix === path && path.posix.join('a', 'b'));
t('path/posix', () => require('path/posix') === path);
t('toNamespacedPath', () => path.toNamespacedPath('/a/b'));
t('join(1)', () => path.join('a', 1));
t('resolve(null)', () => path.resolve('a', null));
t('normalize({})', () => path.normalize({}));
t('basename(x, 1)', () => path.basename('x', 1));
t('dirname()', () => path.dirname());
t('relative(1, "a")', () => path.relative(1, 'a'));
t('format(null)', () => path.format(null));
t('format("a")', () => path.format('a'));
t('extname(true)', () => path.extname(true));
t('parse(function)', () => path.parse(function f() {}));
