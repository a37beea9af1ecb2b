// The global Buffer and require("buffer"): goja_nodejs's Buffer (natives.Base: its constructor
// and prototype, a Uint8Array subclass) completed to Node 20's API, with Node's argument
// checks and errors (docs/modern-buffer-and-modules.md). Byte work is native (runtime/buffer.go).
(function (natives, runtime) {
  var B = natives.Base;
  var proto = B.prototype;
  var kMaxLength = 4294967296;
  var kStringMaxLength = 536870888;

  // Encodings by lower-case name; the numbers are nodecodec's.
  var ENC = { utf8: 0, 'utf-8': 0, utf16le: 1, 'utf-16le': 1, ucs2: 1, 'ucs-2': 1,
    latin1: 2, binary: 2, ascii: 3, base64: 4, base64url: 5, hex: 6 };
  var UTF8 = 0, UCS2 = 1, LATIN1 = 2;

  // encodingOf is the encoding number of a name, or undefined.
  function encodingOf(name) {
    var s = '' + name;
    var e = ENC[s];
    if (e === undefined && Object.prototype.hasOwnProperty.call(ENC, s.toLowerCase())) e = ENC[s.toLowerCase()];
    return typeof e === 'number' ? e : undefined;
  }

  // ---- Node's errors: message, code, and toString "Name [CODE]: message".
  function nodeError(Ctor, code, message) {
    var e = new Ctor(message);
    e.code = code;
    Object.defineProperty(e, 'toString', {
      value: function () { return this.name + ' [' + code + ']: ' + this.message; },
      writable: true, configurable: true
    });
    return e;
  }

  function inspectPrim(v) {
    switch (typeof v) {
      case 'string':
        if (v.indexOf("'") < 0) return "'" + v + "'";
        if (v.indexOf('"') < 0) return '"' + v + '"';
        return '`' + v + '`';
      case 'number':
        return (v === 0 && 1 / v < 0) ? '-0' : String(v);
      case 'bigint':
        return String(v) + 'n';
      case 'symbol':
        return v.toString();
    }
    return String(v);
  }

  function received(v) {
    if (v == null) return 'Received ' + v;
    if (typeof v === 'function' && v.name) return 'Received function ' + v.name;
    if (typeof v === 'object') {
      if (v.constructor && v.constructor.name) return 'Received an instance of ' + v.constructor.name;
      return 'Received ' + (Array.isArray(v) ? '[Array]' : '[Object: null prototype] {}');
    }
    var s = inspectPrim(v);
    if (s.length > 28) s = s.slice(0, 25) + '...';
    return 'Received type ' + typeof v + ' (' + s + ')';
  }

  var kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

  function listOf(words, conj) {
    if (words.length > 2) return words.slice(0, -1).join(', ') + ', ' + conj + ' ' + words[words.length - 1];
    return words.join(' ' + conj + ' ');
  }

  function invalidArgType(name, expected, actual) {
    if (!Array.isArray(expected)) expected = [expected];
    var msg = 'The ';
    if (/ argument$/.test(name)) msg += name;
    else msg += '"' + name + '" ' + (name.indexOf('.') >= 0 ? 'property' : 'argument');
    msg += ' must be ';
    var types = [], instances = [], other = [];
    expected.forEach(function (v) {
      if (kTypes.indexOf(v) >= 0) types.push(v.toLowerCase());
      else if (/^([A-Z][a-z0-9]*)+$/.test(v)) instances.push(v);
      else other.push(v);
    });
    if (instances.length > 0 && types.indexOf('object') >= 0) {
      types.splice(types.indexOf('object'), 1);
      instances.push('Object');
    }
    if (types.length > 0) {
      msg += (types.length > 1 ? 'one of type ' : 'of type ') + listOf(types, 'or');
      if (instances.length > 0 || other.length > 0) msg += ' or ';
    }
    if (instances.length > 0) {
      msg += 'an instance of ' + listOf(instances, 'or');
      if (other.length > 0) msg += ' or ';
    }
    if (other.length > 0) {
      if (other.length > 1) msg += 'one of ' + listOf(other, 'or');
      else msg += (other[0].toLowerCase() !== other[0] ? 'an ' : '') + other[0];
    }
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', msg + '. ' + received(actual));
  }

  function separated(s) {
    var res = '', i = s.length, start = s[0] === '-' ? 1 : 0;
    for (; i >= start + 4; i -= 3) res = '_' + s.slice(i - 3, i) + res;
    return s.slice(0, i) + res;
  }

  function outOfRange(name, range, input) {
    var r;
    if (Number.isInteger(input) && Math.abs(input) > 4294967296) r = separated(String(input));
    else if (typeof input === 'bigint') {
      r = String(input);
      if (input > BigInt(4294967296) || input < -BigInt(4294967296)) r = separated(r);
      r += 'n';
    } else r = inspectPrim(input);
    return nodeError(RangeError, 'ERR_OUT_OF_RANGE',
      'The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + r);
  }

  function bufferOutOfBounds(name) {
    return nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
      name ? '"' + name + '" is outside of buffer bounds' : 'Attempt to access memory outside buffer bounds');
  }

  function unknownEncoding(enc) {
    return nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc);
  }

  function inspectBytes(b) {
    var parts = [];
    for (var i = 0; i < b.length && i < 50; i++) parts.push((b[i] < 16 ? '0' : '') + b[i].toString(16));
    return '<Buffer ' + parts.join(' ') + (b.length > 50 ? ' ... ' + (b.length - 50) + ' more bytes' : '') + '>';
  }

  function invalidArgValue(name, value) {
    var s = value instanceof B ? inspectBytes(value) :
      typeof value === 'object' && value !== null ? received(value).replace(/^Received /, '') : inspectPrim(value);
    return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
      "The " + (name.indexOf('.') >= 0 ? 'property' : 'argument') + " '" + name + "' is invalid. Received " + s);
  }

  function validateNumber(value, name, min, max) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if ((min != null && value < min) || (max != null && value > max) ||
        ((min != null || max != null) && value !== value)) {
      throw outOfRange(name, (min != null ? '>= ' + min : '') + (min != null && max != null ? ' && ' : '') +
        (max != null ? '<= ' + max : ''), value);
    }
  }

  function validateOffset(value, name, min, max) {
    if (min === undefined) min = 0;
    if (max === undefined) max = kMaxLength;
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < min || value > max) throw outOfRange(name, '>= ' + min + ' && <= ' + max, value);
  }

  function isUint8Array(v) { return v instanceof Uint8Array; }
  function isView(v) { return ArrayBuffer.isView(v); }
  function isArrayBuffer(v) {
    return v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);
  }

  // ---- The constructor programs see: Buffer(size), Buffer(data, encoding), with or without new.
  function Buffer(arg, encodingOrOffset, length) {
    if (typeof arg === 'number') {
      if (typeof encodingOrOffset === 'string') {
        throw invalidArgType('string', 'string', arg);
      }
      return Buffer.alloc(arg);
    }
    return Buffer.from(arg, encodingOrOffset, length);
  }
  Object.setPrototypeOf(Buffer, Uint8Array);
  Buffer.prototype = proto;
  Object.defineProperty(proto, 'constructor', { value: Buffer, writable: true, configurable: true });

  // view makes a Buffer over an ArrayBuffer (no copy).
  function view(ab, offset, len) { return Reflect.construct(Uint8Array, [ab, offset, len], B); }
  function allocate(size) { return Reflect.construct(Uint8Array, [size], B); }
  function bytesOf(u8) {
    if (u8 instanceof B) return u8;
    return view(u8.buffer, u8.byteOffset, u8.byteLength);
  }

  function statics(obj) {
    Object.keys(obj).forEach(function (k) {
      Object.defineProperty(Buffer, k, { value: obj[k], writable: true, configurable: true, enumerable: true });
    });
  }
  function methods(obj) {
    Object.keys(obj).forEach(function (k) {
      Object.defineProperty(proto, k, { value: obj[k], writable: true, configurable: true, enumerable: true });
    });
  }

  function fromString(string, encoding) {
    var e;
    if (typeof encoding !== 'string' || encoding.length === 0) {
      e = UTF8;
    } else {
      e = encodingOf(encoding);
      if (e === undefined) throw unknownEncoding(encoding);
    }
    if (string.length === 0) return allocate(0);
    return natives.fromString(string, e);
  }

  function fromArrayLike(obj) {
    var len = obj.length;
    if (len <= 0) return allocate(0);
    var b = allocate(len);
    for (var i = 0; i < len; i++) b[i] = obj[i];
    return b;
  }

  function fromArrayBuffer(obj, byteOffset, length) {
    if (byteOffset === undefined) byteOffset = 0;
    else {
      byteOffset = +byteOffset;
      if (byteOffset !== byteOffset) byteOffset = 0;
    }
    var maxLength = obj.byteLength - byteOffset;
    if (maxLength < 0) throw bufferOutOfBounds('offset');
    if (length === undefined) length = maxLength;
    else {
      length = +length;
      if (length > 0) {
        if (length > maxLength) throw bufferOutOfBounds('length');
      } else length = 0;
    }
    return view(obj, byteOffset, length);
  }

  function fromObject(obj) {
    if (obj.length !== undefined || isArrayBuffer(obj.buffer)) {
      if (typeof obj.length !== 'number') return allocate(0);
      if (isView(obj) && !(obj instanceof Uint8Array) && !(obj instanceof Uint8ClampedArray) && !(obj instanceof Int8Array)) {
        return fromArrayLike(obj);
      }
      if (isView(obj)) {
        var b = allocate(obj.length);
        b.set(obj);
        return b;
      }
      return fromArrayLike(obj);
    }
    if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  }

  function from(value, encodingOrOffset, length) {
    if (typeof value === 'string') return fromString(value, encodingOrOffset);
    if (typeof value === 'object' && value !== null) {
      if (isArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
      var valueOf = value.valueOf && value.valueOf();
      if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
        return from(valueOf, encodingOrOffset, length);
      }
      var b = fromObject(value);
      if (b) return b;
      if (typeof value[Symbol.toPrimitive] === 'function') {
        var primitive = value[Symbol.toPrimitive]('string');
        if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
      }
    }
    throw invalidArgType('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
  }

  function alloc(size, fill, encoding) {
    validateNumber(size, 'size', 0, kMaxLength);
    var buf = allocate(size);
    if (fill !== undefined && fill !== 0 && size > 0) return fillImpl(buf, fill, 0, buf.length, encoding);
    return buf;
  }

  function allocUnsafe(size) {
    validateNumber(size, 'size', 0, kMaxLength);
    return allocate(size);
  }

  function byteLength(string, encoding) {
    if (typeof string !== 'string') {
      if (isView(string) || isArrayBuffer(string)) return string.byteLength;
      throw invalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], string);
    }
    var mustMatch = arguments.length > 2 && arguments[2] === true;
    if (!mustMatch && string.length === 0) return 0;
    if (!encoding) return mustMatch ? -1 : natives.byteLength(string, UTF8);
    var e = encodingOf(encoding);
    if (e === undefined) return mustMatch ? -1 : natives.byteLength(string, UTF8);
    return natives.byteLength(string, e);
  }

  function compare(buf1, buf2) {
    if (!isUint8Array(buf1)) throw invalidArgType('buf1', ['Buffer', 'Uint8Array'], buf1);
    if (!isUint8Array(buf2)) throw invalidArgType('buf2', ['Buffer', 'Uint8Array'], buf2);
    if (buf1 === buf2) return 0;
    return natives.compare(bytesOf(buf1), bytesOf(buf2));
  }

  function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
    if (sourceEnd - sourceStart > target.byteLength - targetStart) {
      sourceEnd = sourceStart + target.byteLength - targetStart;
    }
    var nb = sourceEnd - sourceStart;
    var sourceLen = source.byteLength - sourceStart;
    if (nb > sourceLen) nb = sourceLen;
    if (nb <= 0) return 0;
    var src = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
    var dst = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
    dst.set(src, targetStart);
    return nb;
  }

  function concat(list, length) {
    if (!Array.isArray(list)) throw invalidArgType('list', 'Array', list);
    if (list.length === 0) return allocate(0);
    var i;
    if (length === undefined) {
      length = 0;
      for (i = 0; i < list.length; i++) {
        if (list[i].length) length += list[i].length;
      }
    } else validateOffset(length, 'length');
    var buffer = allocate(length);
    var pos = 0;
    for (i = 0; i < list.length; i++) {
      var buf = list[i];
      if (!isUint8Array(buf)) throw invalidArgType('list[' + i + ']', ['Buffer', 'Uint8Array'], buf);
      pos += copyActual(buf, buffer, pos, 0, buf.length);
    }
    return buffer;
  }

  statics({
    from: from,
    of: function of() {
      var b = allocate(arguments.length);
      for (var i = 0; i < arguments.length; i++) b[i] = arguments[i];
      return b;
    },
    copyBytesFrom: function copyBytesFrom(view, offset, length) {
      if (!isView(view) || view instanceof DataView) {
        throw invalidArgType('view', ['TypedArray'], view);
      }
      var viewLength = view.length;
      if (viewLength === 0) return allocate(0);
      if (offset !== undefined || length !== undefined) {
        if (offset !== undefined) {
          validateOffset(offset, 'offset', 0);
          if (offset >= viewLength) return allocate(0);
        } else offset = 0;
        var end;
        if (length !== undefined) {
          validateOffset(length, 'length', 0);
          end = offset + length;
        } else end = viewLength;
        view = view.subarray(offset, end);
      }
      var u8 = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      var b = allocate(u8.length);
      b.set(u8);
      return b;
    },
    alloc: alloc,
    allocUnsafe: allocUnsafe,
    allocUnsafeSlow: allocUnsafe,
    isBuffer: function isBuffer(b) { return b instanceof Buffer; },
    compare: compare,
    isEncoding: function isEncoding(encoding) {
      return typeof encoding === 'string' && encoding.length !== 0 && encodingOf(encoding) !== undefined;
    },
    concat: concat,
    byteLength: byteLength
  });
  Buffer.poolSize = 8192;

  // ---- fill, write, toString

  function fillImpl(buf, value, offset, end, encoding) {
    var e;
    if (typeof value === 'string') {
      if (offset === undefined || typeof offset === 'string') {
        encoding = offset;
        offset = 0;
        end = buf.length;
      } else if (typeof end === 'string') {
        encoding = end;
        end = buf.length;
      }
      e = encoding == null ? UTF8 : encodingOf(encoding);
      if (e === undefined) {
        if (typeof encoding !== 'string') throw invalidArgType('encoding', 'string', encoding);
        throw unknownEncoding(encoding);
      }
      if (value.length === 0) {
        value = 0;
      } else if (value.length === 1) {
        if (e === UTF8) {
          var code = value.charCodeAt(0);
          if (code < 128) value = code;
        } else if (e === LATIN1) {
          value = value.charCodeAt(0);
        }
      }
    }
    if (offset === undefined) {
      offset = 0;
      end = buf.length;
    } else {
      validateOffset(offset, 'offset');
      if (end === undefined) end = buf.length;
      else validateOffset(end, 'end', 0, buf.length);
      if (offset >= end) return buf;
    }
    if (typeof value === 'number') {
      if (offset > end || end > buf.byteLength) throw bufferOutOfBounds();
      Uint8Array.prototype.fill.call(buf, value, offset, end);
    } else if (typeof value === 'string' || isView(value)) {
      var v = isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value;
      var res = natives.fill(bytesOf(buf), v, e, offset, end);
      if (res < 0) {
        if (res === -1) throw invalidArgValue('value', value);
        throw bufferOutOfBounds();
      }
    } else {
      if (offset > end || end > buf.byteLength) throw bufferOutOfBounds();
      Uint8Array.prototype.fill.call(buf, (Number(value) >>> 0) & 255, offset, end);
    }
    return buf;
  }

  function slice(buf, e, start, end) { return natives.slice(bytesOf(buf), e, start, end); }

  methods({
    fill: function fill(value, offset, end, encoding) { return fillImpl(this, value, offset, end, encoding); },

    write: function write(string, offset, length, encoding) {
      if (typeof string !== 'string') throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
      if (offset === undefined) return natives.write(bytesOf(this), string, UTF8, 0, this.length);
      if (length === undefined && typeof offset === 'string') {
        encoding = offset;
        length = this.length;
        offset = 0;
      } else {
        validateOffset(offset, 'offset', 0, this.length);
        var remaining = this.length - offset;
        if (length === undefined) length = remaining;
        else if (typeof length === 'string') {
          encoding = length;
          length = remaining;
        } else {
          validateOffset(length, 'length', 0, this.length);
          if (length > remaining) length = remaining;
        }
      }
      var e = encoding ? encodingOf(encoding) : UTF8;
      if (e === undefined) throw unknownEncoding(encoding);
      return natives.write(bytesOf(this), string, e, offset, length);
    },

    toString: function toString(encoding, start, end) {
      if (arguments.length === 0) return slice(this, UTF8, 0, this.length);
      var len = this.length;
      if (start <= 0) start = 0;
      else if (start >= len) return '';
      else start = Math.trunc(start) || 0;
      if (end === undefined || end > len) end = len;
      else end = Math.trunc(end) || 0;
      if (end <= start) return '';
      if (encoding === undefined) return slice(this, UTF8, start, end);
      var e = encodingOf(encoding);
      if (e === undefined) throw unknownEncoding(encoding);
      return slice(this, e, start, end);
    },

    toLocaleString: function toLocaleString(encoding, start, end) {
      return this.toString.apply(this, arguments);
    },

    toJSON: function toJSON() {
      var data = new Array(this.length);
      for (var i = 0; i < this.length; i++) data[i] = this[i];
      return { type: 'Buffer', data: data };
    },

    equals: function equals(otherBuffer) {
      if (!isUint8Array(otherBuffer)) throw invalidArgType('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
      if (this === otherBuffer) return true;
      if (this.byteLength !== otherBuffer.byteLength) return false;
      return this.byteLength === 0 || natives.compare(bytesOf(this), bytesOf(otherBuffer)) === 0;
    },

    compare: function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
      if (!isUint8Array(target)) throw invalidArgType('target', ['Buffer', 'Uint8Array'], target);
      if (arguments.length === 1) return natives.compare(bytesOf(this), bytesOf(target));
      if (targetStart === undefined) targetStart = 0;
      else validateOffset(targetStart, 'targetStart');
      if (targetEnd === undefined) targetEnd = target.length;
      else validateOffset(targetEnd, 'targetEnd', 0, target.length);
      if (sourceStart === undefined) sourceStart = 0;
      else validateOffset(sourceStart, 'sourceStart');
      if (sourceEnd === undefined) sourceEnd = this.length;
      else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
      if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
      if (targetStart >= targetEnd) return 1;
      if (sourceStart > this.length) throw outOfRange('sourceStart', '>= 0 && <= ' + this.length, sourceStart);
      if (targetStart > target.length) throw outOfRange('targetStart', '>= 0 && <= ' + target.length, targetStart);
      return natives.compare(bytesOf(this).subarray(sourceStart, sourceEnd), bytesOf(target).subarray(targetStart, targetEnd));
    },

    copy: function copy(target, targetStart, sourceStart, sourceEnd) {
      if (!isView(this)) throw invalidArgType('source', ['Buffer', 'Uint8Array'], this);
      if (!isView(target)) throw invalidArgType('target', ['Buffer', 'Uint8Array'], target);
      if (targetStart === undefined) targetStart = 0;
      else {
        targetStart = toInteger(targetStart, 0);
        if (targetStart < 0) throw outOfRange('targetStart', '>= 0', targetStart);
      }
      if (sourceStart === undefined) sourceStart = 0;
      else {
        sourceStart = toInteger(sourceStart, 0);
        if (sourceStart < 0 || sourceStart > this.byteLength) {
          throw outOfRange('sourceStart', '>= 0 && <= ' + this.byteLength, sourceStart);
        }
      }
      if (sourceEnd === undefined) sourceEnd = this.byteLength;
      else {
        sourceEnd = toInteger(sourceEnd, 0);
        if (sourceEnd < 0) throw outOfRange('sourceEnd', '>= 0', sourceEnd);
      }
      if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
      return copyActual(this, target, targetStart, sourceStart, sourceEnd);
    },

    indexOf: function indexOf(val, byteOffset, encoding) { return search(this, val, byteOffset, encoding, true); },
    lastIndexOf: function lastIndexOf(val, byteOffset, encoding) { return search(this, val, byteOffset, encoding, false); },
    includes: function includes(val, byteOffset, encoding) { return search(this, val, byteOffset, encoding, true) !== -1; },

    slice: function slice(start, end) { return this.subarray(start, end); },

    swap16: function swap16() { return swap(this, 2, '16-bits'); },
    swap32: function swap32() { return swap(this, 4, '32-bits'); },
    swap64: function swap64() { return swap(this, 8, '64-bits'); }
  });

  Object.defineProperty(proto, 'parent', {
    get: function () { return this instanceof Buffer ? this.buffer : undefined; }, enumerable: true, configurable: true
  });
  Object.defineProperty(proto, 'offset', {
    get: function () { return this instanceof Buffer ? this.byteOffset : undefined; }, enumerable: true, configurable: true
  });

  function toInteger(n, defaultVal) {
    n = +n;
    if (n === n && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
      return (n % 1) === 0 ? n : Math.floor(n);
    }
    return defaultVal;
  }

  function swap(buf, size, what) {
    if (buf.length % size !== 0) {
      throw nodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of ' + what);
    }
    natives.swap(bytesOf(buf), size);
    return buf;
  }

  function search(buffer, val, byteOffset, encoding, forward) {
    if (typeof byteOffset === 'string') {
      encoding = byteOffset;
      byteOffset = undefined;
    } else if (byteOffset > 0x7fffffff) byteOffset = 0x7fffffff;
    else if (byteOffset < -0x80000000) byteOffset = -0x80000000;
    byteOffset = +byteOffset;
    if (byteOffset !== byteOffset) byteOffset = forward ? 0 : buffer.length;
    byteOffset = Math.trunc(byteOffset);
    if (typeof val === 'number') {
      var u8 = new Uint8Array([val >>> 0]);
      return natives.indexOf(bytesOf(buffer), u8, UTF8, byteOffset, forward);
    }
    var e = encoding === undefined ? UTF8 : encodingOf(encoding);
    if (typeof val === 'string') {
      if (e === undefined) throw unknownEncoding(encoding);
      return natives.indexOf(bytesOf(buffer), val, e, byteOffset, forward);
    }
    if (isUint8Array(val)) return natives.indexOf(bytesOf(buffer), bytesOf(val), UTF8, byteOffset, forward);
    throw invalidArgType('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
  }

  // ---- Numbers: reads and writes with Node's checks and errors.

  function boundsError(value, length, type) {
    if (Math.floor(value) !== value) {
      validateNumber(value, type || 'offset');
      throw outOfRange(type || 'offset', 'an integer', value);
    }
    if (length < 0) throw bufferOutOfBounds();
    throw outOfRange(type || 'offset', '>= ' + (type ? 1 : 0) + ' and <= ' + length, value);
  }

  function checkBounds(buf, offset, byteLength) {
    validateNumber(offset, 'offset');
    if (buf[offset] === undefined || buf[offset + byteLength] === undefined) {
      boundsError(offset, buf.length - (byteLength + 1));
    }
  }

  // checkInt checks a value written in byteLength+1 bytes.
  function checkInt(value, min, max, buf, offset, byteLength) {
    if (value > max || value < min) {
      var n = typeof min === 'bigint' ? 'n' : '';
      var range;
      if (byteLength > 3) {
        if (min === 0 || (n && min == 0)) {
          range = '>= 0' + n + ' and < 2' + n + ' ** ' + ((byteLength + 1) * 8) + n;
        } else {
          range = '>= -(2' + n + ' ** ' + ((byteLength + 1) * 8 - 1) + n + ') and < 2' + n + ' ** ' +
            ((byteLength + 1) * 8 - 1) + n;
        }
      } else {
        range = '>= ' + min + n + ' and <= ' + max + n;
      }
      throw outOfRange('value', range, value);
    }
    checkBounds(buf, offset, byteLength);
  }

  // readBytes checks offset and size as Node's readers do.
  function readCheck(buf, offset, size) {
    validateNumber(offset, 'offset');
    if (buf[offset] === undefined || buf[offset + size - 1] === undefined) boundsError(offset, buf.length - size);
  }

  var scratch = new DataView(new ArrayBuffer(8));

  function reader(size, get, le) {
    return function (offset) {
      if (offset === undefined) offset = 0;
      readCheck(this, offset, size);
      for (var i = 0; i < size; i++) scratch.setUint8(i, this[offset + i]);
      return get(le);
    };
  }

  function writer(size, min, max, set, le, isFloat) {
    return function (value, offset) {
      if (offset === undefined) offset = 0;
      if (typeof min === 'bigint') {
        checkInt(value, min, max, this, offset, size - 1);
      } else {
        value = +value;
        if (isFloat) checkBounds(this, offset, size - 1);
        else if (size === 1) {
          validateNumber(offset, 'offset');
          if (value > max || value < min) throw outOfRange('value', '>= ' + min + ' and <= ' + max, value);
          if (this[offset] === undefined) boundsError(offset, this.length - 1);
        } else checkInt(value, min, max, this, offset, size - 1);
      }
      set(value, le);
      for (var i = 0; i < size; i++) this[offset + i] = scratch.getUint8(i);
      return offset + size;
    };
  }

  var numeric = {};
  function both(name, size, getName, setName, min, max, isFloat) {
    var get = function (le) { return scratch[getName](0, le); };
    var set = function (v, le) { scratch[setName](0, v, le); };
    if (size === 1) {
      numeric['read' + name] = reader(1, get, false);
      numeric['write' + name] = writer(1, min, max, set, false, false);
      return;
    }
    numeric['read' + name + 'LE'] = reader(size, get, true);
    numeric['read' + name + 'BE'] = reader(size, get, false);
    numeric['write' + name + 'LE'] = writer(size, min, max, set, true, isFloat);
    numeric['write' + name + 'BE'] = writer(size, min, max, set, false, isFloat);
  }
  both('UInt8', 1, 'getUint8', 'setUint8', 0, 0xff);
  both('Int8', 1, 'getInt8', 'setInt8', -0x80, 0x7f);
  both('UInt16', 2, 'getUint16', 'setUint16', 0, 0xffff);
  both('Int16', 2, 'getInt16', 'setInt16', -0x8000, 0x7fff);
  both('UInt32', 4, 'getUint32', 'setUint32', 0, 0xffffffff);
  both('Int32', 4, 'getInt32', 'setInt32', -0x80000000, 0x7fffffff);
  both('Float', 4, 'getFloat32', 'setFloat32', -Infinity, Infinity, true);
  both('Double', 8, 'getFloat64', 'setFloat64', -Infinity, Infinity, true);
  if (typeof BigInt === 'function') {
    both('BigUInt64', 8, 'getBigUint64', 'setBigUint64', BigInt(0), BigInt('0xffffffffffffffff'));
    both('BigInt64', 8, 'getBigInt64', 'setBigInt64', -BigInt('0x8000000000000000'), BigInt('0x7fffffffffffffff'));
  }

  // Variable-width integers (1 to 6 bytes).
  function readVar(signed, le) {
    return function (offset, byteLength) {
      if (offset === undefined) throw invalidArgType('offset', 'number', offset);
      if (!(byteLength >= 1 && byteLength <= 6 && Math.floor(byteLength) === byteLength)) {
        boundsError(byteLength, 6, 'byteLength');
      }
      readCheck(this, offset, byteLength);
      var v = 0;
      for (var i = 0; i < byteLength; i++) {
        var b = this[le ? offset + byteLength - 1 - i : offset + i];
        v = v * 256 + b;
      }
      if (signed && v >= Math.pow(2, 8 * byteLength - 1)) v -= Math.pow(2, 8 * byteLength);
      return v;
    };
  }

  function writeVar(signed, le) {
    return function (value, offset, byteLength) {
      if (!(byteLength >= 1 && byteLength <= 6 && Math.floor(byteLength) === byteLength)) {
        boundsError(byteLength, 6, 'byteLength');
      }
      var min = signed ? -Math.pow(2, 8 * byteLength - 1) : 0;
      var max = signed ? Math.pow(2, 8 * byteLength - 1) - 1 : Math.pow(2, 8 * byteLength) - 1;
      value = +value;
      if (byteLength === 1) {
        validateNumber(offset, 'offset');
        if (value > max || value < min) throw outOfRange('value', '>= ' + min + ' and <= ' + max, value);
        if (this[offset] === undefined) boundsError(offset, this.length - 1);
      } else checkInt(value, min, max, this, offset, byteLength - 1);
      var v = value < 0 ? value + Math.pow(2, 8 * byteLength) : value;
      for (var i = 0; i < byteLength; i++) {
        var b = Math.floor(v % 256);
        this[le ? offset + i : offset + byteLength - 1 - i] = b;
        v = Math.floor(v / 256);
      }
      return offset + byteLength;
    };
  }
  numeric.readUIntLE = readVar(false, true);
  numeric.readUIntBE = readVar(false, false);
  numeric.readIntLE = readVar(true, true);
  numeric.readIntBE = readVar(true, false);
  numeric.writeUIntLE = writeVar(false, true);
  numeric.writeUIntBE = writeVar(false, false);
  numeric.writeIntLE = writeVar(true, true);
  numeric.writeIntBE = writeVar(true, false);

  // Node spells UInt also Uint.
  Object.keys(numeric).forEach(function (k) {
    if (k.indexOf('UInt') >= 0) numeric[k.replace('UInt', 'Uint')] = numeric[k];
  });
  methods(numeric);

  // ---- require("buffer")
  function atob(input) {
    if (arguments.length === 0) throw invalidArgType('input', 'string', undefined);
    var s = String(input).replace(/[\t\n\f\r ]/g, '');
    if (s.length % 4 === 0) s = s.replace(/==?$/, '');
    if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) {
      var e = new Error('The string to be decoded is not correctly encoded.');
      e.name = 'InvalidCharacterError';
      throw e;
    }
    var b = natives.fromString(s, 4);
    return natives.slice(b, LATIN1, 0, b.length);
  }

  function btoa(input) {
    if (arguments.length === 0) throw invalidArgType('input', 'string', undefined);
    var s = String(input);
    for (var i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 255) {
        var e = new Error('Invalid character');
        e.name = 'InvalidCharacterError';
        throw e;
      }
    }
    var b = natives.fromString(s, LATIN1);
    return natives.slice(b, 4, 0, b.length);
  }

  function bytesInput(input) {
    if (isArrayBuffer(input)) return new Uint8Array(input);
    if (isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  }

  var TRANSCODE = { utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le',
    'utf-16le': 'utf16le', latin1: 'latin1', binary: 'latin1', ascii: 'ascii' };

  function transcodeError(code) {
    var e = new Error('Unable to transcode Buffer [' + code + ']');
    e.code = code;
    e.errno = code === 'U_ILLEGAL_ARGUMENT_ERROR' ? 1 : 10;
    return e;
  }

  // transcode re-encodes source from one Unicode encoding to another; a character the target
  // cannot hold becomes '?'.
  function transcode(source, fromEncoding, toEncoding) {
    if (!isUint8Array(source)) throw invalidArgType('source', ['Buffer', 'Uint8Array'], source);
    if (source.length === 0) return allocate(0);
    var from = TRANSCODE[String(fromEncoding).toLowerCase()];
    var to = TRANSCODE[String(toEncoding).toLowerCase()];
    if (from === undefined || to === undefined) throw transcodeError('U_ILLEGAL_ARGUMENT_ERROR');
    var src = bytesOf(source);
    if (from === 'utf8' && !natives.isUtf8(src)) throw transcodeError('U_INVALID_CHAR_FOUND');
    var text = slice(src, ENC[from], 0, src.length);
    if (to === 'latin1' || to === 'ascii') {
      var max = to === 'ascii' ? 0x7F : 0xFF;
      var out = '';
      for (var i = 0; i < text.length; i++) {
        var c = text.codePointAt(i);
        if (c > 0xFFFF) i++;
        out += c > max ? '?' : String.fromCharCode(c);
      }
      text = out;
    }
    return natives.fromString(text, ENC[to]);
  }

  function SlowBuffer(size) { return allocUnsafe(size); }
  SlowBuffer.prototype = proto;
  Object.setPrototypeOf(SlowBuffer, Buffer);

  return {
    exports: {
      Buffer: Buffer,
      SlowBuffer: SlowBuffer,
      transcode: transcode,
      isUtf8: function isUtf8(input) { return natives.isUtf8(bytesInput(input)); },
      isAscii: function isAscii(input) {
        var b = bytesInput(input);
        for (var i = 0; i < b.length; i++) if (b[i] > 127) return false;
        return true;
      },
      kMaxLength: kMaxLength,
      kStringMaxLength: kStringMaxLength,
      btoa: btoa,
      atob: atob,
      constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
      INSPECT_MAX_BYTES: 50
    }
  };
})
