// event-pubsub 4.3.0 (the emitter node-ipc's Client and Server are made of) and js-queue 2.0.2
// (the sync mode's queue), as node-ipc.js uses them. Glue (runtime/native.go): the exports
// are {makePubSub, Queue}, handed to nodeipc.js as natives.pubsub.
(function (natives, runtime) {
  'use strict';

  // ---- event-pubsub 4.3.0 as Node >= 10 loads it (es5.js): own methods on every object ----

  // The handlers are kept in an object without a prototype: event types come from the other
  // side of a connection and must never name Object.prototype's members (__proto__,
  // constructor, hasOwnProperty).
  function makePubSub(target) {
    target._events_ = Object.create(null);
    target.publish = target.trigger = target.emit = publish;
    target.subscribe = target.on = subscribe;
    target.once = once;
    target.unSubscribe = target.off = unsubscribe;
    target.emit$ = publishToAll;
    return target;
  }

  function subscribe(type, handler, isOnce) {
    if (!handler) throw new ReferenceError('handler not defined.');
    if (!this._events_[type]) this._events_[type] = [];
    if (isOnce) handler._once_ = isOnce;
    this._events_[type].push(handler);
    return this;
  }

  function once(type, handler) {
    return this.on(type, handler, true);
  }

  function unsubscribe(type, handler) {
    var list = this._events_[type];
    if (!list) return this;
    if (!handler) {
      throw new ReferenceError('handler not defined. if you wish to remove all handlers from the event please pass "*" as the handler');
    }
    if (handler == '*') {
      delete this._events_[type];
      return this;
    }
    for (var i = list.indexOf(handler); i !== -1; i = list.indexOf(handler)) list.splice(i, 1);
    if (list.length < 1) delete this._events_[type];
    return this;
  }

  // publish calls the handlers of type with the other arguments, `this` being the object; once
  // handlers are dropped after the round. No handler for 'error' means nothing happens.
  function publish(type) {
    var args = Array.prototype.slice.call(arguments, 1);
    if (this._events_['*']) this.emit$(type, args);
    var list = this._events_[type];
    if (!list) return this;
    var done = [];
    for (var i = 0; i < list.length; i++) {
      var handler = list[i];
      handler.apply(this, args);
      if (handler._once_) done.push(handler);
    }
    for (var j = 0; j < done.length; j++) this.off(type, done[j]);
    return this;
  }

  // publishToAll calls the '*' handlers with the type first. (The real es5.js passes them
  // scrambled arguments; see docs/wire/node-ipc.md, Events: do not rely on it.)
  function publishToAll(type, args) {
    var all = this._events_['*'];
    if (!all) return this;
    all = all.slice();
    for (var i = 0; i < all.length; i++) all[i].apply(this, [type].concat(args));
    return this;
  }

  // ---- js-queue 2.0.2 (the sync mode's queue) ----

  function Queue() {
    var items = [];
    var running = false;
    Object.defineProperties(this, {
      add: { enumerable: true, value: function () {
        for (var i = 0; i < arguments.length; i++) items.push(arguments[i]);
        if (!running && !this.stop && this.autoRun) this.next();
      } },
      next: { enumerable: true, value: function () {
        running = true;
        if (items.length < 1 || this.stop) {
          running = false;
          return;
        }
        items.shift().call(this);
      } },
      clear: { enumerable: true, value: function () { items = []; return items; } },
      contents: { enumerable: false, get: function () { return items; }, set: function (v) { items = v; } },
      autoRun: { enumerable: true, writable: true, value: true },
      stop: { enumerable: true, writable: true, value: false }
    });
  }

  return { exports: { makePubSub: makePubSub, Queue: Queue } };
})
