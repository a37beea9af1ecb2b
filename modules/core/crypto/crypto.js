// require("crypto"): Node 20's Hash and Hmac objects over crypto.go's natives (one Go hash
// per object), the random functions and webcrypto.getRandomValues.
// Glue (runtime/native.go): the exports are the crypto namespace.
(function (natives, runtime) {
  var Stream = runtime.Stream;

  // Hash and Hmac are also streams, as in Node: what is written is hashed; end() takes the
  // digest (a later digest() answers it too), which then comes out as the one "data" chunk
  // (or read()), in the encoding of setEncoding; "finish" and "end" follow.
  function Hash(algorithm, options) {
    if (!(this instanceof Hash)) return new Hash(algorithm, options);
    natives.initHash(this, algorithm);
    Stream.call(this);
  }
  runtime.inherits(Hash, Stream);
  Hash.prototype.update = function (data, inputEncoding) {
    natives.update(this, data, inputEncoding);
    return this;
  };
  Hash.prototype.digest = function (encoding) {
    return natives.digest(this, encoding, false);
  };
  Hash.prototype.copy = function () {
    var copy = natives.copy(this, Object.create(Hash.prototype));
    Stream.call(copy);
    return copy;
  };
  Hash.prototype.setEncoding = function (encoding) {
    this._readEncoding = encoding;
    return this;
  };
  Hash.prototype.write = function (chunk, encoding, cb) {
    if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
    natives.update(this, chunk, encoding);
    if (typeof cb === "function") runtime.later(function () { cb(null); });
    return true;
  };
  Hash.prototype.end = function (chunk, encoding, cb) {
    if (typeof chunk === "function") { cb = chunk; chunk = undefined; }
    else if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (!this.writable) return this;
    this.writable = false;
    var self = this;
    this._result = natives.digest(this, this._readEncoding, true);
    runtime.later(function () {
      if (typeof cb === "function") cb();
      self.emit("finish");
      if (self._result !== null && self.listeners("data").length > 0) {
        var result = self._result;
        self._result = null;
        runtime.emit1(self, "data", result);
      }
      if (self._result === null) {
        self.readable = false;
        self.emit("end");
      }
    });
    return this;
  };
  Hash.prototype.read = function () {
    var result = this._result === undefined ? null : this._result;
    this._result = null;
    return result;
  };

  function Hmac(hmac, key, options) {
    if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
    natives.initHmac(this, hmac, key);
    Stream.call(this);
  }
  runtime.inherits(Hmac, Stream);
  ["update", "digest", "setEncoding", "write", "end", "read"].forEach(function (name) {
    Hmac.prototype[name] = Hash.prototype[name];
  });

  function callbackError(cb) {
    var e = new TypeError('The "callback" argument must be of type function. Received ' +
      (cb === undefined ? "undefined" : typeof cb));
    e.code = "ERR_INVALID_ARG_TYPE";
    return e;
  }

  function randomInt(min, max, cb) {
    if (max === undefined || typeof max === "function") {
      cb = max;
      max = min;
      min = 0;
    }
    if (cb !== undefined && typeof cb !== "function") throw callbackError(cb);
    var n = natives.randomInt(min, max);
    if (cb) {
      runtime.later(function () { cb(undefined, n); });
      return undefined;
    }
    return n;
  }

  function randomFill(buf, offset, size, cb) {
    if (typeof offset === "function") { cb = offset; offset = undefined; }
    else if (typeof size === "function") { cb = size; size = undefined; }
    if (typeof cb !== "function") throw callbackError(cb);
    natives.randomFill(buf, offset, size);
    runtime.later(function () { cb(null, buf); });
  }

  function getRandomValues(array) {
    return natives.getRandomValues(array);
  }

  var webcrypto = {
    getRandomValues: getRandomValues,
    randomUUID: natives.randomUUID
  };

  var hashes = natives.hashes;
  var crypto = {
    createHash: function (algorithm, options) { return new Hash(algorithm, options); },
    createHmac: function (hmac, key, options) { return new Hmac(hmac, key, options); },
    Hash: Hash,
    Hmac: Hmac,
    getHashes: function () { return hashes.slice(); },
    randomBytes: natives.randomBytes,
    pseudoRandomBytes: natives.randomBytes,
    randomFillSync: function (buf, offset, size) { return natives.randomFill(buf, offset, size); },
    randomFill: randomFill,
    randomUUID: function (options) { return natives.randomUUID(); },
    randomInt: randomInt,
    timingSafeEqual: natives.timingSafeEqual,
    getRandomValues: getRandomValues,
    webcrypto: webcrypto
  };
  return { exports: crypto };
})
