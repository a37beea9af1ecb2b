// The process global (and require("process")): Node 20's process object over the natives of
// process.go. Its events come from Go through the hooks (exit, beforeExit, signals, uncaught
// exceptions, unhandled rejections, standard input).
(function (natives, runtime) {
  var EventEmitter = runtime.EventEmitter;
  var SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1, SIGUSR1: 10, SIGUSR2: 12, SIGQUIT: 3,
    SIGWINCH: 28, SIGBREAK: 21, SIGPIPE: 13, SIGALRM: 14, SIGCHLD: 17, SIGCONT: 18 };

  function hidden(obj, name, value) {
    Object.defineProperty(obj, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  function invalidType(name, what, value) {
    var e = new TypeError('The "' + name + '" argument must be ' + what + '. Received ' +
      (value === undefined ? 'undefined' : value === null ? 'null' : 'type ' + typeof value + ' (' + String(value) + ')'));
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  }

  // emitAll calls every listener of type with args as they are (no array spreading).
  function emitAll(emitter, type, args) {
    var list = emitter.listeners(type);
    if (!list || list.length === 0) return false;
    list = list.slice();
    for (var i = 0; i < list.length; i++) list[i].apply(emitter, args);
    return true;
  }

  function count(emitter, type) {
    var list = emitter.listeners(type);
    return list ? list.length : 0;
  }

  // A process-like emitter whose listener methods can watch what is listened for.
  function watchingEmitter(proto, onListen) {
    ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener'].forEach(function (m) {
      var base = EventEmitter.prototype[m] || EventEmitter.prototype.on;
      hidden(proto, m, function (type, listener) {
        var r = base.apply(this, arguments);
        onListen.call(this, type);
        return r;
      });
    });
    if (!proto.listenerCount) hidden(proto, 'listenerCount', function (type) { return count(this, type); });
    return proto;
  }

  var processProto = watchingEmitter(Object.create(EventEmitter.prototype), function (type) {
    if (Object.prototype.hasOwnProperty.call(SIGNALS, type)) natives.watchSignal(type);
  });
  Object.defineProperty(processProto, Symbol.toStringTag, { value: 'process', configurable: true });
  var process = Object.create(processProto);
  EventEmitter.call(process);

  process.title = 'node';
  process.version = natives.version;
  process.versions = { node: natives.version.slice(1), earlynode: natives.earlynode, go: natives.goVersion };
  process.release = { name: 'node' };
  process.arch = natives.arch;
  process.platform = natives.platform;
  process.argv = natives.argv;
  process.argv0 = natives.argv0;
  process.execArgv = [];
  process.execPath = natives.execPath;
  process.env = natives.env;
  process.pid = natives.pid;
  process.ppid = natives.ppid;
  process.exitCode = undefined;
  process.features = {};
  process.config = { variables: {} };

  process.cwd = function cwd() { return natives.cwd(); };
  process.chdir = function chdir(directory) { natives.chdir(directory); };
  process.umask = function umask(mask) { return natives.umask(mask); };
  process.uptime = function uptime() { return natives.uptime(); };
  process.getuid = function getuid() { return natives.ids()[0]; };
  process.geteuid = function geteuid() { return natives.ids()[1]; };
  process.getgid = function getgid() { return natives.ids()[2]; };
  process.getegid = function getegid() { return natives.ids()[3]; };
  process.getgroups = function getgroups() { return natives.ids().slice(4); };
  process.cpuUsage = function cpuUsage(prev) {
    var u = natives.cpuUsage(), r = { user: u[0], system: u[1] };
    if (prev) { r.user -= prev.user; r.system -= prev.system; }
    return r;
  };
  process.kill = function kill(pid, signal) { return natives.kill(pid, signal); };
  function hrtime(time) {
    if (time !== undefined && !Array.isArray(time)) throw invalidType('time', 'an instance of Array', time);
    return natives.hrtime(time);
  }
  hrtime.bigint = function bigint() { return natives.hrtimeBig(); };
  process.hrtime = hrtime;
  function memoryUsage() { return natives.memoryUsage(); }
  memoryUsage.rss = function rss() { return natives.rss(); };
  process.memoryUsage = memoryUsage;

  // exit: 'exit' listeners run once, with the code; a process.exit inside them sets the code.
  var exiting = false;
  process.exit = function exit(code) {
    if (code !== undefined && code !== null) process.exitCode = code;
    if (exiting) return;
    natives.nodeExit(process.exitCode === undefined ? 0 : process.exitCode | 0);
  };
  process.reallyExit = process.exit;
  process.abort = function abort() { natives.kill(natives.pid, 'SIGABRT'); };

  // nextTick callbacks run as microtasks, in the order queued; one that throws is an uncaught
  // exception once the current callback is done (before timers and I/O); the others still run.
  var ticks = [], tickHead = 0, tickScheduled = false, resolved = Promise.resolve();
  function runTicks() {
    tickScheduled = false;
    while (tickHead < ticks.length) {
      var t = ticks[tickHead];
      ticks[tickHead++] = undefined;
      try {
        t.fn.apply(undefined, t.args);
      } catch (e) {
        natives.throwSoon(e);
      }
    }
    ticks = [];
    tickHead = 0;
  }
  process.nextTick = function nextTick(callback) {
    if (typeof callback !== 'function') throw invalidType('callback', 'of type function', callback);
    ticks.push({ fn: callback, args: Array.prototype.slice.call(arguments, 1) });
    if (!tickScheduled) {
      tickScheduled = true;
      resolved.then(runTicks);
    }
  };

  process.emitWarning = function emitWarning(warning, type, code) {
    if (typeof type === 'object' && type !== null) { code = type.code; type = type.type; }
    var w = warning;
    if (!(w instanceof Error)) {
      w = new Error(String(warning));
      w.name = type || 'Warning';
      if (code) w.code = code;
    }
    natives.later(function () {
      if (!emitAll(process, 'warning', [w])) {
        natives.write(2, '(node:' + natives.pid + ') ' + (w.code ? '[' + w.code + '] ' : '') +
          w.name + ': ' + w.message + '\n');
      }
    });
  };

  // Standard output and error: writable streams through the ordered writers puts uses.
  function writable(fd) {
    var s = Object.create(EventEmitter.prototype);
    EventEmitter.call(s);
    s.fd = fd;
    s.writable = true;
    s._isStdio = true;
    if (natives.isTTY(fd)) s.isTTY = true;
    s.write = function write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw invalidType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
      }
      natives.write(fd, chunk, encoding);
      if (typeof cb === 'function') natives.later(cb, null);
      return true;
    };
    s.end = function end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (chunk !== undefined && chunk !== null) s.write(chunk, encoding);
      if (typeof cb === 'function') natives.later(cb);
      natives.later(function () { emitAll(s, 'finish', []); });
      return s;
    };
    s.cork = s.uncork = function () {};
    s.setDefaultEncoding = function () { return s; };
    s.destroy = function () { return s; };
    return s;
  }

  // Standard input: a readable stream that reads fd 0 while it flows (a data listener, resume
  // or pipe start it; pause stops it).
  var stdinProto = watchingEmitter(Object.create(EventEmitter.prototype), function (type) {
    if (type === 'data' && this._flowing !== false) this.resume();
  });
  function makeStdin() {
    var s = Object.create(stdinProto);
    EventEmitter.call(s);
    s.fd = 0;
    s.readable = true;
    s.readableEnded = false;
    s._flowing = null;
    s._encoding = null;
    if (natives.isTTY(0)) s.isTTY = true;
    s.setEncoding = function (enc) { s._encoding = enc || 'utf8'; return s; };
    s.resume = function () { s._flowing = true; natives.stdinStart(); return s; };
    s.pause = function () { s._flowing = false; natives.stdinStop(); return s; };
    s.isPaused = function () { return s._flowing === false; };
    s.pipe = function (dest, opts) {
      s.on('data', function (d) { dest.write(d); });
      if (!opts || opts.end !== false) s.on('end', function () { if (dest.end && !dest._isStdio) dest.end(); });
      return dest;
    };
    s.unref = s.ref = function () { return s; };
    s.destroy = function () { s.pause(); return s; };
    return s;
  }

  // utf8Tail is how many bytes at the end of buf begin a character not complete yet.
  function utf8Tail(buf) {
    for (var i = 1; i <= 3 && i <= buf.length; i++) {
      var b = buf[buf.length - i];
      if ((b & 0xC0) === 0x80) continue;
      var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      return need > i ? i : 0;
    }
    return 0;
  }

  var streams = {};
  function lazyStream(name, make) {
    Object.defineProperty(process, name, {
      configurable: true, enumerable: true,
      get: function () { return streams[name] || (streams[name] = make()); }
    });
  }
  lazyStream('stdout', function () { return writable(1); });
  lazyStream('stderr', function () { return writable(2); });
  lazyStream('stdin', makeStdin);

  return {
    exports: process,
    hooks: {
      exit: function (code) {
        exiting = true;
        process._exiting = true;
        process.exitCode = code;
        try { emitAll(process, 'exit', [code]); } catch (e) { /* the program is ending */ }
        return process.exitCode === undefined ? 0 : process.exitCode | 0;
      },
      exitCode: function () { return process.exitCode === undefined ? 0 : process.exitCode | 0; },
      beforeExit: function (code) { emitAll(process, 'beforeExit', [code]); },
      uncaughtException: function (err) {
        return emitAll(process, 'uncaughtException', [err, 'uncaughtException']);
      },
      unhandledRejection: function (reason, promise) {
        return emitAll(process, 'unhandledRejection', [reason, promise]);
      },
      signal: function (name) { return emitAll(process, name, [name, SIGNALS[name]]); },
      stdinData: function (chunk) {
        var utf8 = this._encoding && /^utf-?8$/i.test(this._encoding);
        if (utf8 && this._pending) {
          if (chunk === null) {
            emitAll(this, 'data', [this._pending.toString('utf8')]);
          } else {
            chunk = Buffer.concat([this._pending, chunk]);
          }
          this._pending = null;
        }
        if (chunk === null) {
          this.readable = false;
          this.readableEnded = true;
          emitAll(this, 'end', []);
          emitAll(this, 'close', []);
          return;
        }
        if (utf8) {
          // a character cut at the end of the chunk waits for the rest of it
          var tail = utf8Tail(chunk);
          if (tail > 0) {
            this._pending = chunk.slice(chunk.length - tail);
            chunk = chunk.slice(0, chunk.length - tail);
          }
        }
        emitAll(this, 'data', [this._encoding ? chunk.toString(this._encoding) : chunk]);
      }
    }
  };
})
