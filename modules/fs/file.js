// node.fs.File's JavaScript shape: the constructor (which works with and without parentheses
// after `new`) and the conveniences written in terms of write. open, read, write and close are
// native and run through the file's own queue.
(function (init, proto) {
  function File(options) {
    init(this, options);
  }
  File.prototype = proto;
  Object.defineProperty(proto, "constructor", { value: File, writable: true, configurable: true });

  // puts writes data and a new-line; print writes data alone. Both return write's promise.
  proto.puts = function (data) {
    return this.write(String(data) + "\n");
  };
  proto.print = function (data) {
    return this.write(String(data));
  };
  return File;
})
