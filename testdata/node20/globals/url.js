// URL and URLSearchParams as globals.
const u = new URL('https://user:pw@example.com:8080/a/b?x=1&y=2#frag');
console.log(u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash);
console.log(u.href);
console.log(u.searchParams.get('x'), u.searchParams.get('y'), u.searchParams.has('z'));
u.searchParams.append('z', 'a b');
console.log(u.search, u.toString());
try { new URL('not a url'); } catch (e) { console.log(e.name, e.code); }
const sp = new URLSearchParams('a=1&b=2&a=3');
console.log(sp.getAll('a').join(','), sp.toString(), [...sp.keys()].join(','));
sp.sort();
console.log(sp.toString());
console.log(new URLSearchParams({ k: 'v w', n: 1 }).toString());
