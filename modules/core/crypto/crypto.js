// require("crypto"): Node 20's Hash and Hmac objects over crypto.go's natives (one Go hash
// per object), the random functions and webcrypto.getRandomValues.
// Glue (runtime/native.go): the exports are the crypto namespace.
(function (natives, runtime) {
  function Hash(algorithm, options) {
    if (!(this instanceof Hash)) return new Hash(algorithm, options);
    natives.initHash(this, algorithm);
  }
  Hash.prototype.update = function (data, inputEncoding) {
    natives.update(this, data, inputEncoding);
    return this;
  };
  Hash.prototype.digest = function (encoding) {
    return natives.digest(this, encoding);
  };
  Hash.prototype.copy = function () {
    return natives.copy(this, Object.create(Hash.prototype));
  };

  function Hmac(hmac, key, options) {
    if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
    natives.initHmac(this, hmac, key);
  }
  Hmac.prototype.update = Hash.prototype.update;
  Hmac.prototype.digest = Hash.prototype.digest;

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
