// Package socketipc is earlynode's built-in @crussell52/socket-ipc 0.4.0: require("@crussell52/
// socket-ipc") (or "socket-ipc") gives Server, Client and the library's six error classes,
// speaking the library's wire format (docs/wire/socket-ipc.md) over unix sockets.
//
// The API's shape (options, events, errors, retry timers) is socketipc.js; the sockets, the
// framing (package wire) and the message encoding and decoding are Go: each read is decoded on
// the connection's goroutine and delivered to the loop as one batch, each message's payload is
// parsed by one JSON.parse at most, and a send appends its frame to the connection's write
// queue.
package socketipc

import (
	"github.com/google/uuid"

	_ "embed"
	"errors"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/ipcnet"
	"earlynode/modules/socketipc/wire"
	"earlynode/runtime"
)

//go:embed socketipc.js
var apiJS string

// Names are the names the package is required by.
var Names = []string{"@crussell52/socket-ipc", "socket-ipc"}

// Install registers the package under its names.
func Install(rt *runtime.Runtime) {
	var exports goja.Value
	load := func(rt *runtime.Runtime) goja.Value {
		if exports == nil {
			exports = newModule(rt).exports
		}
		return exports
	}
	for _, n := range Names {
		rt.RegisterPackage(n, load)
	}
}

// module is one runtime's instance of the package.
type module struct {
	rt        *runtime.Runtime
	json      *ipcnet.JSON
	exports   goja.Value
	emitError goja.Callable // (emitter, err, clientId)
	decodeErr goja.Callable // (message, rawData, clientId) -> DecodeError
	buf       []byte
}

// serverState is the Go side of the handle natives.listen returns.
var serverState = runtime.NewState[*server]("socketipc.server")

func newModule(rt *runtime.Runtime) *module {
	m := &module{rt: rt, json: ipcnet.NewJSON(rt)}
	g := rt.LoadGlue("socketipc/socketipc.js", apiJS, m.natives())
	m.exports = g.Exports
	m.emitError = g.Hook("emitError")
	m.decodeErr = g.Hook("newDecodeError")
	return m
}

func (m *module) newDecodeError(msg string, raw any, clientID goja.Value) goja.Value {
	v, err := m.decodeErr(goja.Undefined(), m.rt.VM.ToValue(msg), m.rt.VM.ToValue(raw), clientID)
	if err != nil {
		return m.rt.NewError(msg)
	}
	return v
}

// options the binding reads from a transcoder argument.
type connOptions struct {
	custom   bool
	encoding string
	maxMsg   int
}

func (m *module) options(transcoder, maxMsg goja.Value) connOptions {
	o := connOptions{encoding: "utf8"}
	if t, ok := transcoder.(*goja.Object); ok {
		o.custom = true
		if e := t.Get("socketEncoding"); e != nil && !goja.IsUndefined(e) && !goja.IsNull(e) {
			o.encoding = e.String()
		}
	}
	if maxMsg != nil && !goja.IsUndefined(maxMsg) {
		o.maxMsg = int(maxMsg.ToInteger())
	}
	if o.maxMsg <= 0 {
		o.maxMsg = wire.DefaultMaxMessageSize
	}
	return o
}

// natives is what socketipc.js is given: the native mechanism.
func (m *module) natives() runtime.Natives {
	vm := m.rt.VM
	b := runtime.Natives{}
	// connect(path, client, transcoder|null, maxMessageSize, callbacks) -> socket
	b["connect"] = func(c goja.FunctionCall) goja.Value {
		opts := m.options(c.Argument(2), c.Argument(3))
		h := &connHandler{mod: m, emitter: c.Argument(1).ToObject(vm), clientID: goja.Undefined(),
			callbacks: c.Argument(4).ToObject(vm), custom: opts.custom, encoding: opts.encoding, maxMessage: opts.maxMsg}
		var dec ipcnet.Decoder = newDecoder(opts.maxMsg)
		if opts.custom {
			dec = rawDecoder
		}
		conn := ipcnet.Dial(m.rt.Loop, ipcnet.DialOptions{Network: "unix", Address: c.Argument(0).String()}, dec, nil)
		h.sock = ipcnet.NewSocket(m.rt, conn, h)
		return h.sock.Obj
	}
	// listen(path, server, transcoder|null, maxMessageSize, callbacks) -> handle
	b["listen"] = func(c goja.FunctionCall) goja.Value {
		opts := m.options(c.Argument(2), c.Argument(3))
		s := &server{mod: m, path: c.Argument(0).String(), emitter: c.Argument(1).ToObject(vm),
			callbacks: c.Argument(4).ToObject(vm), custom: opts.custom, encoding: opts.encoding, maxMsg: opts.maxMsg}
		s.listen()
		handle := vm.NewObject()
		serverState.Set(m.rt, handle, s)
		return handle
	}
	// close(handle)
	b["close"] = func(c goja.FunctionCall) goja.Value {
		if s, ok := serverState.Get(c.Argument(0)); ok {
			s.close()
		}
		return goja.Undefined()
	}
	// send(socket, topic, message) -> undefined, false (not writable), or the encode exception
	b["send"] = func(c goja.FunctionCall) goja.Value {
		s := ipcnet.SocketOf(m.rt, c.Argument(0))
		if s == nil {
			return vm.ToValue(false)
		}
		frame, err := m.encode(c.Argument(1), c.Argument(2))
		if err != nil {
			return err
		}
		if !s.Conn.Write(frame) {
			return vm.ToValue(false)
		}
		return goja.Undefined()
	}
	// broadcast(handle, topic, message) -> undefined or the encode exception
	b["broadcast"] = func(c goja.FunctionCall) goja.Value {
		s, _ := serverState.Get(c.Argument(0))
		frame, err := m.encode(c.Argument(1), c.Argument(2))
		if err != nil {
			return err
		}
		if s == nil {
			return goja.Undefined()
		}
		for _, h := range s.clients {
			h.sock.Conn.Write(frame)
		}
		return goja.Undefined()
	}
	// write(socket, data) -> whether it was queued (custom transcoders)
	b["write"] = func(c goja.FunctionCall) goja.Value {
		s := ipcnet.SocketOf(m.rt, c.Argument(0))
		if s == nil {
			return vm.ToValue(false)
		}
		data, err := ipcnet.BytesOf(m.rt, c.Argument(1), c.Argument(2))
		if err != nil {
			panic(vm.NewTypeError(err.Error()))
		}
		return vm.ToValue(s.Conn.Write(data))
	}
	b["uuid"] = func(goja.FunctionCall) goja.Value { return vm.ToValue(uuid.NewString()) }
	return b
}

// encode makes the frame of JSON.stringify({topic, message}) + "\0\0"; the value returned
// on failure is the exception JSON.stringify threw.
func (m *module) encode(topic, message goja.Value) ([]byte, goja.Value) {
	buf := m.buf[:0]
	var ok bool
	var err error
	buf = append(buf, '{')
	buf = append(buf, `"topic":`...)
	start := len(buf)
	if buf, ok, err = m.json.AppendStringify(buf, topic); err != nil {
		return nil, exceptionValue(m.rt, err)
	}
	if !ok {
		buf = buf[:start-len(`"topic":`)]
	}
	hasTopic := ok
	if hasTopic {
		buf = append(buf, ',')
	}
	buf = append(buf, `"message":`...)
	start = len(buf)
	if buf, ok, err = m.json.AppendStringify(buf, message); err != nil {
		return nil, exceptionValue(m.rt, err)
	}
	if !ok {
		buf = buf[:start-len(`"message":`)]
		if hasTopic {
			buf = buf[:len(buf)-1]
		}
	}
	buf = append(buf, '}')
	buf = append(buf, wire.Delimiter...)
	m.buf = buf
	return buf, nil
}

func exceptionValue(rt *runtime.Runtime, err error) goja.Value {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	return rt.NewError(err.Error())
}
