// Package binaryjs is require("binaryjs"): BinaryServer, BinaryClient and BinaryStream,
// wire-compatible with npm binaryjs 0.2.1 (docs/wire/binarypack.md, docs/wire/binaryjs.md).
//
// The API's shape lives in binaryjs.js, a close reading of the real library's client, server
// and stream; the mechanism is Go: one WebSocket per client (modules/http/websocket) run on
// the loop's I/O layer, with no goroutine of its own: each message read is decoded (BinaryPack
// envelopes, package wire) and handed to the BinaryClient at once, and the messages sent in
// one turn of the loop leave together at its end. A BinaryStream is a node.Stream
// (runtime/stream.go), so pipe and backpressure work with every other stream. wss:// runs the
// same WebSocket over netpoll's TLS.
//
// Extensions beyond 0.2.1: wss:// addresses (options.rejectUnauthorized: false accepts a server
// certificate that does not verify); ArrayBuffers and typed arrays are sent as binary
// like Buffers; options.maxMessageSize (default 64 MiB) refuses larger messages; whole numbers
// beyond ±2^31/2^32 are sent as float64 (a Node peer's decoder crashes on int64).
package binaryjs

import (
	_ "embed"

	"github.com/dop251/goja"

	"earlynode/modules/binaryjs/wire"
	"earlynode/modules/binarypack/jsvalue"
	"earlynode/runtime"
)

//go:embed binaryjs.js
var binaryjsJS string

// Install registers the built-in package "binaryjs".
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("binaryjs", load)
}

// module is the package's state in one runtime.
type module struct {
	rt      *runtime.Runtime
	packer  *jsvalue.Bridge // values as npm binarypack 0.0.4 packs them; raw bytes arrive as Buffers
	scratch []byte          // where send packs a message before its frame copies it

	client                             handler       // the BinaryClient hooks (client unset)
	onConnection, onError, onListening goja.Callable // the BinaryServer hooks
}

// The Go sides of a client's socket object and of a BinaryServer.
var (
	socketState = runtime.NewState[*socket]("binaryjs.socket")
	serverState = runtime.NewState[*server]("binaryjs.server")
)

func load(rt *runtime.Runtime) goja.Value {
	m := &module{rt: rt, packer: jsvalue.New(rt, jsvalue.Options{
		Dialect: jsvalue.NodeBinaryPack, Raw: jsvalue.RawBuffer, KeyString: wire.JSString})}
	g := rt.LoadGlue("binaryjs/binaryjs.js", binaryjsJS, m.natives())
	m.client = handler{
		onOpen:     g.Hook("clientOpen"),
		onMessage:  g.Hook("clientMessage"),
		onProtoErr: g.Hook("clientProtocolError"),
		onErr:      g.Hook("clientError"),
		onClose:    g.Hook("clientClose"),
		onDrain:    g.Hook("clientDrain"),
	}
	m.onConnection, m.onError, m.onListening = g.Hook("serverConnection"), g.Hook("serverError"), g.Hook("serverListening")
	return g.Exports
}

// natives is what binaryjs.js calls into.
func (m *module) natives() runtime.Natives {
	vm := m.rt.VM
	// sock returns the Go side of a socket object.
	sock := func(v goja.Value) *socket {
		s, ok := socketState.Get(v)
		if !ok {
			panic(vm.NewTypeError("not a BinaryJS socket"))
		}
		return s
	}
	return runtime.Natives{
		"connect": m.jsConnect,
		"listen":  m.jsListen,
		// closeServer(binaryServer)
		"closeServer": func(c goja.FunctionCall) goja.Value {
			s, ok := serverState.Get(c.Argument(0))
			if !ok {
				panic(vm.NewTypeError("not a BinaryServer"))
			}
			s.close()
			return goja.Undefined()
		},
		// send(socket, type, payload, id) -> whether there is room for more
		"send": func(c goja.FunctionCall) goja.Value {
			return sock(c.Argument(0)).send(c.Argument(1), c.Argument(2), c.Argument(3))
		},
		// close(socket)
		"close": func(c goja.FunctionCall) goja.Value {
			sock(c.Argument(0)).close()
			return goja.Undefined()
		},
		// isOpen(socket)
		"isOpen": func(c goja.FunctionCall) goja.Value {
			return vm.ToValue(sock(c.Argument(0)).state == stateOpen)
		},
		// bind(socket, binaryClient): the client receives the socket's events
		"bind": func(c goja.FunctionCall) goja.Value {
			sock(c.Argument(0)).bind(c.Argument(1).ToObject(vm))
			return goja.Undefined()
		},
		"bytes": func(c goja.FunctionCall) goja.Value {
			b, ok := m.packer.Bytes(c.Argument(0))
			if !ok {
				panic(vm.NewTypeError("not binary data"))
			}
			return m.rt.NewBuffer(b)
		},
		"slice": func(c goja.FunctionCall) goja.Value {
			b, _ := m.packer.Bytes(c.Argument(0))
			from, to := int(c.Argument(1).ToInteger()), int(c.Argument(2).ToInteger())
			if from < 0 || to > len(b) || from > to {
				panic(vm.NewTypeError("slice out of range"))
			}
			return m.rt.NewBuffer(b[from:to:to])
		},
	}
}

// maxMessageOption reads options.maxMessageSize.
func maxMessageOption(o *goja.Object) int64 {
	if o == nil {
		return DefaultMaxMessageSize
	}
	if v := o.Get("maxMessageSize"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		if n := v.ToInteger(); n > 0 {
			return n
		}
	}
	return DefaultMaxMessageSize
}

// jsConnect is natives.connect(address, client, options): a client socket, dialing.
func (m *module) jsConnect(c goja.FunctionCall) goja.Value {
	vm := m.rt.VM
	address := c.Argument(0).String()
	client := c.Argument(1).ToObject(vm)
	var opts *goja.Object
	if o, ok := c.Argument(2).(*goja.Object); ok {
		opts = o
	}
	s := newSocket(m, false, maxMessageOption(opts))
	obj := s.jsObject()
	s.bind(client)
	insecure := false
	if opts != nil {
		if v := opts.Get("rejectUnauthorized"); v != nil && !goja.IsUndefined(v) && !v.ToBoolean() {
			insecure = true
		}
	}
	s.dial(address, insecure)
	return obj
}

// jsListen is natives.listen(options, binaryServer): serve on options.port or attach to
// options.server.
func (m *module) jsListen(c goja.FunctionCall) goja.Value {
	vm := m.rt.VM
	opts := c.Argument(0).ToObject(vm)
	obj := c.Argument(1).ToObject(vm)
	str := func(name string) string {
		v := opts.Get(name)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return ""
		}
		return v.String()
	}
	s := newServer(m, obj, str("path"), maxMessageOption(opts))
	serverState.Set(m.rt, obj, s)
	if srv := opts.Get("server"); srv != nil && !goja.IsUndefined(srv) && !goja.IsNull(srv) {
		if err := s.attach(srv, s.path); err != nil {
			panic(vm.NewTypeError("BinaryServer: options.server: %v", err))
		}
	} else {
		pv := opts.Get("port")
		if pv == nil || goja.IsUndefined(pv) || goja.IsNull(pv) {
			panic(vm.NewTypeError("BinaryServer: either options.port or options.server must be given"))
		}
		host := str("host")
		if host == "" {
			host = "0.0.0.0"
		}
		s.listen(host, int(pv.ToInteger()))
	}
	return goja.Undefined()
}
