// require("peerjs"): Peer, DataConnection and PeerServer with the API shape of the PeerJS
// reference (2013, the 0.1.x shape) on PeerJS 1.5.5's wire protocol, plus the 1.x spellings
// a reader of today's documentation will try (docs/wire/peerjs.md, API shape). The mechanism is
// native (modules/peerjs: signalling, WebRTC, serializations; modules/peerjs/server); this file
// juggles arguments, keeps the properties and turns native callbacks into events.
//
// Glue (runtime/native.go): returns the exports, and as hooks makeConnection and the _on*
// methods, which the natives call from the loop (with `this` the Peer or DataConnection). The
// natives take the Peer, DataConnection or PeerServer they act on first.
(function (natives, runtime) {
  var EventEmitter = runtime.EventEmitter;
  var inherits = runtime.inherits;
  var hidden = runtime.hidden;

  function peerError(type, message) {
    var err = new Error(message);
    err.type = type;
    return err;
  }

  // ---- Peer ----

  // new Peer([id], options): id may be left out (the server then gives one, and peer.id is
  // undefined until "open").
  function Peer(id, options) {
    if (!(this instanceof Peer)) return new Peer(id, options);
    if (id !== null && typeof id === "object" && options === undefined) {
      options = id;
      id = undefined;
    }
    options = options || {};
    this.id = id === undefined || id === null || id === "" ? undefined : String(id);
    this.connections = {};
    this.options = options;
    this.open = false;
    this.disconnected = false;
    this.destroyed = false;
    var config;
    if (options.config !== undefined && options.config !== null) config = JSON.stringify(options.config);
    natives.peer(this, this.id === undefined ? "" : this.id, options, config);
  }
  inherits(Peer, EventEmitter);

  // peer.connect(id, [serialization], [meta]) as the seed documents, or
  // peer.connect(id, {label, metadata, serialization, reliable}) as PeerJS 1.x. The seed's form
  // asks for an ordered channel (it has no way to say otherwise); 1.x's follows `reliable`.
  Peer.prototype.connect = function (id, serialization, meta) {
    var o;
    if (serialization !== null && typeof serialization === "object") {
      o = serialization;
      o = { label: o.label, metadata: o.metadata, serialization: o.serialization, reliable: !!o.reliable };
    } else {
      o = { serialization: serialization, metadata: meta, reliable: true };
    }
    var metaText, metaError;
    try {
      metaText = o.metadata === undefined ? undefined : JSON.stringify(o.metadata);
    } catch (e) {
      metaError = "The metadata cannot be sent as JSON: " + (e && e.message ? e.message : e);
    }
    var ser = o.serialization === undefined || o.serialization === null ? "binary" : String(o.serialization);
    var label = o.label === undefined || o.label === null ? "" : String(o.label);
    var conn = natives.connect(this, String(id === undefined || id === null ? "" : id), label, metaText, ser, o.reliable, metaError);
    if (conn.connectionId) this._track(conn);
    return conn;
  };

  // destroy closes every connection and the connection to the server, for good.
  Peer.prototype.destroy = function () {
    if (this.destroyed) return;
    this.destroyed = true;
    this.disconnected = true;
    this.open = false;
    natives.destroy(this);
  };

  // disconnect (PeerJS 1.x) leaves the server but keeps the open connections.
  Peer.prototype.disconnect = function () {
    if (this.disconnected) return;
    this.disconnected = true;
    this.open = false;
    natives.disconnect(this);
  };

  // reconnect (PeerJS 1.x) registers the same id again after disconnect.
  Peer.prototype.reconnect = function () {
    if (this.destroyed) {
      this._later("error", peerError("disconnected", "This peer cannot reconnect to the server. It has already been destroyed."));
      return;
    }
    if (!this.disconnected) return;
    this.disconnected = false;
    natives.reconnect(this);
  };

  // listAllPeers(callback) (PeerJS 1.x) calls back with the ids on the server (it needs
  // allow_discovery); a refusal is an "error" event and the callback gets [].
  Peer.prototype.listAllPeers = function (callback) {
    natives.listAllPeers(this, typeof callback === "function" ? callback : function () {});
  };

  // getConnection (PeerJS 1.x) finds a live connection by remote peer id and connection id.
  Peer.prototype.getConnection = function (peerId, connectionId) {
    var all = this._all || [];
    for (var i = 0; i < all.length; i++) {
      if (all[i].peer === peerId && all[i].connectionId === connectionId) return all[i];
    }
    return null;
  };

  Peer.prototype._later = function (event, arg) {
    var self = this;
    runtime.later(function () { self.emit(event, arg); });
  };

  // connections[remote id] is the newest live connection to that peer (the seed's one
  // connection per peer); the others stay reachable through getConnection.
  Peer.prototype._track = function (conn) {
    if (!this._all) hidden(this, "_all", []);
    this._all.push(conn);
    this.connections[conn.peer] = conn;
  };

  Peer.prototype._untrack = function (conn) {
    var all = this._all || [];
    var i = all.indexOf(conn);
    if (i >= 0) all.splice(i, 1);
    if (this.connections[conn.peer] !== conn) return;
    delete this.connections[conn.peer];
    for (i = all.length - 1; i >= 0; i--) {
      if (all[i].peer === conn.peer) {
        this.connections[conn.peer] = all[i];
        break;
      }
    }
  };

  Peer.prototype._onOpen = function (id) {
    this.id = id;
    this.open = true;
    this.emit("open", id);
  };

  Peer.prototype._onConnection = function (conn) {
    this._track(conn);
    this.emit("connection", conn, conn.metadata);
  };

  Peer.prototype._onError = function (err) {
    this.emit("error", err);
  };

  Peer.prototype._onDisconnected = function (id) {
    this.open = false;
    this.disconnected = true;
    this.emit("disconnected", id);
  };

  Peer.prototype._onClose = function () {
    this.open = false;
    this.disconnected = true;
    this.destroyed = true;
    this.emit("close");
  };

  // ---- DataConnection: made by the native side (peer.connect, the "connection" event) ----

  function DataConnection(provider, localId, connectionId, remote, label, metadata, serialization, reliable) {
    this.id = localId;
    this.peer = remote;
    this.provider = provider;
    this.connectionId = connectionId;
    this.label = label;
    this.metadata = metadata === undefined ? undefined : JSON.parse(metadata);
    this.serialization = serialization;
    this.reliable = reliable;
    this.type = "data";
    this.open = false;
  }
  inherits(DataConnection, EventEmitter);

  // send(data) sends one value in the connection's serialization; what cannot be sent (the
  // connection is not open, the value cannot be serialized, a JSON message is too big) is an
  // "error" event, as PeerJS emits it.
  DataConnection.prototype.send = function (data) {
    var err = natives.send(this, data);
    if (err) this.emit("error", err);
  };

  // close() closes at once; close({flush: true}) (PeerJS 1.x) asks the other side to close
  // after everything sent so far has reached it.
  DataConnection.prototype.close = function (options) {
    if (options && options.flush) {
      natives.closeAfterFlush(this);
      return;
    }
    natives.close(this);
  };

  // bufferedAmount is how many bytes wait to be sent.
  Object.defineProperty(DataConnection.prototype, "bufferedAmount", {
    get: function () { return natives.bufferedAmount(this); },
    configurable: true
  });

  DataConnection.prototype._onOpen = function () {
    this.open = true;
    this.emit("open");
  };

  DataConnection.prototype._onError = function (err) {
    this.emit("error", err);
  };

  DataConnection.prototype._onClose = function () {
    this.open = false;
    if (this.provider) this.provider._untrack(this);
    this.emit("close");
  };

  function makeConnection(provider, localId, connectionId, remote, label, metadata, serialization, reliable) {
    return new DataConnection(provider, localId, connectionId, remote, label, metadata, serialization, reliable);
  }

  // ---- PeerServer ----

  // new PeerServer({port, host, path, key, expire_timeout, alive_timeout, concurrent_limit,
  // allow_discovery}) listens on its own port; new PeerServer({server: httpServer, path})
  // serves on a node.http server. callback (npm peer's) runs once it listens.
  function PeerServer(options, callback) {
    if (!(this instanceof PeerServer)) return new PeerServer(options, callback);
    options = options || {};
    this.options = options;
    if (typeof callback === "function") this.addListener("listening", callback);
    natives.server(this, options);
  }
  inherits(PeerServer, EventEmitter);

  // close stops serving and closes every client's signalling socket; "close" follows.
  PeerServer.prototype.close = function () {
    natives.closeServer(this);
  };

  // address returns {address, port} of the server's own port (null when attached).
  PeerServer.prototype.address = function () {
    return natives.serverAddress(this);
  };

  // clients returns the ids registered now, sorted.
  PeerServer.prototype.clients = function () {
    return natives.serverClients(this);
  };

  return {
    exports: {
      Peer: Peer,
      DataConnection: DataConnection,
      PeerServer: PeerServer,
      util: { supports: { data: true, binary: true, reliable: true } }
    },
    hooks: {
      makeConnection: makeConnection,
      peerOpen: Peer.prototype._onOpen,
      peerConnection: Peer.prototype._onConnection,
      peerError: Peer.prototype._onError,
      peerDisconnected: Peer.prototype._onDisconnected,
      peerClose: Peer.prototype._onClose,
      connectionOpen: DataConnection.prototype._onOpen,
      connectionError: DataConnection.prototype._onError,
      connectionClose: DataConnection.prototype._onClose
    }
  };
})
