// node.fs.ReadStream and node.fs.WriteStream (an extension beyond 0.1.0, in the classic stream
// style of Node 0.4-0.10): constructors over node.Stream.prototype whose Go side (readstream.go,
// writestream.go) does the reading and writing. write and end take an optional encoding.
// Glue (runtime/native.go): the exports are {ReadStream, WriteStream}.
(function (natives, runtime) {
  var Stream = runtime.Stream;
  var proto = Stream.prototype;
  var initRead = natives.initReadStream;
  var initWrite = natives.initWriteStream;
  var setEncoding = natives.setEncoding;
  var toBuffer = natives.toBuffer;

  function ReadStream(path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);
    initRead(this, path, options);
  }
  ReadStream.prototype = Object.create(proto, {
    constructor: { value: ReadStream, writable: true, configurable: true }
  });
  // setEncoding makes "data" strings in that encoding ("utf8", "ascii", "latin1", "hex",
  // "base64") instead of Buffers; characters split between reads are kept whole.
  ReadStream.prototype.setEncoding = function (encoding) {
    setEncoding(this, encoding);
  };

  function WriteStream(path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);
    initWrite(this, path, options);
  }
  WriteStream.prototype = Object.create(proto, {
    constructor: { value: WriteStream, writable: true, configurable: true }
  });
  WriteStream.prototype.write = function (data, encoding) {
    if (typeof data === "string" && encoding) data = toBuffer(data, encoding);
    return proto.write.call(this, data);
  };
  WriteStream.prototype.end = function (data, encoding) {
    if (typeof data === "string" && encoding) data = toBuffer(data, encoding);
    return proto.end.call(this, data);
  };
  // destroySoon ends the stream once what was written has reached the file.
  WriteStream.prototype.destroySoon = function () {
    return this.end();
  };

  return { exports: { ReadStream: ReadStream, WriteStream: WriteStream } };
})
