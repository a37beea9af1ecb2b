// node.EventEmitter and node.Promise, as in Node 0.1.0, with the later-Node conveniences
// (on, once, removeListener, removeAllListeners) that the built-in libraries' documents use.
// Glue of the runtime (runtime/native.go): the exports are the constructors, the hook is the
// variadic emit used from Go.
(function (natives, runtime) {
  function EventEmitter() {}

  function listenersOf(emitter, type) {
    var events = emitter._events;
    if (!events) {
      events = {};
      Object.defineProperty(emitter, "_events", { value: events, writable: true, configurable: true });
    }
    var list = events[type];
    if (!list || !Object.prototype.hasOwnProperty.call(events, type)) {
      list = events[type] = [];
    }
    return list;
  }

  // emitv calls every listener of type with the arguments after the first two, `this` being the
  // emitter. Listeners added during the emit wait for the next one.
  function emitv(emitter, type) {
    var events = emitter._events;
    if (!events || !Object.prototype.hasOwnProperty.call(events, type)) return false;
    var list = events[type];
    var n = list.length;
    if (n === 0) return false;
    var args = Array.prototype.slice.call(arguments, 2);
    if (n === 1) {
      list[0].apply(emitter, args);
      return true;
    }
    list = list.slice();
    for (var i = 0; i < n; i++) list[i].apply(emitter, args);
    return true;
  }

  // emitArray is 0.1.0's emit(type, args): args is an array of the listeners' arguments.
  function emitArray(emitter, type, args) {
    return emitv.apply(null, [emitter, type].concat(args));
  }

  EventEmitter.prototype.addListener = function (type, listener) {
    if (typeof listener !== "function") {
      throw new TypeError("addListener(\"" + type + "\", listener): listener must be a function");
    }
    if (this._events && this._events.newListener) emitv(this, "newListener", type, listener);
    listenersOf(this, type).push(listener);
    return this;
  };
  EventEmitter.prototype.on = EventEmitter.prototype.addListener;

  EventEmitter.prototype.once = function (type, listener) {
    var self = this;
    function wrapper() {
      self.removeListener(type, wrapper);
      return listener.apply(this, arguments);
    }
    wrapper.listener = listener;
    return this.addListener(type, wrapper);
  };

  EventEmitter.prototype.removeListener = function (type, listener) {
    var events = this._events;
    if (!events || !Object.prototype.hasOwnProperty.call(events, type)) return this;
    var list = events[type];
    for (var i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        list.splice(i, 1);
        break;
      }
    }
    return this;
  };
  EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

  EventEmitter.prototype.removeAllListeners = function (type) {
    var events = this._events;
    if (!events) return this;
    if (arguments.length === 0) {
      for (var k in events) if (Object.prototype.hasOwnProperty.call(events, k)) events[k].length = 0;
    } else if (Object.prototype.hasOwnProperty.call(events, type)) {
      events[type].length = 0;
    }
    return this;
  };

  // listeners returns the live array: changing it changes who is called.
  EventEmitter.prototype.listeners = function (type) {
    return listenersOf(this, type);
  };

  // emit follows 0.1.0 when called as emit(type, argsArray) and later Node when called as
  // emit(type, arg1, arg2, ...): a single array argument is spread into the listeners' arguments.
  EventEmitter.prototype.emit = function (type, args) {
    if (arguments.length === 2 && Array.isArray(args)) return emitArray(this, type, args);
    var all = [this];
    for (var i = 0; i < arguments.length; i++) all.push(arguments[i]);
    return emitv.apply(null, all);
  };

  // Promise emits "success" or "error" once; it does not remember the result, so a callback
  // added afterwards never runs (0.1.0's semantics).
  function Promise() {
    EventEmitter.call(this);
  }
  Promise.prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: Promise, writable: true, configurable: true }
  });
  Promise.prototype.addCallback = function (listener) {
    this.addListener("success", listener);
    return this;
  };
  Promise.prototype.addErrback = function (listener) {
    this.addListener("error", listener);
    return this;
  };
  function settle(promise, type, args) {
    if (promise._settled) return;
    Object.defineProperty(promise, "_settled", { value: true, configurable: true });
    if (args.length === 1 && Array.isArray(args[0])) args = args[0];
    emitArray(promise, type, Array.prototype.slice.call(args));
  }
  Promise.prototype.emitSuccess = function () { settle(this, "success", arguments); };
  Promise.prototype.emitError = function () { settle(this, "error", arguments); };

  return { exports: { EventEmitter: EventEmitter, Promise: Promise }, hooks: { emitv: emitv } };
})
