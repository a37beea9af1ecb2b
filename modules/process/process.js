// node.Process's JavaScript shape (glue, runtime/native.go): new node.Process(command) starts
// the child (createProcess is the same thing as a function). write, close and kill are native
// (process.go).
(function (natives, runtime) {
  function Process(command) {
    natives.spawn(this, command);
  }
  var proto = Object.create(runtime.EventEmitter.prototype);
  proto.write = natives.write;
  proto.close = natives.close;
  proto.kill = natives.kill;
  Process.prototype = proto;
  Object.defineProperty(proto, "constructor", { value: Process, writable: true, configurable: true });
  return { exports: Process };
})
