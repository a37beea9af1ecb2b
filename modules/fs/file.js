// node.fs.File's JavaScript shape (glue, runtime/native.go): the constructor (which works with
// and without parentheses after `new`) and the conveniences written in terms of write. open,
// read, write and close are native (file.go) and run through the file's own queue.
(function (natives, runtime) {
  function File(options) {
    natives.initFile(this, options);
  }
  var proto = Object.create(runtime.EventEmitter.prototype);
  proto.open = natives.open;
  proto.read = natives.read;
  proto.write = natives.write;
  proto.close = natives.close;
  File.prototype = proto;
  Object.defineProperty(proto, "constructor", { value: File, writable: true, configurable: true });

  // puts writes data and a new-line; print writes data alone. Both return write's promise.
  proto.puts = function (data) {
    return this.write(String(data) + "\n");
  };
  proto.print = function (data) {
    return this.write(String(data));
  };
  return { exports: File };
})
