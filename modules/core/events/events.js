// require("events"): Node 20's EventEmitter, written for earlynode (docs/modern-buffer-and-modules.md).
(function (natives, runtime) {
  var kCapture = Symbol('kCapture');
  var errorMonitor = Symbol('events.errorMonitor');
  var defaultMaxListeners = 10;

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
    if (typeof v === 'function') return 'function ' + (v.name || '<anonymous>');
    if (v === null || v === undefined) return String(v);
    if (typeof v === 'object') return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
    var s = typeof v === 'string' ? "'" + v + "'" : String(v);
    return 'type ' + typeof v + ' (' + s + ')';
  }

  function checkListener(listener) {
    if (typeof listener !== 'function') {
      throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        'The "listener" argument must be of type function. Received ' +
        (listener == null ? String(listener) : describe(listener)));
    }
  }

  function checkMax(n, name) {
    if (typeof n !== 'number') {
      throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "' + name + '" argument must be of type number. Received ' + describe(n));
    }
    if (n < 0 || n !== n) {
      throw codeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "' + name + '" is out of range. It must be >= 0. Received ' + natives.inspect(n));
    }
  }

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }

  Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    enumerable: true,
    get: function () { return defaultMaxListeners; },
    set: function (n) { checkMax(n, 'defaultMaxListeners'); defaultMaxListeners = n; }
  });

  EventEmitter.init = function (opts) {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
    if (opts && opts.captureRejections) this[kCapture] = true;
  };

  var proto = EventEmitter.prototype;
  proto._events = undefined;
  proto._eventsCount = 0;
  proto._maxListeners = undefined;

  proto.setMaxListeners = function setMaxListeners(n) {
    checkMax(n, 'setMaxListeners');
    this._maxListeners = n;
    return this;
  };

  function maxOf(that) {
    return that._maxListeners === undefined ? defaultMaxListeners : that._maxListeners;
  }
  proto.getMaxListeners = function getMaxListeners() { return maxOf(this); };

  proto.emit = function emit(type) {
    var args = Array.prototype.slice.call(arguments, 1);
    var doError = type === 'error';
    var events = this._events;
    if (events !== undefined) {
      if (doError && events[errorMonitor] !== undefined) this.emit.apply(this, [errorMonitor].concat(args));
      doError = doError && events.error === undefined;
    } else if (!doError) {
      return false;
    }
    if (doError) {
      var er = args[0];
      if (er instanceof Error) throw er;
      var err = codeError(Error, 'ERR_UNHANDLED_ERROR',
        'Unhandled error. (' + natives.inspect(er) + ')');
      err.context = er;
      throw err;
    }
    var handler = events[type];
    if (handler === undefined) return false;
    if (typeof handler === 'function') {
      handler.apply(this, args);
    } else {
      var listeners = handler.slice();
      for (var i = 0; i < listeners.length; i++) listeners[i].apply(this, args);
    }
    return true;
  };

  function addListener(target, type, listener, prepend) {
    checkListener(listener);
    var events = target._events;
    if (events === undefined) {
      events = target._events = Object.create(null);
      target._eventsCount = 0;
    } else if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      events = target._events;
    }
    var existing = events[type];
    if (existing === undefined) {
      events[type] = listener;
      ++target._eventsCount;
      return target;
    }
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }
    var m = maxOf(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      var name = target.constructor && target.constructor.name || 'EventEmitter';
      var text = 'Possible EventEmitter memory leak detected. ' + existing.length + ' ' + String(type) +
        ' listeners added to [' + name + ']. Use emitter.setMaxListeners() to increase limit';
      var w = new Error(text);
      w.name = 'MaxListenersExceededWarning';
      w.emitter = target;
      w.type = type;
      w.count = existing.length;
      if (typeof process === 'object' && process && typeof process.emitWarning === 'function') {
        process.emitWarning(w);
      } else if (typeof console === 'object') {
        console.error('(node) MaxListenersExceededWarning: ' + text);
      }
    }
    return target;
  }

  proto.addListener = function addListener_(type, listener) { return addListener(this, type, listener, false); };
  proto.on = proto.addListener;
  proto.prependListener = function prependListener(type, listener) { return addListener(this, type, listener, true); };

  function onceWrapper(target, type, listener) {
    var state = { fired: false, target: target, type: type, listener: listener };
    function wrapped() {
      if (!state.fired) {
        state.target.removeListener(state.type, wrapped);
        state.fired = true;
        return state.listener.apply(state.target, arguments);
      }
    }
    wrapped.listener = listener;
    return wrapped;
  }

  proto.once = function once(type, listener) {
    checkListener(listener);
    this.on(type, onceWrapper(this, type, listener));
    return this;
  };
  proto.prependOnceListener = function prependOnceListener(type, listener) {
    checkListener(listener);
    this.prependListener(type, onceWrapper(this, type, listener));
    return this;
  };

  proto.removeListener = function removeListener(type, listener) {
    checkListener(listener);
    var events = this._events;
    if (events === undefined) return this;
    var list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
      if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
    } else if (typeof list !== 'function') {
      var position = -1;
      for (var i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
          position = i;
          break;
        }
      }
      if (position < 0) return this;
      list.splice(position, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
    }
    return this;
  };
  proto.off = proto.removeListener;

  proto.removeAllListeners = function removeAllListeners(type) {
    var events = this._events;
    if (events === undefined) return this;
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete events[type];
      }
      return this;
    }
    if (arguments.length === 0) {
      var keys = Reflect.ownKeys(events);
      for (var k = 0; k < keys.length; k++) {
        if (keys[k] === 'removeListener') continue;
        this.removeAllListeners(keys[k]);
      }
      this.removeAllListeners('removeListener');
      this._events = Object.create(null);
      this._eventsCount = 0;
      return this;
    }
    var listeners = events[type];
    if (typeof listeners === 'function') {
      this.removeListener(type, listeners);
    } else if (listeners !== undefined) {
      for (var i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
    }
    return this;
  };

  function listenersOf(target, type, unwrap) {
    var events = target._events;
    if (events === undefined) return [];
    var l = events[type];
    if (l === undefined) return [];
    if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
    return unwrap ? l.map(function (f) { return f.listener || f; }) : l.slice();
  }
  proto.listeners = function listeners(type) { return listenersOf(this, type, true); };
  proto.rawListeners = function rawListeners(type) { return listenersOf(this, type, false); };

  function listenerCount(type, listener) {
    var events = this._events;
    if (events !== undefined) {
      var l = events[type];
      if (typeof l === 'function') {
        return listener != null ? (l === listener || l.listener === listener ? 1 : 0) : 1;
      }
      if (l !== undefined) {
        if (listener == null) return l.length;
        return l.filter(function (f) { return f === listener || f.listener === listener; }).length;
      }
    }
    return 0;
  }
  proto.listenerCount = listenerCount;

  proto.eventNames = function eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  };

  EventEmitter.listenerCount = function (emitter, type) {
    if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
    return listenerCount.call(emitter, type);
  };

  EventEmitter.getEventListeners = function getEventListeners(emitter, type) {
    return listenersOf(emitter, type, true);
  };

  EventEmitter.setMaxListeners = function setMaxListeners(n) {
    if (n === undefined) n = defaultMaxListeners;
    checkMax(n, 'setMaxListeners');
    if (arguments.length <= 1) {
      defaultMaxListeners = n;
    } else {
      for (var i = 1; i < arguments.length; i++) arguments[i].setMaxListeners(n);
    }
  };

  EventEmitter.once = function once(emitter, name, options) {
    return new Promise(function (resolve, reject) {
      var signal = options && options.signal;
      if (signal && signal.aborted) {
        var ab = new Error('The operation was aborted');
        ab.name = 'AbortError';
        ab.code = 'ABORT_ERR';
        reject(ab);
        return;
      }
      function errorListener(err) {
        emitter.removeListener(name, resolver);
        reject(err);
      }
      function resolver() {
        if (name !== 'error') emitter.removeListener('error', errorListener);
        resolve(Array.prototype.slice.call(arguments));
      }
      emitter.once(name, resolver);
      if (name !== 'error') emitter.once('error', errorListener);
    });
  };

  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.usingDomains = false;
  EventEmitter.captureRejectionSymbol = Symbol.for('nodejs.rejection');
  Object.defineProperty(EventEmitter, 'captureRejections', { value: false, writable: true, enumerable: false });
  EventEmitter.errorMonitor = errorMonitor;

  return { exports: EventEmitter };
})
