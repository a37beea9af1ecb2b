// Writing a module
//
// A module is a package under modules/ with one entry, Install(rt *runtime.Runtime), listed in
// cmd/node/modules.go. Install adds its part of the node namespace (rt.Node()) or registers a
// built-in package (rt.RegisterPackage). Large or rarely used parts can be made on first access
// with rt.Lazy.
//
// Threads. One goroutine runs the loop and owns every goja value. I/O runs on other goroutines
// and comes back with rt.Post (or a loop.Handle's Post); blocking syscalls go through
// rt.Loop.Do, which runs the work on a bounded pool and its returned callback on the loop.
// Long-lived resources hold a loop.Handle (rt.Loop.NewHandle) while they should keep the
// process alive, and Close it when done.
//
// Calling JavaScript. From a loop callback, call JavaScript only through rt.Call, rt.Emit,
// rt.Resolve or rt.Reject, and return the error they give from the callback: it is the uncaught
// exception (or node.exit) that stops the program. From Go code that is itself running inside
// a JavaScript call (a native function), use rt.EmitJS or call the function directly, so that
// exceptions reach the JavaScript caller.
//
// Objects. Objects users extend (sockets, servers, streams) are plain JS objects inheriting
// node.EventEmitter.prototype (rt.NewEmitter, rt.EmitterPrototype) with the Go side kept under a
// hidden symbol. Native functions use goja's fast signature func(goja.FunctionCall) goja.Value.
//
// Bytes. rt.BytesOf turns JS data (strings by encoding, arrays of integers, Buffers, typed
// arrays) into bytes; rt.ValueOf turns bytes into a string, an array of integers or a Buffer.
// ParseEncoding reads 0.1.0's encoding names. Convert once, at the edge.
//
// Output. rt.Out.Stdout and rt.Out.Stderr are the ordered, asynchronous process streams that
// puts, print, p and console use.
package runtime
