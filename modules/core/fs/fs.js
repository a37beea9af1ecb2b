// require("fs"): Node 20's fs. Every call is one native taking (cb, ...arguments): with a
// function first it works on the loop's pool and calls back, with undefined it works at once
// (fs.go). This file makes the callback, Sync and fs.promises forms of each, Stats, Dirent,
// FileHandle, ReadStream and WriteStream.
// Glue (runtime/native.go): the exports are the fs namespace; the hooks make Stats and Dirents.
(function (natives, runtime) {
  var Stream = runtime.Stream;
  var slice = Array.prototype.slice;
  var fs = {};

  function codeError(Ctor, code, message) {
    var e = new Ctor(message);
    e.code = code;
    return e;
  }

  function describe(v) {
    if (v === undefined) return "undefined";
    if (v === null) return "null";
    if (typeof v === "function") return "function " + v.name;
    if (typeof v === "object") return "an instance of " + ((v.constructor && v.constructor.name) || "Object");
    if (typeof v === "string") return "type string ('" + (v.length > 25 ? v.slice(0, 25) + "..." : v) + "')";
    return "type " + typeof v + " (" + String(v) + ")";
  }

  function callbackError(cb) {
    return codeError(TypeError, "ERR_INVALID_ARG_TYPE",
      'The "cb" argument must be of type function. Received ' + describe(cb));
  }

  // withCallback calls native with the callback (the last argument) first; arity counts the
  // callback among the parameters, so that a missing callback is reported as undefined.
  function withCallback(native, args, arity) {
    var n = args.length;
    var cb = args[n - 1];
    if (typeof cb !== "function") throw callbackError(n >= arity ? cb : undefined);
    var a = new Array(n);
    a[0] = cb;
    for (var i = 0; i < n - 1; i++) a[i + 1] = args[i];
    native.apply(null, a);
  }

  function withoutCallback(native, args) {
    var a = [undefined];
    for (var i = 0; i < args.length; i++) a.push(args[i]);
    return native.apply(null, a);
  }

  function promised(native, args) {
    return new Promise(function (resolve, reject) {
      var a = [function (err, value) {
        if (err) reject(err);
        else resolve(value);
      }];
      for (var i = 0; i < args.length; i++) a.push(args[i]);
      native.apply(null, a);
    });
  }

  var promises = {};

  // define makes fs[name], fs[name + "Sync"] and fs.promises[name] of native.
  function define(name, native, arity, noPromise) {
    fs[name] = function () { withCallback(native, arguments, arity); };
    fs[name + "Sync"] = function () { return withoutCallback(native, arguments); };
    if (!noPromise) promises[name] = function () { return promised(native, arguments); };
  }

  // name: the number of parameters of the callback form.
  var arities = {
    readFile: 3, open: 4, close: 2, stat: 3, lstat: 3, fstat: 3, readdir: 3, mkdir: 3, mkdtemp: 3,
    rm: 3, rmdir: 3, unlink: 2, rename: 3, access: 3, copyFile: 4, symlink: 4, link: 3,
    readlink: 3, realpath: 3, truncate: 3, ftruncate: 3, chmod: 3, fsync: 2, fchmod: 3,
    chown: 4, lchown: 4, fchown: 4, utimes: 4, lutimes: 4, futimes: 4, cp: 4
  };
  var descriptorOnly = { close: 1, fstat: 1, ftruncate: 1, fsync: 1, fchmod: 1, fchown: 1, futimes: 1 };
  Object.keys(arities).forEach(function (name) {
    define(name, natives[name], arities[name], descriptorOnly[name] === 1);
  });
  // realpath.native is the same call (both resolve in Go).
  fs.realpath.native = fs.realpath;
  fs.realpathSync.native = fs.realpathSync;

  // writeFile and appendFile share a native; its last argument is the default flag.
  fs.writeFile = function (file, data, options, cb) {
    if (typeof options === "function") { cb = options; options = undefined; }
    if (typeof cb !== "function") throw callbackError(cb);
    natives.writeFile(cb, file, data, options, "w");
  };
  fs.writeFileSync = function (file, data, options) {
    natives.writeFile(undefined, file, data, options, "w");
  };
  fs.appendFile = function (file, data, options, cb) {
    if (typeof options === "function") { cb = options; options = undefined; }
    if (typeof cb !== "function") throw callbackError(cb);
    natives.writeFile(cb, file, data, options, "a");
  };
  fs.appendFileSync = function (file, data, options) {
    natives.writeFile(undefined, file, data, options, "a");
  };
  promises.writeFile = function (file, data, options) {
    return promised(natives.writeFile, [file, data, options, "w"]);
  };
  promises.appendFile = function (file, data, options) {
    return promised(natives.writeFile, [file, data, options, "a"]);
  };

  // read(fd, buffer, offset, length, position, cb), read(fd, {buffer, ...}, cb),
  // read(fd, buffer, {offset, length, position}, cb) and read(fd, cb).
  function readArgs(fd, a) {
    var buffer = a[0], opts;
    if (buffer !== null && typeof buffer === "object" && !ArrayBuffer.isView(buffer)) {
      opts = buffer;
      buffer = opts.buffer;
    } else if (a[1] !== null && typeof a[1] === "object") {
      opts = a[1];
    }
    if (opts || buffer === undefined) {
      opts = opts || {};
      if (buffer === undefined) buffer = Buffer.alloc(16384);
      var offset = opts.offset === undefined ? 0 : opts.offset;
      var length = opts.length === undefined ? buffer.byteLength - offset : opts.length;
      return [fd, buffer, offset, length, opts.position];
    }
    return [fd, buffer, a[1], a[2], a[3]];
  }
  fs.read = function (fd) {
    var args = slice.call(arguments, 1);
    var cb = args.pop();
    if (typeof cb !== "function") throw callbackError(cb);
    var a = readArgs(fd, args);
    natives.read.apply(null, [cb].concat(a));
  };
  fs.readSync = function (fd) {
    return natives.read.apply(null, [undefined].concat(readArgs(fd, slice.call(arguments, 1))));
  };

  // write(fd, buffer, offset, length, position, cb), write(fd, buffer, {offset, length,
  // position}, cb) and write(fd, string, position, encoding, cb).
  function writeArgs(fd, a) {
    if (typeof a[0] !== "string" && a[1] !== null && typeof a[1] === "object") {
      var o = a[1];
      return [fd, a[0], o.offset, o.length, o.position];
    }
    return [fd].concat(a);
  }
  fs.write = function (fd) {
    var args = slice.call(arguments, 1);
    var cb = args.pop();
    if (typeof cb !== "function") throw callbackError(cb);
    natives.write.apply(null, [cb].concat(writeArgs(fd, args)));
  };
  fs.writeSync = function (fd) {
    return natives.write.apply(null, [undefined].concat(writeArgs(fd, slice.call(arguments, 1))));
  };

  fs.exists = function (path, cb) {
    if (typeof cb !== "function") throw callbackError(cb);
    try {
      natives.access(function (err) { cb(!err); }, path);
    } catch (e) {
      runtime.later(function () { cb(false); });
    }
  };
  fs.existsSync = function (path) {
    try {
      natives.access(undefined, path);
      return true;
    } catch (e) {
      return false;
    }
  };

  // ---- opendir's Dir ----

  function dirClosed() {
    return codeError(Error, "ERR_DIR_CLOSED", "Directory handle was closed");
  }

  // Dir hands out the Dirents of a directory read at open, one per read().
  function Dir(path, entries) {
    hideDir(this, entries);
    Object.defineProperty(this, kPath, { value: path });
  }
  var kPath = Symbol("path");
  Object.defineProperty(Dir.prototype, "path", {
    get: function () { return this[kPath]; }, configurable: true
  });
  var kEntries = Symbol("entries");
  var kClosed = Symbol("closed");
  function hideDir(dir, entries) {
    Object.defineProperty(dir, kEntries, { value: entries, writable: true });
    Object.defineProperty(dir, kClosed, { value: false, writable: true });
  }
  Dir.prototype.readSync = function () {
    if (this[kClosed]) throw dirClosed();
    return this[kEntries].length ? this[kEntries].shift() : null;
  };
  Dir.prototype.read = function (cb) {
    var self = this;
    if (typeof cb === "function") {
      var err = null, entry = null;
      try { entry = self.readSync(); } catch (e) { err = e; }
      runtime.later(function () { cb(err, entry); });
      return undefined;
    }
    return new Promise(function (resolve) { resolve(self.readSync()); });
  };
  Dir.prototype.closeSync = function () {
    if (this[kClosed]) throw dirClosed();
    this[kClosed] = true;
    this[kEntries] = [];
  };
  Dir.prototype.close = function (cb) {
    var self = this;
    if (typeof cb === "function") {
      var err = null;
      try { self.closeSync(); } catch (e) { err = e; }
      runtime.later(function () { cb(err); });
      return undefined;
    }
    return new Promise(function (resolve) { self.closeSync(); resolve(); });
  };
  // The async iterator (written out: the engine has no async generators); the directory is
  // closed when the entries run out or the loop stops early.
  Dir.prototype.entries = Dir.prototype[Symbol.asyncIterator] = function () {
    var dir = this;
    return {
      next: function () {
        return new Promise(function (resolve) {
          var entry = dir.readSync();
          if (entry === null && !dir[kClosed]) dir.closeSync();
          resolve(entry === null ? { value: undefined, done: true } : { value: entry, done: false });
        });
      },
      "return": function () {
        if (!dir[kClosed]) dir.closeSync();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]: function () { return this; }
    };
  };
  function dirPath(path) {
    return typeof path === "string" ? path : String(path);
  }
  fs.opendir = function (path, options, cb) {
    if (typeof options === "function") { cb = options; options = undefined; }
    if (typeof cb !== "function") throw callbackError(cb);
    natives.opendir(function (err, entries) {
      cb(err, err ? undefined : new Dir(dirPath(path), entries));
    }, path, options);
  };
  fs.opendirSync = function (path, options) {
    return new Dir(dirPath(path), natives.opendir(undefined, path, options));
  };
  promises.opendir = function (path, options) {
    return promised(natives.opendir, [path, options]).then(function (entries) {
      return new Dir(dirPath(path), entries);
    });
  };
  fs.Dir = Dir;

  // ---- Stats and Dirent ----

  function Stats(f) {
    this.dev = f[0]; this.mode = f[1]; this.nlink = f[2]; this.uid = f[3]; this.gid = f[4];
    this.rdev = f[5]; this.blksize = f[6]; this.ino = f[7]; this.size = f[8]; this.blocks = f[9];
    this.atimeMs = f[10]; this.mtimeMs = f[11]; this.ctimeMs = f[12]; this.birthtimeMs = f[13];
    this.atime = new Date(f[10]); this.mtime = new Date(f[11]);
    this.ctime = new Date(f[12]); this.birthtime = new Date(f[13]);
  }
  var S_IFMT = 0xf000;
  function typeTest(bits) {
    return function () { return (this.mode & S_IFMT) === bits; };
  }
  Stats.prototype.isFile = typeTest(0x8000);
  Stats.prototype.isDirectory = typeTest(0x4000);
  Stats.prototype.isSymbolicLink = typeTest(0xa000);
  Stats.prototype.isBlockDevice = typeTest(0x6000);
  Stats.prototype.isCharacterDevice = typeTest(0x2000);
  Stats.prototype.isFIFO = typeTest(0x1000);
  Stats.prototype.isSocket = typeTest(0xc000);

  var kType = Symbol("type");
  function Dirent(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  function direntTest(t) {
    return function () { return this[kType] === t; };
  }
  Dirent.prototype.isFile = direntTest(1);
  Dirent.prototype.isDirectory = direntTest(2);
  Dirent.prototype.isSymbolicLink = direntTest(3);
  Dirent.prototype.isFIFO = direntTest(4);
  Dirent.prototype.isSocket = direntTest(5);
  Dirent.prototype.isCharacterDevice = direntTest(6);
  Dirent.prototype.isBlockDevice = direntTest(7);

  fs.Stats = Stats;
  fs.Dirent = Dirent;

  // ---- fs.promises.open's FileHandle ----

  function FileHandle(fd) {
    runtime.EventEmitter.call(this);
    this.fd = fd;
  }
  runtime.inherits(FileHandle, runtime.EventEmitter);
  FileHandle.prototype.getAsyncId = function () { return this.fd; };
  FileHandle.prototype.read = function (buffer, offset, length, position) {
    var a = readArgs(this.fd, slice.call(arguments));
    return new Promise(function (resolve, reject) {
      natives.read.apply(null, [function (err, n, buf) {
        if (err) reject(err);
        else resolve({ bytesRead: n, buffer: buf });
      }].concat(a));
    });
  };
  FileHandle.prototype.write = function (data) {
    var a = writeArgs(this.fd, slice.call(arguments));
    return new Promise(function (resolve, reject) {
      natives.write.apply(null, [function (err, n, buf) {
        if (err) reject(err);
        else resolve({ bytesWritten: n, buffer: buf });
      }].concat(a));
    });
  };
  FileHandle.prototype.readFile = function (options) { return promised(natives.readFile, [this.fd, options]); };
  FileHandle.prototype.writeFile = function (data, options) { return promised(natives.writeFile, [this.fd, data, options, "w"]); };
  FileHandle.prototype.appendFile = function (data, options) { return promised(natives.writeFile, [this.fd, data, options, "a"]); };
  FileHandle.prototype.stat = function () { return promised(natives.fstat, [this.fd]); };
  FileHandle.prototype.truncate = function (len) { return promised(natives.ftruncate, [this.fd, len]); };
  FileHandle.prototype.sync = function () { return promised(natives.fsync, [this.fd]); };
  FileHandle.prototype.close = function () {
    var self = this;
    if (self.fd < 0) return Promise.resolve();
    var fd = self.fd;
    self.fd = -1;
    return promised(natives.close, [fd]).then(function () { self.emit("close"); });
  };
  promises.open = function (path, flags, mode) {
    return promised(natives.open, [path, flags, mode]).then(function (fd) { return new FileHandle(fd); });
  };

  // ---- streams ----

  var proto = Stream.prototype;

  // ReadStream reads a file in chunks of highWaterMark bytes (64 KiB) from start to end
  // (inclusive) once someone listens for "data", pipes it or resumes it. Events: open, ready,
  // data, end, close, error, pause, resume.
  function ReadStream(path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);
    runtime.EventEmitter.call(this);
    this.bytesRead = 0;
    this.pending = true;
    natives.initRead(this, path, options);
  }
  ReadStream.prototype = Object.create(proto, {
    constructor: { value: ReadStream, writable: true, configurable: true }
  });
  ReadStream.prototype.addListener = ReadStream.prototype.on = function (type, listener) {
    proto.addListener.call(this, type, listener);
    if (type === "data") natives.flowRead(this, undefined);
    return this;
  };
  ReadStream.prototype.resume = function () {
    natives.flowRead(this, undefined);
    proto.resume.call(this);
    return this;
  };
  ReadStream.prototype.pause = function () {
    proto.pause.call(this);
    return this;
  };
  ReadStream.prototype.isPaused = function () { return !!this.paused; };
  ReadStream.prototype.setEncoding = function (encoding) {
    natives.flowRead(this, encoding === undefined || encoding === null ? "utf8" : String(encoding));
    return this;
  };
  ReadStream.prototype.close = function (cb) {
    if (typeof cb === "function") this.once("close", cb);
    this.destroy();
  };

  // WriteStream writes what it is given to a file in order; write returns false once
  // highWaterMark bytes (16 KiB) wait, and "drain" follows when they are written. Events:
  // open, ready, drain, finish, close, error.
  function WriteStream(path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);
    runtime.EventEmitter.call(this);
    this.bytesWritten = 0;
    this.pending = true;
    this.writable = true;
    natives.initWrite(this, path, options);
  }
  WriteStream.prototype = Object.create(proto, {
    constructor: { value: WriteStream, writable: true, configurable: true }
  });
  WriteStream.prototype.write = function (chunk, encoding, cb) {
    if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
    return natives.writeChunk(this, chunk, encoding, cb);
  };
  WriteStream.prototype.end = function (chunk, encoding, cb) {
    if (typeof chunk === "function") { cb = chunk; chunk = undefined; }
    else if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    natives.endWrite(this, cb);
    return this;
  };
  WriteStream.prototype.destroy = function (err) {
    natives.destroyW(this, err);
    return this;
  };
  WriteStream.prototype.close = function (cb) {
    if (typeof cb === "function") this.once("close", cb);
    this.end();
  };
  WriteStream.prototype.destroySoon = WriteStream.prototype.end;

  fs.ReadStream = ReadStream;
  fs.WriteStream = WriteStream;
  fs.createReadStream = function (path, options) { return new ReadStream(path, options); };
  fs.createWriteStream = function (path, options) { return new WriteStream(path, options); };

  var constants = natives.constants;
  fs.constants = constants;
  fs.F_OK = constants.F_OK;
  fs.R_OK = constants.R_OK;
  fs.W_OK = constants.W_OK;
  fs.X_OK = constants.X_OK;
  promises.constants = constants;
  fs.promises = promises;

  return {
    exports: fs,
    hooks: {
      stats: function (f) { return new Stats(f); },
      dirent: function (name, type, path) { return new Dirent(name, type, path); }
    }
  };
})
