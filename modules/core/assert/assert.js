// require("assert"): Node 20's assert, written for earlynode. Deep equality is util's
// (natives.deepEqual(a, b, strict)); messages and diffs follow Node's.
(function (natives, runtime) {
  var util = natives.util;
  var deepEqual = natives.deepEqual;
  var inspect = util.inspect;

  var kReadableOperator = {
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: 'Expected values to be loosely deep-equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: 'Values have same structure but are not reference-equal:',
    notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:'
  };
  var kMaxShortLength = 12;

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
    var s = inspect(v);
    if (s.length > 28) s = s.slice(0, 25) + '...';
    return 'type ' + typeof v + ' (' + s + ')';
  }

  function invalidArgType(name, type, v) {
    return codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "' + name + '" argument must be ' + type + '. Received ' + describe(v));
  }

  // inspectValue is util.inspect with assert's options: one entry per line, keys sorted,
  // everything shown.
  function inspectValue(v, indent) {
    indent = indent || '';
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return inspect(v);
    if (typeof v === 'function' || v instanceof Date || v instanceof RegExp || v instanceof Error ||
        ArrayBuffer.isView(v) && !Array.isArray(v) || util.types.isBoxedPrimitive(v) || util.types.isPromise(v)) {
      return inspect(v, { depth: 1000 });
    }
    var seen = inspectValue.seen || (inspectValue.seen = []);
    if (seen.indexOf(v) >= 0) return '[Circular *1]';
    seen.push(v);
    try {
      var inner = indent + '  ';
      var out = [];
      var open = '{', close = '}', prefix = '';
      var ctor = Object.getPrototypeOf(v) === null ? null : (v.constructor && v.constructor.name);
      if (Array.isArray(v)) {
        open = '[';
        close = ']';
        for (var i = 0; i < v.length; i++) out.push(inspectValue(v[i], inner));
        if (ctor && ctor !== 'Array') prefix = ctor + '(' + v.length + ') ';
      } else if (v instanceof Map) {
        prefix = (ctor || 'Map') + '(' + v.size + ') ';
        v.forEach(function (val, key) { out.push(inspectValue(key, inner) + ' => ' + inspectValue(val, inner)); });
        out.sort();
      } else if (v instanceof Set) {
        prefix = (ctor || 'Set') + '(' + v.size + ') ';
        v.forEach(function (val) { out.push(inspectValue(val, inner)); });
        out.sort();
      } else if (ctor === null) {
        prefix = '[Object: null prototype] ';
      } else if (ctor !== 'Object') {
        prefix = ctor + ' ';
      }
      var keys = Object.keys(v).filter(function (k) { return !Array.isArray(v) || !/^\d+$/.test(k); }).sort();
      keys.forEach(function (k) {
        var name = /^[A-Za-z_$][\w$]*$/.test(k) ? k : inspect(k);
        out.push(name + ': ' + inspectValue(v[k], inner));
      });
      if (out.length === 0) return prefix + open + close;
      return prefix + open + '\n' + inner + out.join(',\n' + inner) + '\n' + indent + close;
    } finally {
      seen.pop();
    }
  }

  function createErrDiff(actual, expected, operator, header) {
    var other = '', res = '', end = '', skipped = false;
    var actualInspected = inspectValue(actual);
    var actualLines = actualInspected.split('\n');
    var expectedLines = inspectValue(expected).split('\n');
    var i = 0, indicator = '';
    if (operator === 'strictEqual' &&
        ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
         (typeof actual === 'function' && typeof expected === 'function'))) {
      operator = 'strictEqualObject';
    }
    var title = header !== undefined ? header : kReadableOperator[operator];
    if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
      var inputLength = actualLines[0].length + expectedLines[0].length;
      if (inputLength <= kMaxShortLength) {
        if ((typeof actual !== 'object' || actual === null) && (typeof expected !== 'object' || expected === null) &&
            (actual !== 0 || expected !== 0)) {
          return title + '\n\n' + actualLines[0] + ' !== ' + expectedLines[0] + '\n';
        }
      } else if (operator !== 'strictEqualObject') {
        if (inputLength < 80) {
          while (actualLines[0][i] === expectedLines[0][i]) i++;
          if (i > 2) {
            indicator = '\n  ' + ' '.repeat(i) + '^';
            i = 0;
          }
        }
      }
    }
    var a = actualLines[actualLines.length - 1];
    var b = expectedLines[expectedLines.length - 1];
    while (a === b) {
      if (i++ < 3) end = '\n  ' + a + end;
      else other = a;
      actualLines.pop();
      expectedLines.pop();
      if (actualLines.length === 0 || expectedLines.length === 0) break;
      a = actualLines[actualLines.length - 1];
      b = expectedLines[expectedLines.length - 1];
    }
    var maxLines = Math.max(actualLines.length, expectedLines.length);
    if (maxLines === 0) {
      var all = actualInspected.split('\n');
      if (all.length > 50) {
        all[46] = '...';
        while (all.length > 47) all.pop();
      }
      return kReadableOperator.notIdentical + '\n\n' + all.join('\n') + '\n';
    }
    if (i >= 5) {
      end = '\n...' + end;
      skipped = true;
    }
    if (other !== '') {
      end = '\n  ' + other + end;
      other = '';
    }
    var printedLines = 0, identical = 0;
    var msg = title + '\n+ actual - expected';
    var skippedMsg = ' ... Lines skipped';
    var lines = actualLines, plusMinus = '+', maxLength = expectedLines.length;
    if (actualLines.length < maxLines) {
      lines = expectedLines;
      plusMinus = '-';
      maxLength = actualLines.length;
    }
    function flushIdentical(from) {
      if (identical > 2) {
        if (identical > 3) {
          if (identical > 4) {
            if (identical === 5) {
              res += '\n  ' + from[i - 3];
              printedLines++;
            } else {
              res += '\n...';
              skipped = true;
            }
          }
          res += '\n  ' + from[i - 2];
          printedLines++;
        }
        res += '\n  ' + from[i - 1];
        printedLines++;
      }
      identical = 0;
    }
    for (i = 0; i < maxLines; i++) {
      if (maxLength < i + 1) {
        flushIdentical(lines);
        if (lines === actualLines) res += '\n' + plusMinus + ' ' + lines[i];
        else other += '\n' + plusMinus + ' ' + lines[i];
        printedLines++;
      } else {
        var expectedLine = expectedLines[i];
        var actualLine = actualLines[i];
        var diverging = actualLine !== expectedLine &&
          (actualLine.slice(-1) !== ',' || actualLine.slice(0, -1) !== expectedLine);
        if (diverging && expectedLine.slice(-1) === ',' && expectedLine.slice(0, -1) === actualLine) {
          diverging = false;
          actualLine += ',';
        }
        if (diverging) {
          flushIdentical(actualLines);
          res += '\n+ ' + actualLine;
          other += '\n- ' + expectedLine;
          printedLines += 2;
        } else {
          res += other;
          other = '';
          identical++;
          if (identical <= 2) {
            res += '\n  ' + actualLine;
            printedLines++;
          }
        }
      }
      if (printedLines > 50 && i < maxLines - 2) {
        return msg + skippedMsg + '\n' + res + '\n...' + other + '\n...';
      }
    }
    return msg + (skipped ? skippedMsg : '') + '\n' + res + other + end + indicator;
  }

  function AssertionError(options) {
    if (options === null || typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
    var message = options.message, operator = options.operator;
    var actual = options.actual, expected = options.expected;
    var text;
    if (message != null && !((operator === 'deepStrictEqual' || operator === 'strictEqual') && options.diff)) {
      text = String(message);
    } else if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      text = createErrDiff(actual, expected, operator, message != null ? String(message) : undefined);
    } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      var base = kReadableOperator[operator];
      var res = inspectValue(actual).split('\n');
      if (operator === 'notStrictEqual' && ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
        base = kReadableOperator.notStrictEqualObject;
      }
      if (res.length > 50) {
        res[46] = '...';
        while (res.length > 47) res.pop();
      }
      if (res.length === 1) text = base + (res[0].length > 5 ? '\n\n' : ' ') + res[0];
      else text = base + '\n\n' + res.join('\n') + '\n';
    } else {
      var r = inspectValue(actual);
      var o = inspectValue(expected);
      var known = kReadableOperator[operator];
      if (operator === 'notDeepEqual' && r === o) {
        r = known + '\n\n' + r;
        if (r.length > 1024) r = r.slice(0, 1021) + '...';
        text = r;
      } else {
        if (r.length > 512) r = r.slice(0, 509) + '...';
        if (o.length > 512) o = o.slice(0, 509) + '...';
        if (operator === 'deepEqual') {
          r = known + '\n\n' + r + '\n\nshould loosely deep-equal\n\n';
        } else {
          var newOp = kReadableOperator[operator + 'Unequal'];
          if (newOp) r = newOp + '\n\n' + r + '\n\nshould not loosely deep-equal\n\n';
          else o = ' ' + operator + ' ' + o;
        }
        text = r + o;
      }
    }
    var err = new Error(text);
    Object.setPrototypeOf(err, AssertionError.prototype);
    err.generatedMessage = message == null;
    Object.defineProperty(err, 'name', { value: 'AssertionError', enumerable: false, writable: true, configurable: true });
    err.code = 'ERR_ASSERTION';
    err.actual = actual;
    err.expected = expected;
    err.operator = operator;
    return err;
  }
  AssertionError.prototype = Object.create(Error.prototype, {
    constructor: { value: AssertionError, writable: true, configurable: true },
    toString: {
      value: function () { return this.name + ' [' + this.code + ']: ' + this.message; },
      writable: true, configurable: true
    }
  });

  function innerFail(obj) {
    if (obj.message instanceof Error) throw obj.message;
    throw new AssertionError(obj);
  }

  function innerOk(fnName, argLen, value, message) {
    if (value) return;
    var generated = false;
    if (argLen === 0) {
      generated = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generated = true;
      message = 'The expression evaluated to a falsy value:\n\n  ' + fnName + '(' + inspect(value) + ')\n';
    } else if (message instanceof Error) {
      throw message;
    }
    var err = new AssertionError({ actual: value, expected: true, message: message, operator: '==' });
    err.generatedMessage = generated;
    throw err;
  }

  function assert(value, message) { innerOk('assert', arguments.length, value, message); }
  function ok(value, message) { innerOk('assert.ok', arguments.length, value, message); }

  function fail(actual, expected, message, operator) {
    var argsLen = arguments.length;
    if (argsLen === 0) message = 'Failed';
    else if (argsLen === 1) {
      message = actual;
      actual = undefined;
    } else if (argsLen === 2) {
      operator = '!=';
    }
    if (message instanceof Error) throw message;
    var err = new AssertionError({ actual: actual, expected: expected, operator: operator === undefined ? 'fail' : operator, message: message });
    if (argsLen < 2) err.generatedMessage = argsLen === 0;
    throw err;
  }

  function checkArgs(n) {
    if (n < 2) throw codeError(TypeError, 'ERR_MISSING_ARGS', 'The "actual" and "expected" arguments must be specified');
  }

  function equal(actual, expected, message) {
    checkArgs(arguments.length);
    if (actual != expected && (actual === actual || expected === expected)) {
      innerFail({ actual: actual, expected: expected, message: message, operator: '==' });
    }
  }
  function notEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (actual == expected || (actual !== actual && expected !== expected)) {
      innerFail({ actual: actual, expected: expected, message: message, operator: '!=' });
    }
  }
  function strictEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (!Object.is(actual, expected)) {
      innerFail({ actual: actual, expected: expected, message: message, operator: 'strictEqual', diff: true });
    }
  }
  function notStrictEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (Object.is(actual, expected)) {
      innerFail({ actual: actual, expected: expected, message: message, operator: 'notStrictEqual' });
    }
  }
  function deepEqualFn(actual, expected, message) {
    checkArgs(arguments.length);
    if (!deepEqual(actual, expected, false)) {
      innerFail({ actual: actual, expected: expected, message: message, operator: 'deepEqual' });
    }
  }
  function notDeepEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (deepEqual(actual, expected, false)) {
      innerFail({ actual: actual, expected: expected, message: message, operator: 'notDeepEqual' });
    }
  }
  function deepStrictEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (!deepEqual(actual, expected, true)) {
      innerFail({ actual: actual, expected: expected, message: message, operator: 'deepStrictEqual', diff: true });
    }
  }
  function notDeepStrictEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (deepEqual(actual, expected, true)) {
      innerFail({ actual: actual, expected: expected, message: message, operator: 'notDeepStrictEqual' });
    }
  }

  var NO_EXCEPTION = {};

  function getActual(fn) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'of type function', fn);
    try {
      fn();
    } catch (e) {
      return e;
    }
    return NO_EXCEPTION;
  }

  function isClass(fn) {
    return typeof fn === 'function' && fn.prototype !== undefined &&
      (fn === Error || Error.prototype.isPrototypeOf(fn.prototype) || /^class\b/.test(Function.prototype.toString.call(fn)));
  }

  function expectedException(actual, expected, message, fn) {
    var generated = false;
    var throwError = false;
    if (typeof expected !== 'function') {
      if (expected instanceof RegExp) {
        var str = String(actual);
        if (expected.test(str)) return;
        if (!message) {
          generated = true;
          message = 'The input did not match the regular expression ' + inspect(expected) + '. Input:\n\n' + inspect(str) + '\n';
        }
        throwError = true;
      } else if (typeof actual !== 'object' || actual === null) {
        var e0 = new AssertionError({ actual: actual, expected: expected, message: message, operator: 'deepStrictEqual' });
        e0.operator = fn.name;
        throw e0;
      } else {
        var keys = Object.keys(expected);
        if (expected instanceof Error) keys.push('name', 'message');
        else if (keys.length === 0) throw codeError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'error' may not be an empty object. Received {}");
        for (var i = 0; i < keys.length; i++) {
          var key = keys[i];
          var ev = expected[key], av = actual[key];
          if (typeof av === 'string' && ev instanceof RegExp && ev.test(av)) continue;
          if (key in actual && deepEqual(av, ev, true)) continue;
          if (!message) {
            var a = new Comparison(actual, keys), b = new Comparison(expected, keys, actual);
            var err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual' });
            err.actual = actual;
            err.expected = expected;
            err.operator = fn.name;
            throw err;
          }
          innerFail({ actual: actual, expected: expected, message: message, operator: fn.name });
        }
        return;
      }
    } else if (expected.prototype !== undefined && actual instanceof expected) {
      return;
    } else if (Error.isPrototypeOf(expected) || expected === Error) {
      if (!message) {
        generated = true;
        message = 'The error is expected to be an instance of "' + expected.name + '". Received ';
        if (actual instanceof Error) message += '"' + actual.name + '"';
        else message += '"' + inspect(actual, { depth: -1 }) + '"';
        if (actual && actual.message !== undefined) message += '\n\nError message:\n\n' + actual.message;
      }
      throwError = true;
    } else {
      var res = expected.call({}, actual);
      if (res !== true) {
        if (!message) {
          generated = true;
          var name = expected.name ? '"' + expected.name + '" ' : '';
          message = 'The ' + name + 'validation function is expected to return "true". Received ' + inspect(res);
          if (actual instanceof Error) message += '\n\nCaught error:\n\n' + actual;
        }
        throwError = true;
      }
    }
    if (throwError) {
      var e = new AssertionError({ actual: actual, expected: expected, message: message, operator: fn.name });
      e.generatedMessage = generated;
      throw e;
    }
  }

  function Comparison(obj, keys, actual) {
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && obj[key] instanceof RegExp && obj[key].test(actual[key])) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }

  function expectsError(fn, actual, error, message) {
    if (typeof error === 'string') {
      if (arguments.length === 4) {
        throw invalidArgType('error', 'of type function or an instance of Error, RegExp, or Object', error);
      }
      message = error;
      error = undefined;
    } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
      throw invalidArgType('error', 'of type function or an instance of Error, RegExp, or Object', error);
    }
    if (actual === NO_EXCEPTION) {
      var details = '';
      if (error && error.name) details += ' (' + error.name + ')';
      details += message ? ': ' + message : '.';
      var fnType = fn === rejects ? 'rejection' : 'exception';
      innerFail({ actual: undefined, expected: error, operator: fn.name, message: 'Missing expected ' + fnType + details });
    }
    if (!error) return;
    expectedException(actual, error, message, fn);
  }

  function expectsNoError(fn, actual, error, message) {
    if (actual === NO_EXCEPTION) return;
    if (typeof error === 'string') {
      message = error;
      error = undefined;
    }
    if (!error || (error.prototype !== undefined && actual instanceof error) || (error instanceof RegExp && error.test(String(actual)))) {
      var details = message ? ': ' + message : '.';
      var fnType = fn === doesNotReject ? 'rejection' : 'exception';
      innerFail({
        actual: actual, expected: error, operator: fn.name,
        message: 'Got unwanted ' + fnType + details + '\nActual message: "' + (actual && actual.message) + '"'
      });
    }
    throw actual;
  }

  function throws(fn) {
    var args = Array.prototype.slice.call(arguments, 1);
    expectsError.apply(null, [throws, getActual(fn)].concat(args));
  }
  function doesNotThrow(fn) {
    var args = Array.prototype.slice.call(arguments, 1);
    expectsNoError.apply(null, [doesNotThrow, getActual(fn)].concat(args));
  }

  function waitForActual(promiseFn) {
    return Promise.resolve().then(function () {
      var p;
      if (typeof promiseFn === 'function') {
        p = promiseFn();
        if (!p || typeof p.then !== 'function') {
          throw codeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
            'Expected instance of Promise to be returned from the "promiseFn" function but got ' +
            (p === null ? 'null' : p === undefined ? 'undefined' : 'type ' + typeof p) + '.');
        }
      } else if (promiseFn && typeof promiseFn.then === 'function') {
        p = promiseFn;
      } else {
        throw invalidArgType('promiseFn', 'of type function or an instance of Promise', promiseFn);
      }
      return p.then(function () { return NO_EXCEPTION; }, function (e) { return e; });
    });
  }

  function rejects(promiseFn) {
    var args = Array.prototype.slice.call(arguments, 1);
    return waitForActual(promiseFn).then(function (actual) {
      expectsError.apply(null, [rejects, actual].concat(args));
    });
  }
  function doesNotReject(promiseFn) {
    var args = Array.prototype.slice.call(arguments, 1);
    return waitForActual(promiseFn).then(function (actual) {
      expectsNoError.apply(null, [doesNotReject, actual].concat(args));
    });
  }

  function ifError(err) {
    if (err !== null && err !== undefined) {
      var message = 'ifError got unwanted exception: ';
      if (typeof err === 'object' && typeof err.message === 'string') {
        if (err.message.length === 0 && err.constructor) message += err.constructor.name;
        else message += err.message;
      } else {
        message += inspect(err);
      }
      var e = new AssertionError({ actual: err, expected: null, operator: 'ifError', message: message });
      e.generatedMessage = false;
      throw e;
    }
  }

  function internalMatch(string, regexp, message, fn) {
    if (!(regexp instanceof RegExp)) throw invalidArgType('regexp', 'an instance of RegExp', regexp);
    var match = fn === match_;
    if (typeof string !== 'string' || regexp.test(string) !== match) {
      if (message instanceof Error) throw message;
      var generated = !message;
      message = message || (typeof string !== 'string' ?
        'The "string" argument must be of type string. Received type ' + typeof string + ' (' + inspect(string) + ')' :
        (match ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression ') +
        inspect(regexp) + '. Input:\n\n' + inspect(string) + '\n');
      var err = new AssertionError({ actual: string, expected: regexp, message: message, operator: fn.name });
      err.generatedMessage = generated;
      throw err;
    }
  }
  function match_(string, regexp, message) { internalMatch(string, regexp, message, match_); }
  function doesNotMatch(string, regexp, message) { internalMatch(string, regexp, message, doesNotMatch); }
  Object.defineProperty(match_, 'name', { value: 'match' });

  function fill(target) {
    target.fail = fail;
    target.ok = ok;
    target.equal = equal;
    target.notEqual = notEqual;
    target.deepEqual = deepEqualFn;
    target.notDeepEqual = notDeepEqual;
    target.deepStrictEqual = deepStrictEqual;
    target.notDeepStrictEqual = notDeepStrictEqual;
    target.strictEqual = strictEqual;
    target.notStrictEqual = notStrictEqual;
    target.throws = throws;
    target.rejects = rejects;
    target.doesNotThrow = doesNotThrow;
    target.doesNotReject = doesNotReject;
    target.ifError = ifError;
    target.match = match_;
    target.doesNotMatch = doesNotMatch;
    target.AssertionError = AssertionError;
  }
  Object.defineProperty(deepEqualFn, 'name', { value: 'deepEqual' });
  fill(assert);

  function strict(value, message) { innerOk('assert', arguments.length, value, message); }
  fill(strict);
  strict.equal = strictEqual;
  strict.deepEqual = deepStrictEqual;
  strict.notEqual = notStrictEqual;
  strict.notDeepEqual = notDeepStrictEqual;
  strict.strict = strict;
  assert.strict = strict;

  return { exports: assert };
})
