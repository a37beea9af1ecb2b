// TextEncoder and TextDecoder (UTF-8): bytes, surrogates, BOM, streaming, fatal mode.
const enc = new TextEncoder();
console.log(enc.encoding, Array.from(enc.encode('hé€😀')).join(','));
console.log(Array.from(enc.encode('\ud800x')).join(','), enc.encode().length, enc.encode(undefined).length);
console.log(enc.encode('x') instanceof Uint8Array);
const dest = new Uint8Array(5);
console.log(JSON.stringify(enc.encodeInto('a€b', dest)), Array.from(dest).join(','));
console.log(JSON.stringify(enc.encodeInto('😀😀', new Uint8Array(6))));
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM);
console.log(dec.decode(new Uint8Array([104, 195, 169, 226, 130, 172, 240, 159, 152, 128])));
console.log(JSON.stringify(dec.decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x41]))));
console.log(JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x41]))));
console.log(JSON.stringify(dec.decode(new Uint8Array([0x41, 0xFF, 0x42]))));
console.log(JSON.stringify(dec.decode(new Uint8Array([0xE2, 0x82]))));
const s = new TextDecoder();
const euro = [0xE2, 0x82, 0xAC];
console.log(JSON.stringify(s.decode(new Uint8Array([0x61, euro[0]]), { stream: true })),
  JSON.stringify(s.decode(new Uint8Array([euro[1]]), { stream: true })),
  JSON.stringify(s.decode(new Uint8Array([euro[2], 0x62]))));
console.log(JSON.stringify(dec.decode(new Uint8Array([0x61, 0x62]).buffer)), JSON.stringify(dec.decode()));
console.log(JSON.stringify(dec.decode(new DataView(new Uint8Array([0x63]).buffer))));
try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xFF])); } catch (e) { console.log(e.name, e.code); }
try { new TextDecoder('nope'); } catch (e) { console.log(e.name, e.code); }
console.log(new TextDecoder('UTF8').encoding, new TextDecoder(' utf-8 ').encoding);
