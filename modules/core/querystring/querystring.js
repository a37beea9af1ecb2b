// require("querystring"): Node 20's querystring, written for earlynode.
(function (natives, runtime) {
  var Buffer = natives.Buffer;

  function escape(str) {
    if (typeof str !== 'string') {
      if (typeof str === 'object') str = String(str);
      else str += '';
    }
    try {
      return encodeURIComponent(str);
    } catch (e) {
      var err = new URIError('URI malformed');
      err.code = 'ERR_INVALID_URI';
      throw err;
    }
  }

  function hexValue(c) {
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 65 && c <= 70) return c - 55;
    if (c >= 97 && c <= 102) return c - 87;
    return -1;
  }

  // unescapeBuffer decodes %XX sequences into bytes, keeping malformed ones as they are.
  function unescapeBuffer(s, decodeSpaces) {
    var src = Buffer.from(String(s));
    var out = Buffer.alloc(src.length);
    var n = 0;
    for (var i = 0; i < src.length; i++) {
      var c = src[i];
      if (c === 43 && decodeSpaces) {
        out[n++] = 32;
      } else if (c === 37 && i + 2 < src.length) {
        var hi = hexValue(src[i + 1]), lo = hexValue(src[i + 2]);
        if (hi >= 0 && lo >= 0) {
          out[n++] = hi * 16 + lo;
          i += 2;
        } else {
          out[n++] = c;
        }
      } else {
        out[n++] = c;
      }
    }
    return out.subarray(0, n);
  }

  function unescape(s, decodeSpaces) {
    try {
      return decodeURIComponent(s);
    } catch (e) {
      return unescapeBuffer(s, decodeSpaces).toString();
    }
  }

  function stringifyPrimitive(v) {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && isFinite(v)) return '' + v;
    if (typeof v === 'bigint') return '' + v;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return '';
  }

  function stringify(obj, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    var encode = escape;
    if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
    if (obj !== null && typeof obj === 'object') {
      var keys = Object.keys(obj);
      var fields = [];
      for (var i = 0; i < keys.length; i++) {
        var k = keys[i];
        var v = obj[k];
        var ks = encode(stringifyPrimitive(k)) + eq;
        if (Array.isArray(v)) {
          for (var j = 0; j < v.length; j++) fields.push(ks + encode(stringifyPrimitive(v[j])));
        } else {
          fields.push(ks + encode(stringifyPrimitive(v)));
        }
      }
      return fields.join(sep);
    }
    return '';
  }

  function parse(qs, sep, eq, options) {
    var obj = Object.create(null);
    if (typeof qs !== 'string' || qs.length === 0) return obj;
    sep = sep ? String(sep) : '&';
    eq = eq ? String(eq) : '=';
    var maxKeys = 1000;
    if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
    var decode = unescape;
    if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
    var pairs = qs.split(sep);
    if (maxKeys > 0 && pairs.length > maxKeys) pairs = pairs.slice(0, maxKeys);
    for (var i = 0; i < pairs.length; i++) {
      var pair = pairs[i];
      if (pair.length === 0) continue;
      var idx = pair.indexOf(eq);
      var k, v;
      if (idx >= 0) {
        k = pair.slice(0, idx);
        v = pair.slice(idx + eq.length);
      } else {
        k = pair;
        v = '';
      }
      k = decodeStr(k.replace(/\+/g, ' '), decode);
      v = decodeStr(v.replace(/\+/g, ' '), decode);
      if (!(k in obj)) obj[k] = v;
      else if (Array.isArray(obj[k])) obj[k].push(v);
      else obj[k] = [obj[k], v];
    }
    return obj;
  }

  function decodeStr(s, decoder) {
    try {
      return decoder(s);
    } catch (e) {
      return unescape(s, true);
    }
  }

  return {
    exports: {
      unescapeBuffer: unescapeBuffer,
      unescape: unescape,
      escape: escape,
      stringify: stringify,
      encode: stringify,
      parse: parse,
      decode: parse
    }
  };
})
