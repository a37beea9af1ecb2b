// require("url"): the legacy parse/format/resolve, WHATWG URL and URLSearchParams,
// fileURLToPath and pathToFileURL.
'use strict';
const url = require('url');
const { URL, URLSearchParams } = url;
const plain = (o) => JSON.stringify(Object.assign({}, o, o.query && typeof o.query === 'object' ? { query: Object.assign({}, o.query) } : {}));
for (const s of ['http://user:pass@Host.COM:8080/p/a/t/h?query=string&a=1#hash', 'https://example.com', '/just/a/path?x=1', '//host/p',
  'mailto:someone@example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'HTTP://X.COM/A B', 'http://[::1]:3000/x', 'http://a.com\\b\\c?d\\e',
  'git+ssh://git@github.com:user/repo.git', '?only=query', '#only-hash', 'relative/path', '  http://trim.me/  ', 'http://ex.com/p#h?q', 'http://ñ.com/', 'http://a_b.com:99999/']) {
  console.log(JSON.stringify(s), plain(url.parse(s)));
  console.log('  qs', plain(url.parse(s, true)));
  console.log('  fmt', url.format(url.parse(s)));
}
console.log(plain(url.parse('//host/p', false, true)));
for (const o of [{ protocol: 'http', host: 'a.com', pathname: 'x', search: 'q=1', hash: 'h' }, { protocol: 'https:', hostname: 'b.com', port: 81, query: { a: [1, 2], b: 'c d' } },
  { protocol: 'file', pathname: '/tmp/x' }, { pathname: '/p#?', search: '?a#b' }, { protocol: 'mailto', auth: 'a:b', host: 'x' }]) {
  console.log(JSON.stringify(o), '->', url.format(o));
}
try { url.parse(5); } catch (e) { console.log(e.code, e.message); }
for (const [a, b] of [['/one/two/three', 'four'], ['http://example.com/', '/one'], ['http://example.com/one', '/two'], ['http://a.com/b/c', '../d'],
  ['http://a.com/b', 'http://other.com/x'], ['one/two', 'three'], ['http://a.com/b/c?x#y', '?z'], ['http://a.com/b/c?x#y', '#h'], ['http://a.com/b/c', ''],
  ['http://a.com/b/c/', '..'], ['http://a.com/b/c/', '.'], ['http://a.com', 'x'], ['http://a.com/b', '//other.com/p'], ['/a/b', '../../../c'], ['a/b', '../../c'], ['http://a.com/a/b', './c/./d/../e']]) {
  console.log('resolve', a, b, '->', url.resolve(a, b));
}
const u = new URL('https://user:pw@example.com:8080/p/a/t/h?query=string&a=1#hash');
console.log(u.href, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash);
console.log(new URL('HTTP://EXAMPLE.com/%7Efoo/bar').href);
const sp = new URLSearchParams('a=1&b=2&a=3&c=%20x+y');
console.log(sp.get('a'), sp.getAll('a'), sp.has('c'), sp.get('c'), sp.toString(), [...sp.keys()].join());
sp.append('d', 'é&='); sp.delete('b'); sp.sort(); console.log(sp.toString());
console.log(new URLSearchParams({ x: '1', y: 'two' }).toString(), new URLSearchParams([['k', 'v']]).toString());
console.log(url.URL === URL, url.format(u, { fragment: false, auth: false, search: false }));
console.log(url.fileURLToPath('file:///tmp/a%20b'), url.fileURLToPath(new URL('file:///x/y')), url.pathToFileURL('/tmp/a b#?%').href);
for (const bad of ['http://x/y', 'file://host/x', 'file:///a%2Fb', 5]) {
  try { url.fileURLToPath(bad); } catch (e) { console.log(e.code, e.message); }
}
console.log(JSON.stringify(url.urlToHttpOptions(new URL('http://u:p@host:81/a?b#c'))));
console.log(url.domainToASCII('español.com'), url.domainToUnicode('xn--espaol-zwa.com'));
