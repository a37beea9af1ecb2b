// The runtime argument of every glue file (runtime/native.go): the helpers glue files share,
// written once. events.js adds EventEmitter, Promise; stream.js adds Stream and emit1 (made on
// first use).
//
//   inherits(ctor, superCtor)  ctor.prototype inherits superCtor.prototype (Node's util.inherits)
//   hidden(obj, name, value)   a property that is writable but not enumerable
//   later(fn)                  fn() on a later turn of the loop (native)
(function (natives, runtime) {
  function inherits(ctor, superCtor) {
    ctor.super_ = superCtor;
    ctor.prototype = Object.create(superCtor.prototype, {
      constructor: { value: ctor, enumerable: false, writable: true, configurable: true }
    });
  }

  function hidden(obj, name, value) {
    Object.defineProperty(obj, name, { value: value, writable: true, configurable: true });
  }

  return { exports: { inherits: inherits, hidden: hidden, later: natives.later } };
})
