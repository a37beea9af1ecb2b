// Node 20's everyday globals (setImmediate, queueMicrotask, structuredClone, atob/btoa,
// TextEncoder/TextDecoder, URL), the console methods beyond log/info/debug/warn/error, and the
// timers and timers/promises modules, over the natives of globals.go.
(function (natives, runtime) {
  function invalidArg(name, what, value) {
    var shown = value === undefined ? 'undefined' : value === null ? 'null' :
      typeof value === 'function' ? 'function ' + (value.name || '') :
      typeof value === 'object' ? 'an instance of ' + ((value.constructor && value.constructor.name) || 'Object') :
      'type ' + typeof value + ' (' + (typeof value === 'string' ? "'" + value + "'" : String(value)) + ')';
    var e = new TypeError('The "' + name + '" argument must be ' + what + '. Received ' + shown);
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  }

  function rethrowLater(e) { natives.throwSoon(e); }

  // setImmediate: the callback runs on a later turn of the loop, after what is already queued.
  function Immediate(fn, args) {
    this._onImmediate = fn;
    this._args = args;
    this._cleared = false;
  }
  Immediate.prototype.ref = function () { return this; };
  Immediate.prototype.unref = function () { return this; };
  Immediate.prototype.hasRef = function () { return !this._cleared; };
  function setImmediate(callback) {
    if (typeof callback !== 'function') throw invalidArg('callback', 'of type function', callback);
    var imm = new Immediate(callback, Array.prototype.slice.call(arguments, 1));
    natives.post(function () {
      if (imm._cleared) return;
      imm._cleared = true;
      imm._onImmediate.apply(imm, imm._args);
    });
    return imm;
  }
  function clearImmediate(imm) {
    if (imm instanceof Immediate) imm._cleared = true;
  }

  var resolved = Promise.resolve();
  function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw invalidArg('callback', 'of type function', callback);
    resolved.then(function () {
      try { callback(); } catch (e) { rethrowLater(e); }
    });
  }

  // structuredClone: the HTML structured clone of plain data (cycles and shared references
  // kept); functions, symbols and other host objects cannot be cloned.
  function cloneError(value) {
    var e = new Error((typeof value === 'function' ? String(value) : typeof value === 'symbol' ? String(value) :
      'Object') + ' could not be cloned.');
    e.name = 'DataCloneError';
    e.code = 25;
    return e;
  }
  function structuredClone(value) {
    if (arguments.length === 0) {
      var e = new TypeError('The "value" argument must be specified');
      e.code = 'ERR_MISSING_ARGS';
      throw e;
    }
    var seen = new Map();
    function clone(v) {
      if (typeof v === 'function' || typeof v === 'symbol') throw cloneError(v);
      if (v === null || typeof v !== 'object') return v;
      if (seen.has(v)) return seen.get(v);
      var out, tag = Object.prototype.toString.call(v);
      if (tag === '[object Date]') out = new Date(v.getTime());
      else if (tag === '[object RegExp]') out = new RegExp(v.source, v.flags);
      else if (tag === '[object Boolean]') out = Object(v.valueOf());
      else if (tag === '[object Number]') out = Object(v.valueOf());
      else if (tag === '[object String]') out = Object(v.valueOf());
      else if (tag === '[object BigInt]') out = Object(v.valueOf());
      else if (v instanceof ArrayBuffer) out = v.slice(0);
      else if (ArrayBuffer.isView(v)) {
        var buf = clone(v.buffer);
        var Ctor = v instanceof DataView ? DataView : Object.getPrototypeOf(Object.getPrototypeOf(v)) === Uint8Array.prototype ? Uint8Array : v.constructor;
        out = Ctor === DataView ? new DataView(buf, v.byteOffset, v.byteLength) : new Ctor(buf, v.byteOffset, v.length);
      } else if (v instanceof Map) {
        out = new Map();
        seen.set(v, out);
        v.forEach(function (val, key) { out.set(clone(key), clone(val)); });
        return out;
      } else if (v instanceof Set) {
        out = new Set();
        seen.set(v, out);
        v.forEach(function (val) { out.add(clone(val)); });
        return out;
      } else if (v instanceof Error) {
        var Ctors = { EvalError: EvalError, RangeError: RangeError, ReferenceError: ReferenceError,
          SyntaxError: SyntaxError, TypeError: TypeError, URIError: URIError };
        var ECtor = Ctors[v.name] || Error;
        out = Object.create(ECtor.prototype);
        seen.set(v, out);
        Object.defineProperty(out, 'message', { value: String(v.message), writable: true, configurable: true });
        Object.defineProperty(out, 'stack', { value: v.stack, writable: true, configurable: true });
        if ('cause' in v) Object.defineProperty(out, 'cause', { value: clone(v.cause), writable: true, configurable: true });
        return out;
      } else if (Array.isArray(v)) {
        out = new Array(v.length);
        seen.set(v, out);
        Object.keys(v).forEach(function (k) { out[k] = clone(v[k]); });
        return out;
      } else if (tag === '[object Object]' || tag === '[object Arguments]') {
        out = {};
        seen.set(v, out);
        Object.keys(v).forEach(function (k) { out[k] = clone(v[k]); });
        return out;
      } else {
        throw cloneError(v);
      }
      seen.set(v, out);
      return out;
    }
    return clone(value);
  }

  function atob(data) { return natives.atob.apply(undefined, arguments); }
  function btoa(data) { return natives.btoa.apply(undefined, arguments); }

  // TextEncoder / TextDecoder: UTF-8.
  function TextEncoder() {}
  Object.defineProperty(TextEncoder.prototype, 'encoding', { get: function () { return 'utf-8'; } });
  TextEncoder.prototype.encode = function encode(input) {
    return new Uint8Array(natives.encodeUTF8(input === undefined ? '' : String(input)));
  };
  TextEncoder.prototype.encodeInto = function encodeInto(src, dest) {
    var read = 0, written = 0, s = String(src);
    for (var i = 0; i < s.length; i++) {
      var c = s.codePointAt(i), units = c > 0xFFFF ? 2 : 1;
      var bytes = new Uint8Array(natives.encodeUTF8(s.substr(i, units)));
      if (written + bytes.length > dest.length) break;
      dest.set(bytes, written);
      written += bytes.length;
      read += units;
      i += units - 1;
    }
    return { read: read, written: written };
  };

  var UTF8_LABELS = { 'utf-8': true, 'utf8': true, 'unicode-1-1-utf-8': true };
  function TextDecoder(label, options) {
    var enc = label === undefined ? 'utf-8' : String(label).trim().toLowerCase();
    if (!UTF8_LABELS[enc]) {
      var e = new RangeError('The "' + label + '" encoding is not supported');
      e.code = 'ERR_ENCODING_NOT_SUPPORTED';
      throw e;
    }
    options = options || {};
    this._fatal = !!options.fatal;
    this._ignoreBOM = !!options.ignoreBOM;
    this._pending = null;
    this._bomSeen = false;
  }
  Object.defineProperty(TextDecoder.prototype, 'encoding', { get: function () { return 'utf-8'; } });
  Object.defineProperty(TextDecoder.prototype, 'fatal', { get: function () { return this._fatal; } });
  Object.defineProperty(TextDecoder.prototype, 'ignoreBOM', { get: function () { return this._ignoreBOM; } });
  TextDecoder.prototype.decode = function decode(input, options) {
    var bytes;
    if (input === undefined || input === null) bytes = new Uint8Array(0);
    else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else throw invalidArg('input', 'an instance of ArrayBuffer or ArrayBufferView', input);
    if (this._pending) {
      var joined = new Uint8Array(this._pending.length + bytes.length);
      joined.set(this._pending, 0);
      joined.set(bytes, this._pending.length);
      bytes = joined;
      this._pending = null;
    }
    var stream = !!(options && options.stream);
    if (stream) {
      var tail = natives.utf8Tail(bytes);
      if (tail > 0) {
        this._pending = bytes.slice(bytes.length - tail);
        bytes = bytes.subarray(0, bytes.length - tail);
      }
    }
    var text = natives.decodeUTF8(bytes, this._fatal);
    if (!this._bomSeen && text.length > 0) {
      this._bomSeen = true;
      if (!this._ignoreBOM && text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
    }
    if (!stream) this._bomSeen = false;
    return text;
  };

  // console: the methods beyond log/info/debug/warn/error, formatted as Node 20 formats them.
  var groupIndent = '';
  function emit(fd, text) {
    if (groupIndent) text = groupIndent + text.split('\n').join('\n' + groupIndent);
    natives.write(fd, text + '\n');
  }
  function out() { emit(1, natives.format.apply(undefined, arguments)); }
  function err() { emit(2, natives.format.apply(undefined, arguments)); }
  function warning(msg) {
    natives.write(2, '(node:' + natives.pid + ') Warning: ' + msg + '\n');
  }
  function label(l) { return l === undefined ? 'default' : String(l); }
  function formatTime(ms) {
    var hours = 0, minutes = 0, seconds = 0;
    if (ms >= 1000) {
      if (ms >= 60000) {
        if (ms >= 3600000) { hours = Math.floor(ms / 3600000); ms -= hours * 3600000; }
        minutes = Math.floor(ms / 60000);
        ms -= minutes * 60000;
      }
      seconds = ms / 1000;
    }
    function pad(n) { return n < 10 ? '0' + n : String(n); }
    if (hours !== 0 || minutes !== 0) {
      var parts = seconds.toFixed(3).split('.');
      var res = hours !== 0 ? hours + ':' + pad(minutes) : String(minutes);
      return res + ':' + pad(Number(parts[0])) + '.' + parts[1] + ' (' + (hours !== 0 ? 'h:mm' : '') + 'm:ss.mmm)';
    }
    if (seconds !== 0) return seconds.toFixed(3) + 's';
    return Number(ms.toFixed(3)) + 'ms';
  }
  var timers = new Map(), counts = new Map();
  var consoleExtra = {
    dir: function dir(obj, options) {
      var depth = options && 'depth' in options ? options.depth : 2;
      emit(1, natives.inspect(obj, depth));
    },
    dirxml: function dirxml() { out.apply(undefined, arguments); },
    time: function time(l) {
      l = label(l);
      if (timers.has(l)) { warning("Label '" + l + "' already exists for console.time()"); return; }
      timers.set(l, natives.now());
    },
    timeEnd: function timeEnd(l) {
      l = label(l);
      if (!timers.has(l)) { warning("No such label '" + l + "' for console.timeEnd()"); return; }
      out('%s: %s', l, formatTime(natives.now() - timers.get(l)));
      timers.delete(l);
    },
    timeLog: function timeLog(l) {
      l = label(l);
      if (!timers.has(l)) { warning("No such label '" + l + "' for console.timeLog()"); return; }
      var rest = Array.prototype.slice.call(arguments, 1);
      out.apply(undefined, ['%s: %s', l, formatTime(natives.now() - timers.get(l))].concat(rest));
    },
    count: function count(l) {
      l = label(l);
      var n = (counts.get(l) || 0) + 1;
      counts.set(l, n);
      out('%s: %s', l, n);
    },
    countReset: function countReset(l) {
      l = label(l);
      if (!counts.has(l)) { warning("Count for '" + l + "' does not exist"); return; }
      counts.delete(l);
    },
    assert: function assert(value) {
      if (value) return;
      var args = Array.prototype.slice.call(arguments, 1);
      if (typeof args[0] === 'string') args[0] = 'Assertion failed: ' + args[0];
      else args.unshift('Assertion failed');
      err.apply(undefined, args);
    },
    trace: function trace() {
      var e = new Error(natives.format.apply(undefined, arguments));
      var lines = String(e.stack).split('\n').slice(2);
      emit(2, 'Trace: ' + e.message + (lines.length ? '\n' + lines.join('\n') : ''));
    },
    group: function group() {
      if (arguments.length > 0) out.apply(undefined, arguments);
      groupIndent += '  ';
      indentConsole();
    },
    groupEnd: function groupEnd() {
      groupIndent = groupIndent.slice(0, Math.max(0, groupIndent.length - 2));
    },
    table: function table(data, properties) {
      if (data === null || typeof data !== 'object') { out(data); return; }
      emit(1, renderTable(data, properties));
    }
  };
  consoleExtra.groupCollapsed = consoleExtra.group;

  // Once a group is open, the plain console methods indent too.
  var indented = false;
  function indentConsole() {
    if (indented || typeof console !== 'object') return;
    indented = true;
    ['log', 'info', 'debug'].forEach(function (m) { console[m] = out; });
    ['warn', 'error'].forEach(function (m) { console[m] = err; });
  }

  function cell(v) {
    return natives.inspect(v, 1).replace(/\s*\n\s*/g, ' ');
  }
  function width(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.codePointAt(i);
      if (c > 0xFFFF) i++;
      n += (c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x20000 && c <= 0x3FFFD))) ? 2 : 1;
    }
    return n;
  }
  function renderTable(data, properties) {
    var keys = [], rows = [], hasValues = false, index = [];
    var isMap = data instanceof Map, isSet = data instanceof Set;
    var entries = [];
    if (isMap) { var i = 0; data.forEach(function (v, k) { entries.push([String(i++), v, k]); }); }
    else if (isSet) { var j = 0; data.forEach(function (v) { entries.push([String(j++), v]); }); }
    else Object.keys(data).forEach(function (k) { entries.push([k, data[k]]); });
    var head = [isMap || isSet ? '(iteration index)' : '(index)'];
    if (isMap) head.push('Key');
    entries.forEach(function (e) {
      var v = e[1], row = {};
      index.push(isMap || isSet ? e[0] : e[0]);
      if (v !== null && typeof v === 'object' && !isSet) {
        var ks = properties || Object.keys(v);
        ks.forEach(function (k) {
          if (keys.indexOf(k) < 0) keys.push(k);
          if (Object.prototype.hasOwnProperty.call(v, k)) row[k] = cell(v[k]);
        });
      } else {
        hasValues = true;
        row['\u0000values'] = cell(v);
      }
      if (isMap) row['\u0000key'] = cell(e[2]);
      rows.push(row);
    });
    if (properties) keys = properties.slice();
    var cols = (isMap ? ['\u0000key'] : []).concat(keys);
    head = head.concat(keys);
    if (hasValues) { cols.push('\u0000values'); head.push('Values'); }
    var table = rows.map(function (row, r) {
      return [index[r]].concat(cols.map(function (c) { return Object.prototype.hasOwnProperty.call(row, c) ? row[c] : ''; }));
    });
    var widths = head.map(function (h, c) {
      var w = width(h);
      table.forEach(function (line) { w = Math.max(w, width(line[c])); });
      return w + 2;
    });
    function line(l, m, r) {
      return l + widths.map(function (w) { return '─'.repeat(w); }).join(m) + r;
    }
    function render(cells) {
      return '│' + cells.map(function (s, c) {
        return ' ' + s + ' '.repeat(widths[c] - width(s) - 1);
      }).join('│') + '│';
    }
    var outLines = [line('┌', '┬', '┐'), render(head), line('├', '┼', '┤')];
    table.forEach(function (cells) { outLines.push(render(cells)); });
    outLines.push(line('└', '┴', '┘'));
    return outLines.join('\n');
  }

  // timers and timers/promises.
  var timersModule = {
    setTimeout: natives.setTimeout, clearTimeout: natives.clearTimer,
    setInterval: natives.setInterval, clearInterval: natives.clearTimer,
    setImmediate: setImmediate, clearImmediate: clearImmediate
  };
  function abortError(signal) {
    var e = new Error('The operation was aborted');
    e.name = 'AbortError';
    e.code = 'ABORT_ERR';
    if (signal && signal.reason !== undefined) e.cause = signal.reason;
    return e;
  }
  function checkOptions(options) {
    if (options === undefined) return {};
    if (options === null || typeof options !== 'object') throw invalidArg('options', 'of type object', options);
    return options;
  }
  var timersPromises = {
    setTimeout: function (delay, value, options) {
      try { options = checkOptions(options); } catch (e) { return Promise.reject(e); }
      var signal = options.signal;
      if (signal && signal.aborted) return Promise.reject(abortError(signal));
      return new Promise(function (resolve, reject) {
        var t = natives.setTimeout(function () { resolve(value); }, delay);
        if (options.ref === false && t.unref) t.unref();
        if (signal && signal.addEventListener) {
          signal.addEventListener('abort', function () { natives.clearTimer(t); reject(abortError(signal)); }, { once: true });
        }
      });
    },
    setImmediate: function (value, options) {
      try { options = checkOptions(options); } catch (e) { return Promise.reject(e); }
      var signal = options.signal;
      if (signal && signal.aborted) return Promise.reject(abortError(signal));
      return new Promise(function (resolve, reject) {
        var imm = setImmediate(function () { resolve(value); });
        if (signal && signal.addEventListener) {
          signal.addEventListener('abort', function () { clearImmediate(imm); reject(abortError(signal)); }, { once: true });
        }
      });
    },
    setInterval: function (delay, value) {
      // an async iterator yielding value every delay ms until return() is called
      var waiting = [], ticks = 0, done = false;
      var t = natives.setInterval(function () {
        if (waiting.length) waiting.shift()({ value: value, done: false });
        else ticks++;
      }, delay);
      var it = {
        next: function () {
          if (done) return Promise.resolve({ value: undefined, done: true });
          if (ticks > 0) { ticks--; return Promise.resolve({ value: value, done: false }); }
          return new Promise(function (resolve) { waiting.push(resolve); });
        },
        return: function () {
          done = true;
          natives.clearTimer(t);
          waiting.forEach(function (r) { r({ value: undefined, done: true }); });
          return Promise.resolve({ value: undefined, done: true });
        }
      };
      it[Symbol.asyncIterator] = function () { return it; };
      return it;
    },
    scheduler: {
      wait: function (delay, options) { return timersPromises.setTimeout(delay, undefined, options); },
      yield: function () { return timersPromises.setImmediate(); }
    }
  };
  timersModule.promises = timersPromises;

  return {
    exports: {
      setImmediate: setImmediate, clearImmediate: clearImmediate, queueMicrotask: queueMicrotask,
      structuredClone: structuredClone, atob: atob, btoa: btoa,
      TextEncoder: TextEncoder, TextDecoder: TextDecoder,
      console: consoleExtra, timers: timersModule, timersPromises: timersPromises
    }
  };
})
