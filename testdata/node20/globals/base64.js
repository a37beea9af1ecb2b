// atob and btoa: Latin-1 strings to and from base64, forgiving input, the errors they throw.
for (const s of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', 'hello, world', '\u00ff\u00fe\u0000\u0001']) {
  console.log(JSON.stringify(s), btoa(s), JSON.stringify(atob(btoa(s))));
}
for (const s of ['Zm9v', 'Zm9vYg', 'Zm9vYg==', ' Zm 9v\nYmE= ', 'YQ', 'YQ==']) {
  console.log(JSON.stringify(s), JSON.stringify(atob(s)));
}
for (const s of ['Zm9vY', '!!!!', 'Zm9v=', 'Zm==9v']) {
  try { atob(s); console.log(JSON.stringify(s), 'decoded'); } catch (e) { console.log(JSON.stringify(s), e.name, e.message); }
}
try { btoa('\u0100'); } catch (e) { console.log('btoa wide', e.name, e.message); }
try { btoa('\u20ac'); } catch (e) { console.log('btoa euro', e.name); }
console.log(btoa(123), atob(' '));
