// node.Process's JavaScript shape: new node.Process(command) starts the child (createProcess is
// the same thing as a function). write, close and kill are native.
(function (spawn, proto) {
  function Process(command) {
    spawn(this, command);
  }
  Process.prototype = proto;
  Object.defineProperty(proto, "constructor", { value: Process, writable: true, configurable: true });
  return Process;
})
