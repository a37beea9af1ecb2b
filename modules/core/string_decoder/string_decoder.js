// require("string_decoder"): Node 20's StringDecoder, written for earlynode.
(function (natives, runtime) {
  var Buffer = natives.Buffer;
  var NAMES = { utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le',
    'utf-16le': 'utf16le', latin1: 'latin1', binary: 'latin1', base64: 'base64', base64url: 'base64url',
    ascii: 'ascii', hex: 'hex' };

  function normalize(enc) {
    if (enc === undefined || enc === null || enc === '') return 'utf8';
    var n = NAMES[String(enc).toLowerCase()];
    if (n === undefined) {
      var e = new TypeError('Unknown encoding: ' + enc);
      e.code = 'ERR_UNKNOWN_ENCODING';
      Object.defineProperty(e, 'toString', {
        value: function () { return this.name + ' [ERR_UNKNOWN_ENCODING]: ' + this.message; },
        writable: true, configurable: true
      });
      throw e;
    }
    return n;
  }

  function invalidBuf(buf) {
    var d = buf === null || buf === undefined ? String(buf) :
      typeof buf === 'object' ? 'an instance of ' + ((buf.constructor && buf.constructor.name) || 'Object') :
      'type ' + typeof buf + ' (' + (typeof buf === 'string' ? "'" + buf + "'" : String(buf)) + ')';
    var e = new TypeError('The "buf" argument must be an instance of Buffer, TypedArray, or DataView. Received ' + d);
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  }

  // utf8Hold is how many bytes at the end of b begin a character that is not complete yet (a
  // lead byte and fewer continuation bytes than it announces).
  function utf8Hold(b) {
    var n = b.length;
    for (var i = n - 1; i >= 0 && i >= n - 3; i--) {
      var c = b[i];
      if ((c & 0xC0) === 0x80) continue;
      var need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
      if (need === 0 || n - i >= need) return 0;
      return n - i;
    }
    return 0;
  }

  function toBuffer(buf) {
    if (typeof buf === 'string') return buf;
    if (Buffer.isBuffer(buf)) return buf;
    if (ArrayBuffer.isView(buf)) return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    throw invalidBuf(buf);
  }

  function StringDecoder(encoding) {
    this.encoding = normalize(encoding);
    this._held = Buffer.alloc(0);
  }

  StringDecoder.prototype.write = function write(buf) {
    buf = toBuffer(buf);
    if (typeof buf === 'string') return buf;
    var b = this._held.length ? Buffer.concat([this._held, buf]) : buf;
    var keep = 0;
    switch (this.encoding) {
      case 'utf8':
        keep = utf8Hold(b);
        break;
      case 'utf16le':
        keep = b.length % 2;
        if (keep === 0 && b.length >= 2) {
          var hiByte = b[b.length - 1];
          if (hiByte >= 0xD8 && hiByte <= 0xDB) keep = 2;
        }
        break;
      case 'base64':
      case 'base64url':
        keep = b.length % 3;
        break;
    }
    this._held = Buffer.from(b.subarray(b.length - keep));
    return b.toString(this.encoding, 0, b.length - keep);
  };

  StringDecoder.prototype.end = function end(buf) {
    var r = buf === undefined ? '' : this.write(buf);
    if (this._held.length) {
      var held = this._held;
      this._held = Buffer.alloc(0);
      if (this.encoding === 'utf16le') r += held.toString('utf16le', 0, held.length - (held.length % 2));
      else r += held.toString(this.encoding);
    }
    return r;
  };

  StringDecoder.prototype.text = function text(buf, offset) {
    this._held = Buffer.alloc(0);
    return this.write(buf.subarray(offset));
  };

  return { exports: { StringDecoder: StringDecoder } };
})
