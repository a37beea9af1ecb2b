// The API of @crussell52/socket-ipc 0.4.0: Server, Client and the error classes, over the
// native sockets and framing of package socketipc (the natives). Behaviour follows the real
// library (docs/wire/socket-ipc.md), not its documents, where they differ; where the library crashes
// (malformed JSON, a reset client) this one reports an 'error' event instead.
//
// Glue (runtime/native.go): returns the exports, and as hooks emitError and newDecodeError.
(function (natives, runtime) {
  'use strict';

  var NodeEmitter = runtime.EventEmitter;

  // ---- errors (src/lib/error.js names and fields) ----

  class SendError extends Error {
    constructor(errorMessage, message, topic) {
      super(errorMessage);
      this.sentTopic = topic;
      this.sentMessage = message;
    }
  }
  class EncodeError extends SendError {
    constructor(errorMessage, msgWrapper) {
      super(errorMessage, msgWrapper.message, msgWrapper.topic);
    }
  }
  class DecodeError extends Error {
    constructor(errorMessage, rawData, clientId) {
      super(errorMessage);
      this.rawData = rawData;
      this.clientId = clientId;
    }
  }
  class SendAfterCloseError extends SendError {}
  class NoServerError extends SendError {}
  class BadClientError extends SendError {
    constructor(errorMessage, message, topic, clientId) {
      super(errorMessage, message, topic);
      this.clientId = clientId;
    }
  }

  // ---- events: Node's EventEmitter rules on top of node.EventEmitter ----

  function listenerCount(emitter, type) {
    var events = emitter._events;
    return events && Object.prototype.hasOwnProperty.call(events, type) ? events[type].length : 0;
  }

  // emitError emits 'error' like Node's EventEmitter: with nobody listening, it throws, except
  // for errors of one connection (bad data, a reset): those must not bring the process down.
  function emitError(emitter, err, clientId, ofConnection) {
    if (listenerCount(emitter, 'error') === 0) {
      if (ofConnection) return;
      throw err;
    }
    if (clientId === undefined) emitter.emit('error', err);
    else emitter.emit('error', err, clientId);
  }

  // deliver emits one received message the way the library does.
  function deliver(emitter, message, topic, clientId) {
    emitter.emit('message', message, topic, clientId);
    emitter.emit('message.' + topic, message, clientId);
  }

  function newDecodeError(message, rawData, clientId) {
    return new DecodeError(message, rawData, clientId);
  }

  // ---- options ----

  function checkSocketFile(value) {
    var reason;
    if (!value) reason = 'Is empty';
    else if (/^\d+$/.test(value)) reason = 'Looks like a port';
    if (reason) throw new Error("Invalid value for 'options.socketFile' (" + value + '): ' + reason);
  }

  // delayRange reads retryDelay / reconnectDelay: an integer, or {min, max} with fallbacks.
  function delayRange(option, fallback, partFallback) {
    var v = option || fallback;
    if (Number.isInteger(v)) return { min: v, max: v };
    return { min: v.min || partFallback, max: v.max || partFallback };
  }

  function pickDelay(range) {
    var min = Math.ceil(range.min);
    var max = Math.floor(range.max);
    return Math.floor(Math.random() * (max - min + 1)) + min;
  }

  // ---- custom transcoders (the default JSON one is native) ----

  function customEncode(emitter, transcoder, encoder, topic, message, write) {
    encoder({ topic: topic, message: message }, function (err, data) {
      if (err) emitError(emitter, err);
      else if (data !== null && data !== undefined) write(data);
    });
  }

  function customDecoder(emitter, transcoder, socket, clientId) {
    var decoder = transcoder.createDecoder();
    return function (chunk) {
      decoder(chunk, function (err, wrappers) {
        if (err) {
          socket.destroy();
          emitError(emitter, err, clientId, true);
          return;
        }
        for (var i = 0; i < wrappers.length; i++) {
          try {
            deliver(emitter, wrappers[i].message, wrappers[i].topic, clientId);
          } catch (e) {
            socket.destroy();
            emitError(emitter, e, clientId, true);
            return;
          }
        }
      });
    };
  }

  // ---- Server ----

  class Server extends NodeEmitter {
    constructor(options) {
      super();
      this._transcoder = options.transcoder || null;
      this._encoder = this._transcoder ? this._transcoder.createEncoder() : null;
      checkSocketFile(options.socketFile);
      this._socketFile = options.socketFile;
      this._maxMessageSize = options.maxMessageSize;
      this._sockets = new Map();
      this._clientLookup = new Map();
    }

    listen() {
      if (this._server) throw new Error('Can not listen twice.');
      var self = this;
      var decoders = new Map();
      this._server = natives.listen(this._socketFile, this, this._transcoder, this._maxMessageSize, {
        listening: function () { self.emit('listening'); },
        error: function (err) { emitError(self, err); },
        clientError: function (err, clientId) { emitError(self, err, clientId, true); },
        connection: function (id, socket) {
          self._sockets.set(socket, id);
          self._clientLookup.set(id, socket);
          if (self._transcoder) decoders.set(socket, customDecoder(self, self._transcoder, socket, id));
          self.emit('connection', id, socket);
        },
        data: function (chunk, socket) {
          var decode = decoders.get(socket);
          if (decode) decode(chunk);
        },
        forget: function (id, socket) {
          decoders.delete(socket);
          self._sockets.delete(socket);
          self._clientLookup.delete(id);
        },
        close: function () {
          self.emit('closed');
          self.emit('close');
        }
      });
    }

    close() {
      if (this._closeCalled) return;
      this._closeCalled = true;
      natives.close(this._server);
    }

    broadcast(topic, message) {
      if (this._closeCalled) {
        emitError(this, new SendAfterCloseError("Can not '.broadcast()' after '.close()'", message, topic));
        return;
      }
      if (this._encoder) {
        var sockets = Array.from(this._sockets.keys());
        var encoding = this._transcoder.socketEncoding;
        customEncode(this, this._transcoder, this._encoder, topic, message, function (data) {
          for (var i = 0; i < sockets.length; i++) natives.write(sockets[i], data, encoding);
        });
        return;
      }
      var err = natives.broadcast(this._server, topic, message);
      if (err !== undefined) {
        emitError(this, new EncodeError('Failed to encode, caused by: ' + err.message, { topic: topic, message: message }));
      }
    }

    send(topic, message, clientId) {
      if (this._closeCalled) {
        emitError(this, new SendAfterCloseError("Can not '.send()' after '.close()'", message, topic));
        return;
      }
      if (!this._clientLookup.has(clientId)) {
        emitError(this, new BadClientError('Invalid client id: ' + clientId, message, topic, clientId));
        return;
      }
      var socket = this._clientLookup.get(clientId);
      if (this._encoder) {
        var enc = this._transcoder.socketEncoding;
        customEncode(this, this._transcoder, this._encoder, topic, message, function (data) {
          natives.write(socket, data, enc);
        });
        return;
      }
      var err = natives.send(socket, topic, message);
      if (err === false) {
        emitError(this, new BadClientError('Invalid client id: ' + clientId, message, topic, clientId));
      } else if (err !== undefined) {
        emitError(this, new EncodeError('Failed to encode, caused by: ' + err.message, { topic: topic, message: message }));
      }
    }
  }

  // ---- Client ----

  class Client extends NodeEmitter {
    constructor(options) {
      super();
      this._transcoder = options.transcoder || null;
      this._encoder = this._transcoder ? this._transcoder.createEncoder() : null;
      checkSocketFile(options.socketFile);
      this._socketFile = options.socketFile;
      this._maxMessageSize = options.maxMessageSize;
      this._retryDelay = delayRange(options.retryDelay, 1000, 1000);
      this._reconnectDelay = delayRange(options.reconnectDelay, 1000, 100);
    }

    connect() {
      if (this._connectCalled) throw new Error('ipc.Client.connect() already called.');
      this._connectCalled = true;
      this._connect(false);
    }

    _connect(isReconnect) {
      var self = this;
      var connected = false;
      var socket;
      var decode = null;
      socket = natives.connect(this._socketFile, this, this._transcoder, this._maxMessageSize, {
        connect: function () {
          connected = true;
          self._pending = null;
          if (self._explicitClose) {
            socket.end();
            return;
          }
          self._socket = socket;
          self.emit('connect', socket);
          if (isReconnect) self.emit('reconnect', socket);
        },
        data: function (chunk) { if (decode) decode(chunk); },
        end: function () {
          if (self._socket === socket) self._socket = null;
        },
        error: function (err) {
          if (connected) {
            emitError(self, err, undefined, true);
            return;
          }
          self._pending = null;
          self.emit('connectError', err);
          if (self._explicitClose) return;
          self._retryTimeoutId = setTimeout(function () { self._connect(isReconnect); }, pickDelay(self._retryDelay));
        },
        close: function () {
          if (!connected) return;
          if (self._socket === socket) self._socket = null;
          if (self._explicitClose) {
            self.emit('closed');
            self.emit('close');
            return;
          }
          self.emit('disconnect');
          self._reconnectDelayTimeoutId = setTimeout(function () { self._connect(true); }, pickDelay(self._reconnectDelay));
        }
      });
      if (this._transcoder) decode = customDecoder(this, this._transcoder, socket, undefined);
      this._pending = socket;
    }

    close() {
      this._explicitClose = true;
      clearTimeout(this._retryTimeoutId);
      clearTimeout(this._reconnectDelayTimeoutId);
      if (this._socket) this._socket.end();
      else if (this._pending) this._pending.destroy();
    }

    send(topic, message) {
      if (this._explicitClose) {
        emitError(this, new SendAfterCloseError("Can not 'send()' after 'close()'.", message, topic));
        return;
      }
      if (!this._socket) {
        emitError(this, new NoServerError('Can not send, no active server connection.', message, topic));
        return;
      }
      if (this._encoder) {
        var socket = this._socket;
        var enc = this._transcoder.socketEncoding;
        customEncode(this, this._transcoder, this._encoder, topic, message, function (data) {
          natives.write(socket, data, enc);
        });
        return;
      }
      var err = natives.send(this._socket, topic, message);
      if (err === false) {
        emitError(this, new NoServerError('Can not send, no active server connection.', message, topic));
      } else if (err !== undefined) {
        emitError(this, new EncodeError('Failed to encode, caused by: ' + err.message, { topic: topic, message: message }));
      }
    }
  }

  var exports = {
    Client: Client,
    Server: Server,
    MessageError: undefined,
    EncodeError: EncodeError,
    DecodeError: DecodeError,
    SendError: SendError,
    SendAfterCloseError: SendAfterCloseError,
    NoServerError: NoServerError,
    BadClientError: BadClientError
  };
  return { exports: exports, hooks: { emitError: emitError, newDecodeError: newDecodeError } };
})
