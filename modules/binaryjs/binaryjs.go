// Package binaryjs is require("binaryjs"): BinaryServer, BinaryClient and BinaryStream,
// wire-compatible with npm binaryjs 0.2.1 (docs/wire/binarypack.md, docs/wire/binaryjs.md).
//
// The API's shape lives in binaryjs.js, a close reading of the real library's client, server
// and stream; the mechanism is Go: one WebSocket per client (gorilla/websocket) with a reader
// goroutine that decodes BinaryPack envelopes (package wire) and hands them to the loop in
// batches, and a writer goroutine that writes queued messages in batches. A BinaryStream is a
// node.Stream (runtime/stream.go), so pipe and backpressure work with every other stream.
//
// Extensions beyond 0.2.1: wss:// addresses (options.rejectUnauthorized: false accepts a server
// certificate that does not verify); ArrayBuffers and typed arrays are sent as binary
// like Buffers; options.maxMessageSize (default 64 MiB) refuses larger messages; whole numbers
// beyond ±2^31/2^32 are sent as float64 (a Node peer's decoder crashes on int64).
package binaryjs

import (
	_ "embed"
	"fmt"

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
	rt     *runtime.Runtime
	packer *jsvalue.Bridge // values as npm binarypack 0.0.4 packs them; raw bytes arrive as Buffers
}

func load(rt *runtime.Runtime) goja.Value {
	m := &module{rt: rt, packer: jsvalue.New(rt, jsvalue.Options{
		Dialect: jsvalue.NodeBinaryPack, Raw: jsvalue.RawBuffer, KeyString: wire.JSString})}
	v, err := rt.VM.RunScript("binaryjs.js", binaryjsJS)
	if err != nil {
		panic(fmt.Sprintf("binaryjs: %v", err))
	}
	mk, _ := goja.AssertFunction(v)
	exports, err := mk(goja.Undefined(), m.natives(), rt.StreamConstructor(), rt.Node().Get("EventEmitter"), rt.EmitFunction())
	if err != nil {
		panic(fmt.Sprintf("binaryjs: %v", err))
	}
	return exports
}

// natives is the object binaryjs.js calls into.
func (m *module) natives() *goja.Object {
	vm := m.rt.VM
	n := vm.NewObject()
	n.Set("connect", m.jsConnect)
	n.Set("listen", m.jsListen)
	n.Set("later", func(c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(0))
		if ok {
			m.rt.Post(func() error {
				_, err := m.rt.Call(fn, goja.Undefined())
				return err
			})
		}
		return goja.Undefined()
	})
	n.Set("bytes", func(c goja.FunctionCall) goja.Value {
		b, ok := m.packer.Bytes(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("not binary data"))
		}
		return m.rt.NewBuffer(b)
	})
	n.Set("slice", func(c goja.FunctionCall) goja.Value {
		b, _ := m.packer.Bytes(c.Argument(0))
		from, to := int(c.Argument(1).ToInteger()), int(c.Argument(2).ToInteger())
		if from < 0 || to > len(b) || from > to {
			panic(vm.NewTypeError("slice out of range"))
		}
		return m.rt.NewBuffer(b[from:to:to])
	})
	return n
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

// jsConnect is native.connect(address, client, options): a client socket, dialing.
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
	if err := s.bind(client); err != nil {
		panic(vm.NewGoError(err))
	}
	insecure := false
	if opts != nil {
		if v := opts.Get("rejectUnauthorized"); v != nil && !goja.IsUndefined(v) && !v.ToBoolean() {
			insecure = true
		}
	}
	s.dial(address, insecure)
	return obj
}

// jsListen is native.listen(options, binaryServer): serve on options.port or attach to
// options.server; returns {close()}.
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
	s, err := newServer(m, obj, str("path"), maxMessageOption(opts))
	if err != nil {
		panic(vm.NewGoError(err))
	}
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
	ctl := vm.NewObject()
	ctl.Set("close", func(goja.FunctionCall) goja.Value {
		s.close()
		return goja.Undefined()
	})
	return ctl
}
