// The API of node-ipc 9.2.1 over the native sockets and framing of package nodeipc (the
// natives): the IPC singleton and class, config defaults, log, serve/serveNet,
// connectTo/connectToNet, disconnect, and the Client and Server objects with their pubsub
// events, retry rules and sync queue. Behaviour follows the real library (docs/wire/node-ipc.md),
// including its quirks, unless noted.
//
// Glue (runtime/native.go): natives.hostname is the machine's name and natives.pubsub the
// exports of pubsub.js; returns the singleton as exports, and as hooks the functions the
// natives call with each read and connection event.
(function (natives, runtime) {
  'use strict';

  var hostname = natives.hostname;
  var pubsub = natives.pubsub;

  var makePubSub = pubsub.makePubSub;
  var Queue = pubsub.Queue;

  // ---- config (entities/Defaults.js) ----

  function Defaults() {
    this.appspace = 'app.';
    this.socketRoot = '/tmp/';
    this.id = hostname;
    this.encoding = 'utf8';
    this.rawBuffer = false;
    this.sync = false;
    this.unlink = true;
    this.delimiter = '\f';
    this.silent = false;
    this.logDepth = 5;
    this.logInColor = true;
    this.logger = console.log.bind(console);
    this.maxConnections = 100;
    this.retry = 500;
    this.maxRetries = Infinity;
    this.stopRetrying = false;
    this.IPType = '';
    this.tls = false;
    this.networkHost = '127.0.0.1';
    this.networkPort = 8000;
    this.readableAll = false;
    this.writableAll = false;
    this.interface = { localAddress: false, localPort: false, family: false, hints: false, lookup: false };
  }

  // The delimiter every parser uses is the one of the last Client or Server made (the real
  // library keeps one module-wide parser that each constructor replaces).
  var delimiter = '\f';

  // ---- log ----

  function log() {
    if (this.config.silent) return;
    var args = Array.prototype.slice.call(arguments);
    for (var i = 0; i < args.length; i++) {
      if (typeof args[i] !== 'object') continue;
      args[i] = natives.inspect(args[i], this.config.logDepth, this.config.logInColor);
    }
    this.config.logger(args.join(' '));
  }

  function noop() {}

  // ---- messages ----

  // frame is the text written for emit(type, data) in JSON mode.
  function frame(type, data) {
    return natives.frame(type, data, delimiter);
  }

  function rawBytes(value, encoding) {
    if (typeof value === 'string') return natives.rawBuffer(value, encoding);
    return Buffer.from(value, encoding);
  }

  // ---- Client (dao/client.js) ----

  function Client(config, logFn) {
    makePubSub(this);
    this.Client = Client;
    this.config = config;
    this.queue = new Queue();
    this.socket = false;
    this.connect = connectClient;
    this.emit = clientEmit;
    this.log = logFn;
    this.retriesRemaining = config.maxRetries || 0;
    this.explicitlyDisconnected = false;
    delimiter = config.delimiter;
  }

  function clientEmit(type, data) {
    if (!this.config.silent) this.log('dispatching event to ', this.id, this.path, ' : ', type, ',', data);
    var config = this.config;
    if (!config.sync && !config.rawBuffer && natives.send(this.socket, type, data, delimiter)) return;
    var message = config.rawBuffer ? rawBytes(type, config.encoding) : frame(type, data);
    if (!config.sync) {
      this.socket.write(message);
      return;
    }
    this.queue.add(syncEmit.bind(this, message));
  }

  function syncEmit(message) {
    this.log('dispatching event to ', this.id, this.path, ' : ', message);
    this.socket.write(message);
  }

  function readFiles(paths) {
    if (typeof paths === 'string') paths = [paths];
    var out = [];
    for (var i = 0; i < paths.length; i++) out.push(natives.readFile(paths[i]));
    return out;
  }

  function connectClient() {
    var client = this;
    client.log('requested connection to ', client.id, client.path);
    if (!this.path) {
      client.log('\n\n######\nerror: ', client.id, ' client has not specified socket path it wishes to connect to.');
      return;
    }
    var options = {};
    var tls = null;
    if (!client.port) {
      client.log('Connecting client on Unix Socket :', client.path);
      options.path = client.path;
    } else {
      options.host = client.path;
      options.port = client.port;
      var iface = client.config.interface || {};
      if (iface.localAddress) options.localAddress = iface.localAddress;
      if (iface.localPort) options.localPort = iface.localPort;
      if (iface.family) options.family = iface.family;
      if (iface.hints) options.hints = iface.hints;
      if (iface.lookup) options.lookup = iface.lookup;
      if (!client.config.tls) {
        client.log('Connecting client via TCP to', options);
      } else {
        tls = client.config.tls;
        client.log('Connecting client via TLS to', client.path, client.port, tls);
        if (tls.private) tls.key = natives.readFile(tls.private);
        if (tls.public) tls.cert = natives.readFile(tls.public);
        if (tls.trustedConnections) {
          if (typeof tls.trustedConnections === 'string') tls.trustedConnections = [tls.trustedConnections];
          tls.ca = readFiles(tls.trustedConnections);
        }
        Object.assign(tls, options);
      }
    }
    var socket = natives.connect(client, options, tls, {
      rawBuffer: !!client.config.rawBuffer,
      encoding: client.config.encoding,
      delimiter: delimiter,
      maxMessageSize: client.config.maxMessageSize
    }, {
      error: function (err) {
        client.log('\n\n######\nerror: ', err);
        client.publish('error', err);
      },
      connect: function () {
        client.publish('connect');
        client.retriesRemaining = client.config.maxRetries;
        client.log('retrying reset');
      },
      close: function () {
        client.log('connection closed', client.id, client.path, client.retriesRemaining, 'tries remaining of', client.config.maxRetries);
        if (client.config.stopRetrying || client.retriesRemaining < 1 || client.explicitlyDisconnected) {
          client.publish('disconnect');
          client.log(client.config.id, 'exceeded connection rety amount of', ' or stopRetrying flag set.');
          socket.destroy();
          client.publish('destroy');
          return;
        }
        setTimeout(function () {
          if (client.explicitlyDisconnected) return;
          client.retriesRemaining--;
          client.connect();
        }, client.config.retry);
        client.publish('disconnect');
      }
    });
    client.socket = socket;
  }

  // clientMessages is called by the natives with each read's messages: [type, data, ...].
  function clientChunk(client, messages, partial) {
    var logging = !client.config.silent;
    if (logging) client.log('## received events ##');
    if (partial && logging) client.log('Messages are large, You may want to consider smaller messages.');
    for (var i = 0; i < messages.length; i += 2) {
      if (logging) client.log('detected event', messages[i], messages[i + 1]);
      client.publish(messages[i], messages[i + 1]);
    }
    if (client.config.sync) client.queue.next();
  }

  function clientRaw(client, buffer) {
    client.log('## received events ##');
    client.publish('data', buffer);
    if (client.config.sync) client.queue.next();
  }

  // ---- Server (dao/socketServer.js) ----

  function Server(path, config, logFn, port) {
    makePubSub(this);
    this.config = config;
    this.path = path;
    this.port = port;
    this.udp4 = false;
    this.udp6 = false;
    this.log = logFn;
    this.server = false;
    this.sockets = [];
    this.emit = serverEmit;
    this.broadcast = serverBroadcast;
    delimiter = config.delimiter;
    this.on('close', socketGone.bind(this));
  }

  Server.prototype.onStart = function (socket) {
    this.trigger('start', socket);
  };

  Server.prototype.stop = function () {
    this.server.close();
  };

  Server.prototype.start = function () {
    if (!this.path) {
      this.log('Socket Server Path not specified, refusing to start');
      return;
    }
    if (this.config.unlink) natives.unlink(this.path, startServer.bind(this));
    else startServer.call(this);
  };

  function isUDP(server) {
    return server.udp4 || server.udp6;
  }

  function serverEmit(socket, type, data) {
    if (!this.config.silent) this.log('dispatching event to socket', ' : ', type, data);
    var config = this.config;
    if (!isUDP(this) && !config.rawBuffer && natives.send(socket, type, data, delimiter)) return;
    var message;
    if (config.rawBuffer) {
      this.log(config.encoding);
      message = rawBytes(type, config.encoding);
    } else {
      message = frame(type, data);
    }
    if (isUDP(this)) {
      if (!socket.address || !socket.port) {
        this.log('Attempting to emit to a single UDP socket without supplying socket address or port. Redispatching event as broadcast to all connected sockets');
        this.broadcast(type, data);
        return;
      }
      this.server.write(message, socket);
      return;
    }
    socket.write(message);
  }

  function serverBroadcast(type, data) {
    this.log('broadcasting event to all known sockets listening to ', this.path, ' : ', this.port ? this.port : '', type, data);
    if (!isUDP(this) && !this.config.rawBuffer && natives.broadcast(this.sockets, type, data, delimiter)) return;
    var message = this.config.rawBuffer ? rawBytes(type, this.config.encoding) : frame(type, data);
    var i;
    if (isUDP(this)) {
      for (i = 1; i < this.sockets.length; i++) this.server.write(message, this.sockets[i]);
      return;
    }
    for (i = 0; i < this.sockets.length; i++) this.sockets[i].write(message);
  }

  // socketGone handles the server's own 'close' (socket) event: it drops and reports the first
  // socket that is no longer readable, as the real library does (one per close).
  function socketGone() {
    for (var i = 0; i < this.sockets.length; i++) {
      var socket = this.sockets[i];
      if (socket && socket.readable) continue;
      var destroyedSocketId = false;
      if (socket.id) destroyedSocketId = socket.id;
      this.log('socket disconnected', destroyedSocketId.toString());
      if (socket && socket.destroy) socket.destroy();
      this.sockets.splice(i, 1);
      this.publish('socket.disconnected', socket, destroyedSocketId);
      return;
    }
  }

  function serverChunk(server, socket, messages, partial) {
    var logging = !server.config.silent;
    if (partial && logging) server.log('Messages are large, You may want to consider smaller messages.');
    for (var i = 0; i < messages.length; i += 2) {
      var type = messages[i];
      var data = messages[i + 1];
      if (data && data.id) socket.id = data.id;
      if (logging) server.log('received event of : ', type, data);
      server.publish(type, data, socket);
    }
  }

  function serverRaw(server, socket, buffer) {
    server.publish('data', buffer, socket);
  }

  function serverCreated(socket) {
    this.sockets.push(socket);
    this.log('## socket connection to server detected ##');
    this.publish('connect', socket);
  }

  function serverSocketError(server, err) {
    server.log('server socket error', err);
    server.publish('error', err);
  }

  function serverSocketClosed(server, socket) {
    server.publish('close', socket);
  }

  function udpReceived(server, rinfo) {
    server.log('Received UDP message from ', rinfo.address, rinfo.port);
  }

  function startServer() {
    var self = this;
    this.log('starting server on ', this.path, this.port ? ':' + this.port : '');
    if (!isUDP(this)) {
      this.log('starting TLS server', this.config.tls);
      if (!this.config.tls) {
        this.server = natives.netServer(this, null);
      } else {
        startTLSServer.call(this);
      }
    } else {
      this.server = natives.udpSocket(this, this.udp4 ? 'udp4' : 'udp6', {
        rawBuffer: !!this.config.rawBuffer,
        encoding: this.config.encoding,
        delimiter: delimiter
      });
      this.server.write = udpWrite.bind(this);
      this.server.on('listening', function () {
        serverCreated.call(self, self.server);
      });
    }
    this.server.on('error', function (err) {
      self.log('server error', err);
      self.publish('error', err);
    });
    this.server.maxConnections = this.config.maxConnections;
    if (!this.port) {
      this.log('starting server as', 'Unix || Windows Socket');
      this.server.listen({
        path: this.path,
        readableAll: this.config.readableAll,
        writableAll: this.config.writableAll
      }, this.onStart.bind(this));
      return;
    }
    if (!isUDP(this)) {
      this.log('starting server as', this.config.tls ? 'TLS' : 'TCP');
      this.server.listen(this.port, this.path, this.onStart.bind(this));
      return;
    }
    this.log('starting server as', this.udp4 ? 'udp4' : 'udp6');
    this.server.bind(this.port, this.path);
    this.onStart({ address: this.path, port: this.port });
  }

  function startTLSServer() {
    var tls = this.config.tls;
    this.log('starting TLS server', tls);
    tls.key = tls.private ? natives.readFile(tls.private) : undefined;
    tls.cert = tls.public ? natives.readFile(tls.public) : undefined;
    if (tls.dhparam) tls.dhparam = natives.readFile(tls.dhparam);
    if (tls.trustedConnections) {
      if (typeof tls.trustedConnections === 'string') tls.trustedConnections = [tls.trustedConnections];
      tls.ca = readFiles(tls.trustedConnections);
    }
    this.server = natives.netServer(this, tls);
  }

  function udpWrite(message, socket) {
    var self = this;
    var data = typeof message === 'string' ? rawBytes(message, this.config.encoding) : Buffer.from(message, this.config.encoding);
    this.server.send(data, 0, data.length, socket.port, socket.address, function (err) {
      if (err) {
        self.log('error writing data to socket', err);
        self.publish('error', err);
      }
    });
  }

  // ---- IPC (services/IPC.js) ----

  function IPC() {
    Object.defineProperties(this, {
      config: { enumerable: true, writable: true, value: new Defaults() },
      connectTo: { enumerable: true, writable: false, value: connectTo },
      connectToNet: { enumerable: true, writable: false, value: connectToNet },
      disconnect: { enumerable: true, writable: false, value: disconnect },
      serve: { enumerable: true, writable: false, value: serve },
      serveNet: { enumerable: true, writable: false, value: serveNet },
      of: { enumerable: true, writable: true, value: {} },
      server: { enumerable: true, writable: true, configurable: true, value: false },
      log: { enumerable: true, writable: false, value: log }
    });
  }

  function disconnect(id) {
    var client = this.of[id];
    if (!client) return;
    client.explicitlyDisconnected = true;
    client.off('*', '*');
    if (client.socket && client.socket.destroy) client.socket.destroy();
    delete this.of[id];
  }

  function serve(path, callback) {
    if (typeof path == 'function') {
      callback = path;
      path = false;
    }
    if (!path) {
      this.log('Server path not specified, so defaulting to', 'ipc.config.socketRoot + ipc.config.appspace + ipc.config.id',
        this.config.socketRoot + this.config.appspace + this.config.id);
      path = this.config.socketRoot + this.config.appspace + this.config.id;
    }
    if (!callback) callback = noop;
    this.server = new Server(path, this.config, log);
    this.server.on('start', callback);
  }

  function serveNet(host, port, UDPType, callback) {
    if (typeof host == 'number') {
      callback = UDPType;
      UDPType = port;
      port = host;
      host = false;
    }
    if (typeof host == 'function') {
      callback = host;
      UDPType = false;
      host = false;
      port = false;
    }
    if (!host) {
      this.log('Server host not specified, so defaulting to', 'ipc.config.networkHost', this.config.networkHost);
      host = this.config.networkHost;
    }
    if (host.toLowerCase() == 'udp4' || host.toLowerCase() == 'udp6') {
      callback = port;
      UDPType = host.toLowerCase();
      port = false;
      host = this.config.networkHost;
    }
    if (typeof port == 'string') {
      callback = UDPType;
      UDPType = port;
      port = false;
    }
    if (typeof port == 'function') {
      callback = port;
      UDPType = false;
      port = false;
    }
    if (!port) {
      this.log('Server port not specified, so defaulting to', 'ipc.config.networkPort', this.config.networkPort);
      port = this.config.networkPort;
    }
    if (typeof UDPType == 'function') {
      callback = UDPType;
      UDPType = false;
    }
    if (!callback) callback = noop;
    this.server = new Server(host, this.config, log, port);
    if (UDPType) {
      this.server[UDPType] = true;
      if (UDPType === 'udp4' && host === '::1') this.server.path = '127.0.0.1';
    }
    this.server.on('start', callback);
  }

  function connectTo(id, path, callback) {
    if (typeof path == 'function') {
      callback = path;
      path = false;
    }
    if (!callback) callback = noop;
    if (!id) {
      this.log('Service id required', 'Requested service connection without specifying service id. Aborting connection attempt');
      return;
    }
    if (!path) {
      this.log('Service path not specified, so defaulting to', 'ipc.config.socketRoot + ipc.config.appspace + id',
        (this.config.socketRoot + this.config.appspace + id).data);
      path = this.config.socketRoot + this.config.appspace + id;
    }
    if (this.of[id]) {
      if (!this.of[id].socket.destroyed) {
        this.log('Already Connected to', id, '- So executing success without connection');
        callback();
        return;
      }
      this.of[id].socket.destroy();
    }
    this.of[id] = new Client(this.config, this.log);
    this.of[id].id = id;
    this.of[id].path = path;
    this.of[id].connect();
    callback(this);
  }

  function connectToNet(id, host, port, callback) {
    if (!id) {
      this.log('Service id required', 'Requested service connection without specifying service id. Aborting connection attempt');
      return;
    }
    if (typeof host == 'number') {
      callback = port;
      port = host;
      host = false;
    }
    if (typeof host == 'function') {
      callback = host;
      host = false;
      port = false;
    }
    if (!host) {
      this.log('Server host not specified, so defaulting to', 'ipc.config.networkHost', this.config.networkHost);
      host = this.config.networkHost;
    }
    if (typeof port == 'function') {
      callback = port;
      port = false;
    }
    if (!port) {
      this.log('Server port not specified, so defaulting to', 'ipc.config.networkPort', this.config.networkPort);
      port = this.config.networkPort;
    }
    if (typeof callback == 'string') callback = false;
    if (!callback) callback = noop;
    if (this.of[id]) {
      if (!this.of[id].socket.destroyed) {
        this.log('Already Connected to', id, '- So executing success without connection');
        callback();
        return;
      }
      this.of[id].socket.destroy();
    }
    this.of[id] = new Client(this.config, this.log);
    this.of[id].id = id;
    this.of[id].path = host;
    this.of[id].port = port;
    this.of[id].connect();
    callback(this);
  }

  // The singleton: an IPC with the class itself as a read-only IPC property.
  function IPCModule() {
    IPC.call(this);
    Object.defineProperty(this, 'IPC', { enumerable: true, writable: false, value: IPC });
  }
  IPCModule.prototype = Object.create(IPC.prototype, {
    constructor: { value: IPCModule, writable: true, configurable: true }
  });

  return {
    exports: new IPCModule(),
    hooks: {
      clientChunk: clientChunk,
      clientRaw: clientRaw,
      serverChunk: serverChunk,
      serverRaw: serverRaw,
      serverCreated: serverCreated,
      serverSocketError: serverSocketError,
      serverSocketClosed: serverSocketClosed,
      udpReceived: udpReceived
    }
  };
})
