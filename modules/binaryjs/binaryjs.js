// require("binaryjs"): BinaryServer, BinaryClient and BinaryStream with the API of npm binaryjs
// 0.2.1 (docs/wire/binaryjs.md). The shape and the stream semantics follow the real
// library's lib/server.js, lib/client.js and lib/stream.js; the WebSocket, BinaryPack and
// message parsing are native (natives.connect, natives.listen, natives.send).
//
// Glue (runtime/native.go): returns the exports, and as hooks the BinaryClient and
// BinaryServer methods the native socket and server call (with `this` the client or server).
// "data" is emitted with emitv(stream, "data", value) (runtime.emit1), which passes an array as
// one value (stream.emit("data", array) would spread it, in 0.1.0's emit(type, argsArray) form).
(function (natives, runtime) {
  var Stream = runtime.Stream;
  var EventEmitter = runtime.EventEmitter;
  var emitv = runtime.emit1;
  var inherits = runtime.inherits;

  function extend(dest, source) {
    for (var key in source) {
      if (Object.prototype.hasOwnProperty.call(source, key)) dest[key] = source[key];
    }
    return dest;
  }

  // ---- BinaryStream: one bidirectional channel of a connection (lib/stream.js) ----

  function BinaryStream(socket, id, create, meta) {
    if (!(this instanceof BinaryStream)) return new BinaryStream(socket, id, create, meta);
    Stream.call(this);
    this.id = id;
    Object.defineProperty(this, "_socket", { value: socket, writable: true, configurable: true });
    this.writable = true;
    this.readable = true;
    this.paused = false;
    this._closed = false;
    this._ended = false;
    if (create) this._write(1, meta, this.id);
  }
  inherits(BinaryStream, Stream);

  BinaryStream.prototype._onDrain = function () {
    if (!this.paused) this.emit("drain");
  };

  BinaryStream.prototype._onClose = function () {
    if (this._closed) return;
    this.readable = false;
    this.writable = false;
    this._closed = true;
    this.emit("close");
  };

  BinaryStream.prototype._onError = function (error) {
    this.readable = false;
    this.writable = false;
    this.emit("error", error);
  };

  BinaryStream.prototype._onPause = function () {
    this.paused = true;
    this.emit("pause");
  };

  BinaryStream.prototype._onResume = function () {
    this.paused = false;
    this.emit("resume");
    this.emit("drain");
  };

  BinaryStream.prototype._write = function (code, data, bonus) {
    return natives.send(this._socket, code, data, bonus);
  };

  // write sends data (any JSON-compatible value or binary) as one message. It returns false
  // when the remote side has paused the stream or the connection is backed up.
  BinaryStream.prototype.write = function (data) {
    if (this.writable) {
      var out = this._write(2, data, this.id);
      return !this.paused && out;
    }
    throw new Error("Stream is not writable");
  };

  BinaryStream.prototype.end = function () {
    this._ended = true;
    this.readable = false;
    this._write(5, null, this.id);
  };

  BinaryStream.prototype.destroy = BinaryStream.prototype.destroySoon = function () {
    this._onClose();
    this._write(6, null, this.id);
  };

  BinaryStream.prototype._onEnd = function () {
    if (this._ended) return;
    this._ended = true;
    this.readable = false;
    this.emit("end");
  };

  BinaryStream.prototype._onData = function (data) {
    emitv(this, "data", data);
  };

  BinaryStream.prototype.pause = function () {
    this._onPause();
    this._write(3, null, this.id);
  };

  BinaryStream.prototype.resume = function () {
    this._onResume();
    this._write(4, null, this.id);
  };

  // ---- BufferReadStream: what client.send pipes a Buffer through, chunkSize at a time ----

  function BufferReadStream(source, chunkSize) {
    Stream.call(this);
    this.writable = false;
    this._source = source;
    this._start = 0;
    this._chunkSize = chunkSize > 0 ? Math.floor(chunkSize) : source.length || 1;
    this._scheduled = false;
    this._schedule();
  }
  inherits(BufferReadStream, Stream);

  BufferReadStream.prototype._schedule = function () {
    if (this._scheduled) return;
    this._scheduled = true;
    var self = this;
    runtime.later(function () {
      self._scheduled = false;
      self._read();
    });
  };

  BufferReadStream.prototype.pause = function () {
    this.paused = true;
  };

  BufferReadStream.prototype.resume = function () {
    this.paused = false;
    this._schedule();
  };

  BufferReadStream.prototype.destroy = function () {
    this.readable = false;
  };

  // _read emits chunks until the source is used up or the destination pushes back.
  BufferReadStream.prototype._read = function () {
    var source = this._source;
    while (!this.paused && this.readable) {
      var n = Math.min(source.length - this._start, this._chunkSize);
      if (n <= 0) {
        this.readable = false;
        this.emit("end");
        return;
      }
      var chunk = natives.slice(source, this._start, this._start + n);
      this._start += n;
      emitv(this, "data", chunk);
    }
  };

  // ---- BinaryClient: one connection (lib/client.js) ----

  // DEFAULT_MAX_STREAMS bounds the streams a peer may hold open on one connection
  // (options.maxStreams changes it; 0 means no limit). A stream stays open until either side
  // destroys it, as in the real library, whose send() never ends the stream it makes: a
  // connection that sends one message per stream leaves every one of them open. So a `stream`
  // message past the bound is not refused; the peer's oldest open stream is destroyed to make
  // room (`close` on it here, a `close` message to the peer), and memory stays bounded.
  var DEFAULT_MAX_STREAMS = 4096;

  function BinaryClient(socket, options) {
    if (!(this instanceof BinaryClient)) return new BinaryClient(socket, options);
    EventEmitter.call(this);
    this._options = extend({ chunkSize: 40960, maxStreams: DEFAULT_MAX_STREAMS }, options);
    this.streams = {};
    this._peerStreams = 0; // streams the peer opened that are not closed
    this._peerOrder = [];  // the peer's streams in the order opened (closed ones skipped lazily)
    this._peerHead = 0;
    if (typeof socket === "string") {
      this._nextId = 0;
      Object.defineProperty(this, "_socket", {
        value: natives.connect(socket, this, this._options), writable: true, configurable: true
      });
    } else {
      // Use odd numbered ids for server originated streams
      this._nextId = 1;
      Object.defineProperty(this, "_socket", { value: socket, writable: true, configurable: true });
      natives.bind(socket, this);
    }
  }
  inherits(BinaryClient, EventEmitter);

  function eachStream(client, fn) {
    var ids = Object.keys(client.streams);
    for (var i = 0; i < ids.length; i++) {
      var s = client.streams[ids[i]];
      if (s) fn(s);
    }
  }

  BinaryClient.prototype._onOpen = function () {
    this.emit("open");
  };

  BinaryClient.prototype._onDrain = function () {
    eachStream(this, function (s) { s._onDrain(); });
  };

  BinaryClient.prototype._onError = function (error) {
    eachStream(this, function (s) { s._onError(error); });
    this.emit("error", error);
  };

  BinaryClient.prototype._onProtocolError = function (error) {
    this.emit("error", error);
  };

  BinaryClient.prototype._onClose = function (code, message) {
    eachStream(this, function (s) { s._onClose(); });
    this.emit("close", code, message);
  };

  // _onMessage handles one received [type, payload, streamId] envelope.
  BinaryClient.prototype._onMessage = function (type, payload, streamId) {
    var stream;
    switch (type) {
      case 0:
        break;
      case 1:
        var max = this._options.maxStreams;
        if (max > 0 && this._peerStreams >= max && !this.streams[streamId]) {
          this._evictOldestPeerStream();
        }
        stream = this._receiveStream(streamId);
        this.emit("stream", stream, payload);
        break;
      case 2:
        stream = this.streams[streamId];
        if (stream) stream._onData(payload);
        else this.emit("error", new Error("Received `data` message for unknown stream: " + streamId));
        break;
      case 3:
        stream = this.streams[streamId];
        if (stream) stream._onPause();
        else this.emit("error", new Error("Received `pause` message for unknown stream: " + streamId));
        break;
      case 4:
        stream = this.streams[streamId];
        if (stream) stream._onResume();
        else this.emit("error", new Error("Received `resume` message for unknown stream: " + streamId));
        break;
      case 5:
        stream = this.streams[streamId];
        if (stream) stream._onEnd();
        else this.emit("error", new Error("Received `end` message for unknown stream: " + streamId));
        break;
      case 6:
        stream = this.streams[streamId];
        if (stream) stream._onClose();
        else this.emit("error", new Error("Received `close` message for unknown stream: " + streamId));
        break;
      default:
        this.emit("error", new Error("Unrecognized message type received: " + type));
    }
  };

  function isBinary(data) {
    return data instanceof ArrayBuffer || ArrayBuffer.isView(data);
  }

  function isStream(data) {
    return data instanceof Stream ||
      (data !== null && typeof data === "object" && typeof data.pipe === "function" &&
       typeof data.on === "function" && !isBinary(data));
  }

  // send creates a stream with meta and sends data through it: a stream is piped in, binary
  // data is chunked by chunkSize and then ended, anything else goes as one message.
  BinaryClient.prototype.send = function (data, meta) {
    var stream = this.createStream(meta);
    if (isStream(data)) {
      data.pipe(stream);
    } else if (isBinary(data)) {
      new BufferReadStream(natives.bytes(data), this._options.chunkSize).pipe(stream);
    } else {
      stream.write(data);
    }
    return stream;
  };

  // _evictOldestPeerStream destroys the oldest stream the peer opened that is still open.
  BinaryClient.prototype._evictOldestPeerStream = function () {
    var order = this._peerOrder;
    while (this._peerHead < order.length) {
      var s = order[this._peerHead];
      order[this._peerHead++] = undefined;
      if (!s._closed) {
        s.destroy();
        break;
      }
    }
    if (this._peerHead > 1024 && this._peerHead * 2 > order.length) {
      this._peerOrder = order.slice(this._peerHead);
      this._peerHead = 0;
    }
  };

  BinaryClient.prototype._receiveStream = function (streamId) {
    var self = this;
    var binaryStream = new BinaryStream(this._socket, streamId, false);
    this._peerStreams++;
    this._peerOrder.push(binaryStream);
    if (this._peerOrder.length - this._peerHead > 2 * this._peerStreams + 1024) {
      // Streams closed in any order: keep the list as long as what is open, amortised.
      this._peerOrder = this._peerOrder.slice(this._peerHead).filter(function (s) { return s && !s._closed; });
      this._peerHead = 0;
    }
    binaryStream.on("close", function () {
      self._peerStreams--;
      delete self.streams[streamId];
    });
    this.streams[streamId] = binaryStream;
    return binaryStream;
  };

  BinaryClient.prototype.createStream = function (meta) {
    if (!natives.isOpen(this._socket)) {
      throw new Error("Client is not yet connected or has closed");
    }
    var self = this;
    var streamId = this._nextId;
    this._nextId += 2;
    var binaryStream = new BinaryStream(this._socket, streamId, true, meta);
    binaryStream.on("close", function () {
      delete self.streams[streamId];
    });
    this.streams[streamId] = binaryStream;
    return binaryStream;
  };

  BinaryClient.prototype.close = BinaryClient.prototype.destroy = function () {
    natives.close(this._socket);
  };

  // ---- BinaryServer (lib/server.js) ----

  function BinaryServer(options, callback) {
    if (!(this instanceof BinaryServer)) return new BinaryServer(options, callback);
    EventEmitter.call(this);
    options = extend({ host: "0.0.0.0", chunkSize: 40960 }, options);
    this.clients = {};
    this._clientCounter = 0;
    Object.defineProperty(this, "_options", { value: options, writable: true, configurable: true });
    Object.defineProperty(this, "_callback", { value: callback, writable: true, configurable: true });
    natives.listen(options, this);
  }
  inherits(BinaryServer, EventEmitter);

  BinaryServer.prototype._onConnection = function (socket) {
    var self = this;
    var clientId = this._clientCounter;
    var binaryClient = new BinaryClient(socket, this._options);
    binaryClient.id = clientId;
    this.clients[clientId] = binaryClient;
    this._clientCounter++;
    binaryClient.on("close", function () {
      delete self.clients[clientId];
    });
    this.emit("connection", binaryClient);
  };

  BinaryServer.prototype._onError = function (error) {
    this.emit("error", error);
  };

  BinaryServer.prototype._onListening = function () {
    this.emit("listening");
    if (typeof this._callback === "function") this._callback();
  };

  BinaryServer.prototype.close = function () {
    natives.closeServer(this);
  };

  // createServer(fn).listen(port, opts): fn(stream) for each connection, stream created by
  // the server.
  function createServer(fn) {
    return {
      listen: function (port, opts) {
        opts = opts || {};
        opts.port = port;
        var server = new BinaryServer(opts);
        server.on("connection", function (conn) {
          if (fn) fn(conn.createStream());
        });
        return server;
      }
    };
  }

  return {
    exports: {
      BinaryServer: BinaryServer,
      BinaryClient: BinaryClient,
      BinaryStream: BinaryStream,
      createServer: createServer
    },
    hooks: {
      clientOpen: BinaryClient.prototype._onOpen,
      clientMessage: BinaryClient.prototype._onMessage,
      clientProtocolError: BinaryClient.prototype._onProtocolError,
      clientError: BinaryClient.prototype._onError,
      clientClose: BinaryClient.prototype._onClose,
      clientDrain: BinaryClient.prototype._onDrain,
      serverConnection: BinaryServer.prototype._onConnection,
      serverError: BinaryServer.prototype._onError,
      serverListening: BinaryServer.prototype._onListening
    }
  };
})
