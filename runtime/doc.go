// Writing a module
//
// Every module is built the one way Node 0.1.0 built its own (native mechanism in C++, the
// API's shape in a small JavaScript file run by ExecuteNativeJS): the mechanism in Go, the
// shape in a glue file, meeting through one function, rt.LoadGlue.
//
// Registration. A module is a package under modules/ with one entry, Install(rt *runtime.Runtime),
// listed in cmd/node/modules.go. Install registers the module's exports: a built-in package with
// rt.RegisterPackage(name, load), or a part of the node namespace on rt.Node() (with rt.Lazy
// when it costs start-up time most programs do not need). load makes the Go state of the module
// for this runtime, loads its glue and returns the glue's exports.
//
// Glue. A glue file sits beside the Go code (modules/foo/foo.js), is embedded with //go:embed
// and is one function expression, called once per runtime:
//
//	// require("foo"): ...what the file is...
//	(function (natives, runtime) {
//	  var inherits = runtime.inherits;
//	  function Foo(options) {
//	    runtime.EventEmitter.call(this);
//	    natives.open(this, options);               // the Go side is made and kept on this
//	  }
//	  inherits(Foo, runtime.EventEmitter);
//	  Foo.prototype.send = function (data) { return natives.send(this, data); };
//	  Foo.prototype._onData = function (data) { this.emit("data", data); };
//	  return { exports: { Foo: Foo }, hooks: { data: Foo.prototype._onData } };
//	})
//
// It is loaded by
//
//	g := rt.LoadGlue("foo/foo.js", fooJS, runtime.Natives{"open": m.open, "send": m.send})
//	m.onData = g.Hook("data")  // every hook, asked for at load: a missing one panics, naming it
//	return g.Exports
//
// and runs under the name "earlynode:foo/foo.js" (GluePrefix + module directory + file), the
// name stack traces show. A module may have several glue files (fs has file.js and stream.js);
// one glue's exports can be another's native value (nodeipc hands pubsub.js's to nodeipc.js).
//
// Natives. The natives argument is one object built from a runtime.Natives map: Go functions
// with goja's fast signature func(goja.FunctionCall) goja.Value (func(goja.ConstructorCall)
// *goja.Object for a constructor), and goja values only Go can make (a prototype or
// constructor built in Go, a constant). A native the glue installs as a method reads its object
// from call.This (fs's File.prototype.open = natives.open); the others take the object they act
// on as their first argument (natives.send(this, data)). Natives throw by panicking with a goja
// value (rt.NewError, rt.VM.NewTypeError).
//
// Exports and hooks. The glue returns {exports, hooks}: exports is what scripts get (a
// namespace, a constructor, an instance); hooks (optional) are the JavaScript functions Go calls
// back: event handlers, factories of JavaScript objects. Go calls a hook with rt.Call from the
// loop (passing the object it concerns as `this` or as an argument) and directly from inside a
// native.
//
// Per-object Go state. The Go side of a JavaScript object lives on the object under a hidden
// symbol, one runtime.State per kind, declared at package level:
//
//	var connState = runtime.NewState[*conn]("foo.conn")
//	connState.Set(rt, obj, c)          // when the object is made
//	c, ok := connState.Get(call.This)  // in a native; !ok: not one of ours, throw a TypeError
//
// Do not make an object of closures per instance. Where a hot path cannot afford the wrapper
// State costs per object, keep the state elsewhere and say why (node.http's per-request maps,
// the timers' dynamic objects).
//
// Helpers. The runtime argument holds what glue files share, written once (js/helpers.js,
// events.js, stream.js): EventEmitter and Promise (node.EventEmitter, node.Promise), Stream and
// emit1 (node.Stream and its one-argument emit; made on first use), inherits(ctor, superCtor),
// hidden(obj, name, value) (a non-enumerable property) and later(fn) (fn on a later turn of the
// loop).
//
// Hot paths. Prototypes whose methods run per read or per request may be built in Go behind
// rt.Lazy (node.tcp, node.http); they reach their glue as native values all the same, and the
// glue arranges the namespace.
//
// Threads. One goroutine runs the loop and owns every goja value. I/O runs on other goroutines
// and comes back with rt.Post (or a loop.Handle's Post); blocking syscalls go through
// rt.Loop.Do, which runs the work on a bounded pool and its returned callback on the loop.
// Long-lived resources hold a loop.Handle (rt.Loop.NewHandle) while they should keep the
// process alive, and Close it when done.
//
// Calling JavaScript. From a loop callback, call JavaScript only through rt.Call, rt.Emit,
// rt.Resolve or rt.Reject, and return the error they give from the callback: it is the uncaught
// exception (or node.exit) that stops the program. A function called directly from a loop
// callback has its error turned into that one by rt.Uncaught. From Go code that is itself
// running inside a JavaScript call (a native function), use rt.EmitJS or call the function
// directly, so that exceptions reach the JavaScript caller.
//
// Listeners. Go finds an emitter's listeners only through events.go: HasListeners, and
// rt.Listeners to look them up before making the arguments of an event that may go unheard.
//
// Objects. Objects users extend (sockets, servers, streams) are plain JS objects inheriting
// node.EventEmitter.prototype (rt.NewEmitter, rt.EmitterPrototype) with the Go side under a
// runtime.State.
//
// Bytes. rt.BytesOf turns JS data (strings by encoding, arrays of integers, Buffers, typed
// arrays) into bytes; rt.ValueOf turns bytes into a string, an array of integers or a Buffer.
// ParseEncoding reads 0.1.0's encoding names. Convert once, at the edge. Node's encoding names
// (the libraries' sockets) go through rt.EncodeString and rt.DecodeString. Reads that may cut a
// UTF-8 character go through runtime/utf8split (UTF8Decoder, or its Decoder under a module's own
// conversion).
//
// Output. rt.Out.Stdout and rt.Out.Stderr are the ordered, asynchronous process streams that
// puts, print, p and console use. Inspect renders values as console.log does, or as
// util.inspect does for libraries that log like Node.
package runtime
