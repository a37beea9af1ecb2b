// require("util"): Node 20's util module, written for earlynode. inspect is the runtime's
// (runtime/inspect.go); the rest is here.
(function (natives, runtime) {
  var customInspect = Symbol.for('nodejs.util.inspect.custom');
  var customPromisify = Symbol.for('nodejs.util.promisify.custom');
  var toStr = Object.prototype.toString;
  var hasOwn = Object.prototype.hasOwnProperty;

  function codeError(Ctor, code, message) {
    var e = new Ctor(message);
    e.code = code;
    Object.defineProperty(e, 'toString', {
      value: function () { return this.name + ' [' + code + ']: ' + this.message; },
      writable: true, configurable: true
    });
    return e;
  }

  function describe(v) {
    if (v == null) return String(v);
    if (typeof v === 'function') return 'function ' + v.name;
    if (typeof v === 'object') return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
    var s = natives.inspect(v);
    if (s.length > 28) s = s.slice(0, 25) + '...';
    return 'type ' + typeof v + ' (' + s + ')';
  }

  function invalidType(name, type, v) {
    return codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "' + name + '" argument must be of type ' + type + '. Received ' + describe(v));
  }

  var defaultOptions = { showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
    maxArrayLength: 100, maxStringLength: 10000, breakLength: 128, compact: 3, sorted: false, getters: false,
    numericSeparator: false };

  function inspect(value, opts) {
    var depth = defaultOptions.depth;
    var colors = defaultOptions.colors;
    var custom = defaultOptions.customInspect;
    if (typeof opts === 'boolean') {
      // The legacy form inspect(value, showHidden, depth, colors).
      if (arguments.length > 2) depth = arguments[2];
      if (arguments.length > 3) colors = !!arguments[3];
    } else if (opts && typeof opts === 'object') {
      if ('depth' in opts) depth = opts.depth;
      if ('colors' in opts) colors = !!opts.colors;
      if ('customInspect' in opts) custom = !!opts.customInspect;
    }
    if (custom && value !== null && (typeof value === 'object' || typeof value === 'function') &&
        typeof value[customInspect] === 'function' && value[customInspect] !== inspect) {
      var ctx = { depth: depth, colors: colors, stylize: function (s) { return s; } };
      var r = value[customInspect](depth, ctx, inspect);
      if (r !== value) return typeof r === 'string' ? r : inspect(r, opts);
    }
    return natives.inspect(value, depth, colors);
  }
  inspect.custom = customInspect;
  inspect.defaultOptions = defaultOptions;
  inspect.colors = { bold: [1, 22], italic: [3, 23], underline: [4, 24], inverse: [7, 27], white: [37, 39],
    grey: [90, 39], black: [30, 39], blue: [34, 39], cyan: [36, 39], green: [32, 39], magenta: [35, 39],
    red: [31, 39], yellow: [33, 39] };
  inspect.styles = { special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey',
    null: 'bold', string: 'green', symbol: 'green', date: 'magenta', regexp: 'red', module: 'underline' };

  function formatNumber(n) { return Object.is(n, -0) ? '-0' : String(n); }

  var builtIns = ['Object', 'Error', 'Array', 'Function', 'Date', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet',
    'Promise', 'Number', 'String', 'Boolean', 'Symbol', 'BigInt', 'ArrayBuffer', 'DataView', 'Uint8Array',
    'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
    'Uint8ClampedArray', 'BigInt64Array', 'BigUint64Array', 'TypeError', 'RangeError', 'SyntaxError',
    'ReferenceError', 'EvalError', 'URIError', 'AggregateError'];

  function hasBuiltInToString(value) {
    if (typeof value.toString !== 'function') return true;
    if (hasOwn.call(value, 'toString')) return false;
    var p = value;
    do { p = Object.getPrototypeOf(p); } while (p && !hasOwn.call(p, 'toString'));
    if (!p) return true;
    var d = Object.getOwnPropertyDescriptor(p, 'constructor');
    return d !== undefined && typeof d.value === 'function' && builtIns.indexOf(d.value.name) >= 0;
  }

  function tryStringify(v) {
    try {
      return JSON.stringify(v);
    } catch (e) {
      if (e instanceof TypeError && /circular|cycle/i.test(e.message)) return '[Circular]';
      throw e;
    }
  }

  function formatWithOptionsInternal(opts, args) {
    var first = args[0];
    var a = 0, str = '', join = '';
    if (typeof first === 'string') {
      if (args.length === 1) return first;
      var tempStr, lastPos = 0;
      for (var i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) !== 37) continue;
        var next = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          var v;
          switch (next) {
            case 115: // s
              v = args[++a];
              if (typeof v === 'number') tempStr = formatNumber(v);
              else if (typeof v === 'bigint') tempStr = v + 'n';
              else if (typeof v !== 'object' || v === null || !hasBuiltInToString(v)) tempStr = String(v);
              else tempStr = natives.inspect(v, 0, false);
              break;
            case 106: // j
              tempStr = tryStringify(args[++a]);
              break;
            case 100: // d
              v = args[++a];
              if (typeof v === 'bigint') tempStr = v + 'n';
              else if (typeof v === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(Number(v));
              break;
            case 79: // O
              tempStr = inspect(args[++a], opts);
              break;
            case 111: // o
              tempStr = inspect(args[++a], Object.assign({}, opts, { showHidden: true, showProxy: true, depth: 4 }));
              break;
            case 105: // i
              v = args[++a];
              if (typeof v === 'bigint') tempStr = v + 'n';
              else if (typeof v === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(parseInt(v));
              break;
            case 102: // f
              v = args[++a];
              if (typeof v === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(parseFloat(v));
              break;
            case 99: // c
              a += 1;
              tempStr = '';
              break;
            case 37: // %
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (next === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
      if (lastPos !== 0) {
        a++;
        join = ' ';
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }
    while (a < args.length) {
      var value = args[a];
      str += join;
      str += typeof value !== 'string' ? inspect(value, opts) : value;
      join = ' ';
      a++;
    }
    return str;
  }

  function format() { return formatWithOptionsInternal(undefined, Array.prototype.slice.call(arguments)); }
  function formatWithOptions(opts) {
    if (opts === null || typeof opts !== 'object') throw invalidType('inspectOptions', 'object', opts);
    return formatWithOptionsInternal(opts, Array.prototype.slice.call(arguments, 1));
  }

  function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw invalidType('ctor', 'function', ctor);
    if (superCtor === undefined || superCtor === null) throw invalidType('superCtor', 'function', superCtor);
    if (superCtor.prototype === undefined) {
      throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "superCtor.prototype" property must be of type object. Received undefined');
    }
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  function promisify(original) {
    if (typeof original !== 'function') throw invalidType('original', 'function', original);
    if (original[customPromisify]) {
      var fn = original[customPromisify];
      if (typeof fn !== 'function') throw invalidType('util.promisify.custom', 'function', fn);
      Object.defineProperty(fn, customPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
      return fn;
    }
    function promisified() {
      var self = this;
      var args = Array.prototype.slice.call(arguments);
      return new Promise(function (resolve, reject) {
        args.push(function (err, value) {
          if (err) return reject(err);
          resolve(value);
        });
        original.apply(self, args);
      });
    }
    Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
    Object.defineProperty(promisified, customPromisify, { value: promisified, enumerable: false, writable: false, configurable: true });
    var descs = Object.getOwnPropertyDescriptors(original);
    Object.keys(descs).forEach(function (k) {
      if (k === 'length' || k === 'name' || k === 'prototype') return;
      Object.defineProperty(promisified, k, descs[k]);
    });
    return promisified;
  }
  promisify.custom = customPromisify;

  function callbackify(original) {
    if (typeof original !== 'function') throw invalidType('original', 'function', original);
    function callbackified() {
      var args = Array.prototype.slice.call(arguments);
      var cb = args.pop();
      if (typeof cb !== 'function') throw invalidType('last argument', 'function', cb);
      var self = this;
      original.apply(this, args).then(function (ret) {
        runtime.later(function () { cb.call(self, null, ret); });
      }, function (rej) {
        if (!rej) {
          var e = codeError(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
          e.reason = rej;
          rej = e;
        }
        runtime.later(function () { cb.call(self, rej); });
      });
    }
    Object.defineProperty(callbackified, 'length', { value: original.length + 1, configurable: true });
    Object.defineProperty(callbackified, 'name', { value: original.name + 'Callbackified', configurable: true });
    return callbackified;
  }

  var warnedCodes = {};
  function warn(message, type, code) {
    if (typeof process === 'object' && process && typeof process.emitWarning === 'function') {
      process.emitWarning(message, type, code);
      return;
    }
    console.error('(node) ' + (code ? '[' + code + '] ' : '') + type + ': ' + message);
  }

  function deprecate(fn, msg, code) {
    if (typeof fn !== 'function') throw invalidType('fn', 'function', fn);
    var warned = false;
    function deprecated() {
      if (!warned && !(typeof process === 'object' && process && process.noDeprecation)) {
        warned = true;
        if (code === undefined || !warnedCodes[code]) {
          if (code !== undefined) warnedCodes[code] = true;
          warn(msg, 'DeprecationWarning', code);
        }
      }
      if (new.target) return Reflect.construct(fn, arguments, new.target);
      return fn.apply(this, arguments);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }

  // ---- types
  function tag(v) { return toStr.call(v).slice(8, -1); }
  function isObj(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
  var typedNames = ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array',
    'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
  var TypedArray = Object.getPrototypeOf(Uint8Array);
  function typedTag(v) {
    if (!(v instanceof TypedArray)) return undefined;
    return Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get.call(v);
  }
  function fnKind(v) {
    if (typeof v !== 'function') return '';
    var c = v.constructor && v.constructor.name;
    return c || '';
  }
  var types = {
    isDate: function (v) { return v instanceof Date; },
    isRegExp: function (v) { return v instanceof RegExp; },
    isMap: function (v) { return v instanceof Map; },
    isSet: function (v) { return v instanceof Set; },
    isWeakMap: function (v) { return v instanceof WeakMap; },
    isWeakSet: function (v) { return v instanceof WeakSet; },
    isPromise: function (v) { return v instanceof Promise; },
    isNativeError: function (v) { return v instanceof Error; },
    isArrayBuffer: function (v) { return v instanceof ArrayBuffer; },
    isSharedArrayBuffer: function (v) { return typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer; },
    isAnyArrayBuffer: function (v) { return types.isArrayBuffer(v) || types.isSharedArrayBuffer(v); },
    isArrayBufferView: function (v) { return ArrayBuffer.isView(v); },
    isDataView: function (v) { return v instanceof DataView; },
    isTypedArray: function (v) { return typedTag(v) !== undefined; },
    isAsyncFunction: function (v) { var k = fnKind(v); return k === 'AsyncFunction' || k === 'AsyncGeneratorFunction'; },
    isGeneratorFunction: function (v) { var k = fnKind(v); return k === 'GeneratorFunction' || k === 'AsyncGeneratorFunction'; },
    isGeneratorObject: function (v) { return isObj(v) && tag(v) === 'Generator'; },
    isMapIterator: function (v) { return isObj(v) && tag(v) === 'Map Iterator'; },
    isSetIterator: function (v) { return isObj(v) && tag(v) === 'Set Iterator'; },
    isNumberObject: function (v) { return v instanceof Number; },
    isStringObject: function (v) { return v instanceof String; },
    isBooleanObject: function (v) { return v instanceof Boolean; },
    isBigIntObject: function (v) { return typeof BigInt === 'function' && isObj(v) && v instanceof BigInt; },
    isSymbolObject: function (v) { return isObj(v) && v instanceof Symbol; },
    isBoxedPrimitive: function (v) {
      return types.isNumberObject(v) || types.isStringObject(v) || types.isBooleanObject(v) ||
        types.isBigIntObject(v) || types.isSymbolObject(v);
    },
    isArgumentsObject: function (v) { return isObj(v) && tag(v) === 'Arguments'; },
    isProxy: function () { return false; },
    isExternal: function () { return false; },
    isModuleNamespaceObject: function (v) { return isObj(v) && tag(v) === 'Module'; },
    isWeakRef: function (v) { return typeof WeakRef === 'function' && v instanceof WeakRef; }
  };
  typedNames.forEach(function (n) {
    types['is' + n] = function (v) { return typedTag(v) === n; };
  });

  // ---- deep equality (util.isDeepStrictEqual, assert.deepEqual and deepStrictEqual)
  function ownKeys(o, strict) {
    var keys = Object.keys(o);
    if (strict) {
      Object.getOwnPropertySymbols(o).forEach(function (s) {
        if (Object.prototype.propertyIsEnumerable.call(o, s)) keys.push(s);
      });
    }
    return keys;
  }

  function deepEqual(a, b, strict, memo) {
    if (a === b) return a !== 0 || !strict || Object.is(a, b);
    if (strict) {
      if (typeof a !== 'object' || a === null) return typeof b !== 'object' && typeof a !== 'function' && Object.is(a, b);
      if (typeof b !== 'object' || b === null) return false;
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    } else {
      if (a === null || typeof a !== 'object') {
        if (b === null || typeof b !== 'object') return a == b || (a !== a && b !== b);
        return false;
      }
      if (b === null || typeof b !== 'object') return false;
    }
    var ta = tag(a), tb = tag(b);
    if (ta !== tb) return false;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
    } else if (ta === 'Object' && (Array.isArray(b))) {
      return false;
    }
    if (a instanceof Date) {
      if (!(b instanceof Date) || a.getTime() !== b.getTime()) return false;
    } else if (a instanceof RegExp) {
      if (!(b instanceof RegExp) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
    } else if (a instanceof Error) {
      if (!(b instanceof Error) || a.message !== b.message || a.name !== b.name) return false;
    } else if (ArrayBuffer.isView(a)) {
      if (!ArrayBuffer.isView(b) || a.byteLength !== b.byteLength) return false;
      if (typedTag(a) !== typedTag(b)) return false;
      if (!strict && (typedTag(a) === 'Float32Array' || typedTag(a) === 'Float64Array')) {
        for (var f = 0; f < a.length; f++) if (a[f] !== b[f]) return false;
      } else {
        var ua = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        var ub = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
        for (var j = 0; j < ua.length; j++) if (ua[j] !== ub[j]) return false;
      }
    } else if (types.isBoxedPrimitive(a)) {
      if (!types.isBoxedPrimitive(b) || !Object.is(a.valueOf(), b.valueOf())) return false;
    } else if (a instanceof ArrayBuffer) {
      if (!(b instanceof ArrayBuffer) || a.byteLength !== b.byteLength) return false;
      var xa = new Uint8Array(a), xb = new Uint8Array(b);
      for (var k = 0; k < xa.length; k++) if (xa[k] !== xb[k]) return false;
    }
    var ka = ownKeys(a, strict), kb = ownKeys(b, strict);
    if (ka.length !== kb.length) return false;
    for (var i = 0; i < ka.length; i++) {
      if (!Object.prototype.propertyIsEnumerable.call(b, ka[i])) return false;
    }
    memo = memo || { a: [], b: [] };
    for (var m = 0; m < memo.a.length; m++) {
      if (memo.a[m] === a && memo.b[m] === b) return true;
    }
    memo.a.push(a);
    memo.b.push(b);
    var ok = true;
    if (a instanceof Map) ok = b instanceof Map && mapEqual(a, b, strict, memo);
    else if (a instanceof Set) ok = b instanceof Set && setEqual(a, b, strict, memo);
    for (var n = 0; ok && n < ka.length; n++) {
      if (!deepEqual(a[ka[n]], b[ka[n]], strict, memo)) ok = false;
    }
    memo.a.pop();
    memo.b.pop();
    return ok;
  }

  function setEqual(a, b, strict, memo) {
    if (a.size !== b.size) return false;
    var rest = [];
    b.forEach(function (v) { rest.push(v); });
    var ok = true;
    a.forEach(function (v) {
      if (!ok) return;
      if (b.has(v) && (typeof v !== 'object' || v === null)) {
        var at = rest.indexOf(v);
        if (at >= 0) rest.splice(at, 1);
        return;
      }
      for (var i = 0; i < rest.length; i++) {
        if (deepEqual(v, rest[i], strict, memo)) {
          rest.splice(i, 1);
          return;
        }
      }
      ok = false;
    });
    return ok;
  }

  function mapEqual(a, b, strict, memo) {
    if (a.size !== b.size) return false;
    var rest = [];
    b.forEach(function (v, k) { rest.push([k, v]); });
    var ok = true;
    a.forEach(function (v, k) {
      if (!ok) return;
      for (var i = 0; i < rest.length; i++) {
        if (deepEqual(k, rest[i][0], strict, memo) && deepEqual(v, rest[i][1], strict, memo)) {
          rest.splice(i, 1);
          return;
        }
      }
      ok = false;
    });
    return ok;
  }

  function isDeepStrictEqual(a, b) { return deepEqual(a, b, true); }

  var util = {
    format: format,
    formatWithOptions: formatWithOptions,
    inspect: inspect,
    inherits: inherits,
    promisify: promisify,
    callbackify: callbackify,
    deprecate: deprecate,
    types: types,
    isDeepStrictEqual: isDeepStrictEqual,
    debuglog: function debuglog() {
      var f = function () {};
      f.enabled = false;
      return f;
    },
    toUSVString: function toUSVString(s) { return String(s).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, function (m) { return m.length === 2 ? m[0] + '\ufffd' : '\ufffd'; }); },
    stripVTControlCharacters: function stripVTControlCharacters(s) {
      if (typeof s !== 'string') throw invalidType('str', 'string', s);
      return s.replace(/[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d\/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d\/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, '');
    },
    isArray: Array.isArray,
    isBoolean: function (v) { return typeof v === 'boolean'; },
    isNull: function (v) { return v === null; },
    isNullOrUndefined: function (v) { return v == null; },
    isNumber: function (v) { return typeof v === 'number'; },
    isString: function (v) { return typeof v === 'string'; },
    isSymbol: function (v) { return typeof v === 'symbol'; },
    isUndefined: function (v) { return v === undefined; },
    isRegExp: types.isRegExp,
    isObject: function (v) { return v !== null && typeof v === 'object'; },
    isDate: types.isDate,
    isError: function (v) { return v instanceof Error; },
    isFunction: function (v) { return typeof v === 'function'; },
    isPrimitive: function (v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); },
    isBuffer: function (v) { return typeof Buffer === 'function' && Buffer.isBuffer(v); }
  };
  ['TextEncoder', 'TextDecoder'].forEach(function (name) {
    Object.defineProperty(util, name, {
      enumerable: true, configurable: true,
      get: function () { return typeof globalThis[name] === 'function' ? globalThis[name] : undefined; }
    });
  });
  return { exports: util, hooks: { deepEqual: deepEqual } };
})
