// node.Stream: the classic Node stream (the one binaryjs, fs streams and later Node's "legacy"
// streams build on), an extension beyond 0.1.0. A Stream is an EventEmitter that is readable
// (events data, end, close, error, pause, resume) and/or writable (write, end, destroy; write
// returns false when the stream cannot take more now, and "drain" says when it can again).
//
// new node.Stream() on its own is a pass-through stream: what is written comes out as "data";
// while paused, writes are queued (write returns false) and come out on resume, followed by
// "drain". Subclasses (BinaryStream) replace the methods they need; streams with a Go side
// (runtime.NodeStream) forward write/end/pause/resume/destroy to Go and receive data from it.
//
// Glue of the runtime (runtime/native.go): the exports are {Stream}; the hooks are what the Go
// side calls (attach, push, pushEnd, drain, fail, close) and emit1. A stream with a Go side
// calls natives.write, end, pause, resume and destroy with itself first. "data" goes through
// emit1(stream, "data", data), which never spreads an array (stream.emit("data", array) would,
// in 0.1.0's emit(type, argsArray) form).
(function (natives, runtime) {
  var EventEmitter = runtime.EventEmitter;
  var hasOwn = Object.prototype.hasOwnProperty;

  // emit1 calls the listeners of type with exactly one argument: the hot path of "data". It
  // reads the listener lists events.js keeps in emitter._events; listeners added during the
  // emit wait for the next one.
  function emit1(emitter, type, arg) {
    var events = emitter._events;
    if (!events || !hasOwn.call(events, type)) return false;
    var list = events[type];
    var n = list.length;
    if (n === 0) return false;
    if (n === 1) {
      list[0].call(emitter, arg);
      return true;
    }
    list = list.slice();
    for (var i = 0; i < n; i++) list[i].call(emitter, arg);
    return true;
  }
  var stateKey = Symbol("node.Stream state");

  function Stream() {
    EventEmitter.call(this);
    this.readable = true;
    this.writable = true;
    this.paused = false;
  }
  Stream.prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: Stream, writable: true, configurable: true }
  });

  // stateOf returns the stream's hidden state, made on first use so that subclasses need not
  // call the constructor.
  function stateOf(stream) {
    var s = stream[stateKey];
    if (!s) {
      s = { queue: [], head: 0, endPending: false, needDrain: false, closed: false, side: false };
      Object.defineProperty(stream, stateKey, { value: s, writable: true, configurable: true });
    }
    return s;
  }

  function queued(s) {
    return s.queue.length - s.head;
  }

  // deliver emits data now, or queues it while the stream is paused or still has a queue.
  function deliver(stream, data) {
    var s = stateOf(stream);
    if (stream.paused || queued(s) > 0) {
      s.queue.push(data);
      return false;
    }
    emit1(stream, "data", data);
    return true;
  }

  // finishRead ends the readable side once everything queued has come out.
  function finishRead(stream) {
    var s = stateOf(stream);
    if (stream.paused || queued(s) > 0) {
      s.endPending = true;
      return;
    }
    s.endPending = false;
    if (!stream.readable) return;
    stream.readable = false;
    stream.emit("end");
  }

  // flush emits queued data until the queue is empty or a listener pauses the stream again.
  function flush(stream) {
    var s = stateOf(stream);
    while (queued(s) > 0 && !stream.paused) {
      var data = s.queue[s.head];
      s.queue[s.head++] = undefined;
      emit1(stream, "data", data);
    }
    if (queued(s) === 0) {
      s.queue = [];
      s.head = 0;
      if (s.endPending && !stream.paused) finishRead(stream);
    }
  }

  Stream.prototype.write = function (data) {
    if (!this.writable) throw new Error("Stream is not writable");
    var s = stateOf(this);
    if (s.side) return natives.write(this, data) !== false;
    var now = deliver(this, data);
    if (!now || this.paused) {
      s.needDrain = true;
      return false;
    }
    return true;
  };

  Stream.prototype.end = function (data) {
    if (data !== undefined && data !== null) this.write(data);
    if (!this.writable) return;
    this.writable = false;
    var s = stateOf(this);
    if (s.side) {
      natives.end(this);
      return;
    }
    finishRead(this);
  };

  Stream.prototype.pause = function () {
    if (this.paused) return;
    this.paused = true;
    var s = stateOf(this);
    if (s.side) natives.pause(this);
    this.emit("pause");
  };

  Stream.prototype.resume = function () {
    if (!this.paused) return;
    this.paused = false;
    var s = stateOf(this);
    this.emit("resume");
    flush(this);
    if (this.paused) return;
    if (s.side) {
      natives.resume(this);
    } else if (s.needDrain) {
      s.needDrain = false;
      this.emit("drain");
    }
  };

  Stream.prototype.destroy = function () {
    var s = stateOf(this);
    if (s.closed) return;
    this.readable = false;
    this.writable = false;
    s.queue = [];
    s.head = 0;
    s.endPending = false;
    if (s.side) {
      natives.destroy(this); // the Go side reports "close" when its resources are released
      return;
    }
    closeStream(this);
  };

  // pipe is the classic pipe: source data is written to dest; a false return pauses the
  // source until dest emits "drain"; the source's end ends dest and its close (before end)
  // destroys dest, unless options.end === false. Returns dest.
  Stream.prototype.pipe = function (dest, options) {
    var source = this;

    function ondata(chunk) {
      if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
    }
    source.addListener("data", ondata);

    function ondrain() {
      if (source.readable && source.resume) source.resume();
    }
    dest.addListener("drain", ondrain);

    var didOnEnd = false;
    function onend() {
      if (didOnEnd) return;
      didOnEnd = true;
      dest.end();
    }
    function onclose() {
      if (didOnEnd) return;
      didOnEnd = true;
      if (typeof dest.destroy === "function") dest.destroy();
    }
    if (!options || options.end !== false) {
      source.addListener("end", onend);
      source.addListener("close", onclose);
    }

    // An error on either end unhooks the pipe; the error itself goes to the stream's own
    // listeners (unhandled "error" events are ignored, as everywhere in this runtime).
    function onerror() {
      cleanup();
    }
    source.addListener("error", onerror);
    dest.addListener("error", onerror);

    function cleanup() {
      source.removeListener("data", ondata);
      dest.removeListener("drain", ondrain);
      source.removeListener("end", onend);
      source.removeListener("close", onclose);
      source.removeListener("error", onerror);
      dest.removeListener("error", onerror);
      source.removeListener("end", cleanup);
      source.removeListener("close", cleanup);
      dest.removeListener("close", cleanup);
    }
    source.addListener("end", cleanup);
    source.addListener("close", cleanup);
    dest.addListener("close", cleanup);

    dest.emit("pipe", source);
    return dest;
  };

  function closeStream(stream) {
    var s = stateOf(stream);
    if (s.closed) return;
    s.closed = true;
    stream.readable = false;
    stream.writable = false;
    stream.emit("close");
  }

  function failStream(stream, err) {
    stream.readable = false;
    stream.writable = false;
    stream.emit("error", err);
  }

  function drainStream(stream) {
    if (!stream.paused) stream.emit("drain");
  }

  function attach(stream, readable, writable) {
    stateOf(stream).side = true;
    stream.readable = readable;
    stream.writable = writable;
    stream.paused = false;
  }

  return {
    exports: { Stream: Stream },
    hooks: {
      emit1: emit1,
      attach: attach,
      push: deliver,
      pushEnd: finishRead,
      drain: drainStream,
      fail: failStream,
      close: closeStream
    }
  };
})
