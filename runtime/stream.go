package runtime

import (
	_ "embed"

	"github.com/dop251/goja"
)

//go:embed js/stream.js
var streamJS string

// Streams from Go
//
// node.Stream (runtime/js/stream.js, an extension beyond 0.1.0) is the classic Node stream:
// an EventEmitter with write, end, pause, resume, destroy and pipe, and the events data, end,
// drain, close, error, pause and resume. A module gives a stream a Go side in three steps:
//
//	side := runtime.StreamSide{
//		Write:   func(data goja.Value) bool { ...queue data...; return queued < highWater },
//		End:     func() { ...flush, then post s.Close()... },
//		Pause:   func() { ...stop reading... },
//		Resume:  func() { ...read again... },
//		Destroy: func() { ...release, then post s.Close()... },
//	}
//	s := rt.NewStream(side, true, true)  // readable, writable; s.Object goes to JavaScript
//
// and later, from loop callbacks (rt.Post, a Handle's Post, Loop.Do's callback):
//
//	s.Push(rt.NewBuffer(chunk))  // "data" (queued while the program has paused the stream)
//	s.PushEnd()                  // "end", after everything pushed has come out
//	s.Drain()                    // "drain", after Write returned false and there is room again
//	s.Fail(rt.NewError("..."))   // "error"; the stream is then neither readable nor writable
//	s.Close()                    // "close", once
//
// The StreamSide functions run on the loop inside the program's call (stream.write(...)), so
// they must not block; to throw, panic with a goja value (rt.VM.NewTypeError(...)). While the
// program has paused the stream, data pushed by Go is held in JavaScript and emitted on resume,
// so Pause is only a hint to stop producing. A module whose objects have their own prototype
// (fs.ReadStream) makes it inherit rt.StreamPrototype() and calls rt.AttachStream on each new
// object. A readable file stream, for example: NewStream(side, true, false) with Pause/Resume
// stopping and restarting a reader goroutine that posts Push(buffer) per chunk, PushEnd() at
// EOF and Close() after closing the file; a writable one: NewStream(side, false, true) with
// Write queueing to a writer goroutine, returning false above a high-water mark and posting
// Drain() when the queue empties, End() closing the file after the queue and posting Close().

// StreamSide is the Go side of a node.Stream: what the stream's methods do. Nil functions do
// nothing (Write nil on a writable stream accepts and drops data).
type StreamSide struct {
	// Write takes one chunk the program wrote and reports whether the stream can take more
	// now; after returning false, call NodeStream.Drain once there is room.
	Write func(data goja.Value) bool
	// End is called once when the program ends the writable side (after a final Write of
	// end's argument, if any).
	End func()
	// Pause and Resume are the program's pause() and resume(): stop and restart producing.
	Pause, Resume func()
	// Destroy is the program's destroy(): release everything, then call NodeStream.Close.
	Destroy func()
}

// NodeStream is a node.Stream object whose behaviour is implemented in Go (see StreamSide).
// Use its methods only on the loop goroutine.
type NodeStream struct {
	// Object is the JavaScript stream.
	Object *goja.Object
	rt     *Runtime
}

// streams is the runtime's node.Stream machinery, made on first use.
type streams struct {
	ctor, proto                          *goja.Object
	attach, push, pushEnd, drain, failFn goja.Callable
	closeFn                              goja.Callable
	emit1                                goja.Value
}

// streamSide is the Go side of a node.Stream with one (see AttachStream).
var streamSide = NewState[*StreamSide]("runtime.Stream")

// installStreams defines node.Stream, and the Stream and emit1 helpers of glue files, made on
// first access.
func (rt *Runtime) installStreams() {
	rt.Lazy(rt.node, "Stream", func() goja.Value { return rt.streamKit().ctor })
	rt.Lazy(rt.glueLib, "Stream", func() goja.Value { return rt.streamKit().ctor })
	rt.Lazy(rt.glueLib, "emit1", func() goja.Value { return rt.streamKit().emit1 })
}

// streamKit loads stream.js once and returns its constructor and hooks.
func (rt *Runtime) streamKit() *streams {
	if rt.streamsKit != nil {
		return rt.streamsKit
	}
	vm := rt.VM
	undef := goja.Undefined()
	// side returns the Go side of the stream a native is called with.
	side := func(c goja.FunctionCall) *StreamSide {
		s, ok := streamSide.Get(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("not a node.Stream with a Go side"))
		}
		return s
	}
	hook := func(f func(s *StreamSide) func()) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			if fn := f(side(c)); fn != nil {
				fn()
			}
			return undef
		}
	}
	g := rt.LoadGlue("runtime/stream.js", streamJS, Natives{
		"write": func(c goja.FunctionCall) goja.Value {
			s := side(c)
			if s.Write == nil {
				return vm.ToValue(true)
			}
			return vm.ToValue(s.Write(c.Argument(1)))
		},
		"end":     hook(func(s *StreamSide) func() { return s.End }),
		"pause":   hook(func(s *StreamSide) func() { return s.Pause }),
		"resume":  hook(func(s *StreamSide) func() { return s.Resume }),
		"destroy": hook(func(s *StreamSide) func() { return s.Destroy }),
	})
	k := &streams{
		ctor:    g.Exports.Get("Stream").ToObject(vm),
		attach:  g.Hook("attach"),
		push:    g.Hook("push"),
		pushEnd: g.Hook("pushEnd"),
		drain:   g.Hook("drain"),
		failFn:  g.Hook("fail"),
		closeFn: g.Hook("close"),
	}
	g.Hook("emit1") // checked like the others, but handed to JavaScript as a value
	k.emit1 = g.hooks.Get("emit1")
	k.proto = k.ctor.Get("prototype").ToObject(vm)
	rt.streamsKit = k
	return k
}

// EmitFunction returns a JavaScript function emit1(emitter, type, arg) that calls the listeners
// of type with exactly the one argument arg. Unlike emitter.emit(type, arg) it never spreads an
// array argument into several (0.1.0's emit(type, argsArray) form), and it is the fastest way
// to emit "data" from JavaScript.
func (rt *Runtime) EmitFunction() goja.Value { return rt.streamKit().emit1 }

// StreamPrototype returns node.Stream.prototype, for modules whose stream objects inherit it.
func (rt *Runtime) StreamPrototype() *goja.Object { return rt.streamKit().proto }

// StreamConstructor returns node.Stream, for modules that check `instanceof` or subclass it.
func (rt *Runtime) StreamConstructor() *goja.Object { return rt.streamKit().ctor }

// NewStream returns a new node.Stream with the given Go side, readable and/or writable.
func (rt *Runtime) NewStream(side StreamSide, readable, writable bool) *NodeStream {
	o := rt.NewEmitter()
	o.SetPrototype(rt.StreamPrototype())
	return rt.AttachStream(o, side, readable, writable)
}

// AttachStream gives obj (an object inheriting node.Stream.prototype) the Go side side and
// sets its readable, writable and paused (false) properties.
func (rt *Runtime) AttachStream(obj *goja.Object, side StreamSide, readable, writable bool) *NodeStream {
	vm := rt.VM
	k := rt.streamKit()
	streamSide.Set(rt, obj, &side)
	if _, err := k.attach(goja.Undefined(), obj, vm.ToValue(readable), vm.ToValue(writable)); err != nil {
		panic(err)
	}
	return &NodeStream{Object: obj, rt: rt}
}

// Push emits "data" with data, or holds it while the stream is paused (from the loop; return
// the error from the loop callback, see Runtime.Call).
func (s *NodeStream) Push(data goja.Value) error {
	_, err := s.rt.Call(s.rt.streamKit().push, goja.Undefined(), s.Object, data)
	return err
}

// PushEnd ends the readable side: "end" once everything pushed has come out.
func (s *NodeStream) PushEnd() error {
	_, err := s.rt.Call(s.rt.streamKit().pushEnd, goja.Undefined(), s.Object)
	return err
}

// Drain emits "drain" (unless the stream is paused): the writable side has room again.
func (s *NodeStream) Drain() error {
	_, err := s.rt.Call(s.rt.streamKit().drain, goja.Undefined(), s.Object)
	return err
}

// Fail emits "error" with err; the stream is then neither readable nor writable.
func (s *NodeStream) Fail(err goja.Value) error {
	_, cerr := s.rt.Call(s.rt.streamKit().failFn, goja.Undefined(), s.Object, err)
	return cerr
}

// Close emits "close" (once) and marks the stream neither readable nor writable.
func (s *NodeStream) Close() error {
	_, err := s.rt.Call(s.rt.streamKit().closeFn, goja.Undefined(), s.Object)
	return err
}

// Paused reports whether the program has paused the stream.
func (s *NodeStream) Paused() bool {
	p := s.Object.Get("paused")
	return p != nil && p.ToBoolean()
}
