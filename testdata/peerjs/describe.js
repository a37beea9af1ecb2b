// Helpers for the peerjs scripts: describe(value) prints what arrived, with binary data as
// its class, length and FNV-1a hash; pattern(n) is n bytes, byte i = (i*7) & 255.
function fnv1a(bytes) {
  var h = 0x811c9dc5;
  for (var i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  var s = h.toString(16);
  while (s.length < 8) s = "0" + s;
  return s;
}

function describe(v) {
  if (v === undefined) return "undefined";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (v instanceof ArrayBuffer) {
    return "ArrayBuffer(" + v.byteLength + " " + fnv1a(new Uint8Array(v)) + ")";
  }
  if (ArrayBuffer.isView(v)) {
    return v.constructor.name + "(" + v.byteLength + " " + fnv1a(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) + ")";
  }
  if (Array.isArray(v)) return "[" + v.map(describe).join(",") + "]";
  var parts = [];
  for (var k in v) {
    if (Object.prototype.hasOwnProperty.call(v, k)) parts.push(JSON.stringify(k) + ":" + describe(v[k]));
  }
  return "{" + parts.join(",") + "}";
}

function pattern(n) {
  var b = new Uint8Array(n);
  for (var i = 0; i < n; i++) b[i] = (i * 7) & 255;
  return b;
}

// after(n, done) returns a function that calls done on its n-th call.
function after(n, done) {
  return function () {
    if (--n === 0) done();
  };
}

exports.describe = describe;
exports.pattern = pattern;
exports.after = after;
