// Package tcp is node.tcp of Node 0.1.0: evented TCP servers and connections with 0.1.0's
// readyState transitions, encodings, half-close and idle timeout.
//
// Sockets run on the loop's I/O layer (loop/netpoll): one read per readiness, handed to
// JavaScript as one `receive`; writes go straight to the socket and queue only when the kernel
// does not take them. No goroutine or buffer waits per connection.
//
// Beyond 0.1.0: setEncoding("buffer") delivers each read as a Buffer, far cheaper than raw
// arrays of integers, and send() accepts Buffers and typed arrays.
package tcp

import (
	_ "embed"
	"strconv"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

//go:embed tcp.js
var tcpJS string

// The Go sides of connection and server objects.
var (
	connectionState = runtime.NewState[*Connection]("tcp.connection")
	serverState     = runtime.NewState[*Server]("tcp.server")
)

// module is node.tcp inside one runtime.
type module struct {
	rt          *runtime.Runtime
	connProto   *goja.Object
	serverProto *goja.Object
}

// Install adds node.tcp to the runtime (made on first use).
func Install(rt *runtime.Runtime) {
	m := &module{rt: rt}
	rt.Lazy(rt.Node(), "tcp", m.namespace)
}

// namespace builds the node.tcp object: tcp.js over the native constructors and factories.
func (m *module) namespace() goja.Value {
	vm := m.rt.VM
	m.connProto = m.connectionPrototype()
	m.serverProto = m.serverPrototype()

	connCtor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		m.newConnection(call.This)
		return nil
	}).(*goja.Object)
	connCtor.Set("prototype", m.connProto)
	m.connProto.DefineDataProperty("constructor", connCtor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)

	serverCtor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		m.initServer(call.This, call.Argument(0), call.Argument(1))
		return nil
	}).(*goja.Object)
	serverCtor.Set("prototype", m.serverProto)
	m.serverProto.DefineDataProperty("constructor", serverCtor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)

	return m.rt.LoadGlue("tcp/tcp.js", tcpJS, runtime.Natives{
		"Connection": connCtor,
		"Server":     serverCtor,
		"createServer": func(c goja.FunctionCall) goja.Value {
			obj := m.rt.NewEmitter()
			obj.SetPrototype(m.serverProto)
			m.initServer(obj, c.Argument(0), c.Argument(1))
			return obj
		},
		"createConnection": func(c goja.FunctionCall) goja.Value {
			obj := m.rt.NewEmitter()
			obj.SetPrototype(m.connProto)
			conn := m.newConnection(obj)
			conn.connect(portArg(m.rt, c.Argument(0), "createConnection"), hostArg(c.Argument(1)))
			return obj
		},
	}).Exports
}

// initServer sets up a server object: the connection listener; options ({backlog}) are
// accepted, the kernel's default backlog serving.
func (m *module) initServer(obj *goja.Object, listener, options goja.Value) {
	m.serverOf(obj)
	if _, ok := goja.AssertFunction(listener); ok {
		add, _ := goja.AssertFunction(obj.Get("addListener"))
		if _, err := add(obj, m.rt.VM.ToValue("connection"), listener); err != nil {
			panic(err)
		}
	}
}

func (m *module) connectionPrototype() *goja.Object {
	vm := m.rt.VM
	p := vm.NewObject()
	p.SetPrototype(m.rt.EmitterPrototype())
	method := func(name string, fn func(c *Connection, call goja.FunctionCall) goja.Value) {
		p.Set(name, func(call goja.FunctionCall) goja.Value { return fn(m.connectionOf(call.This), call) })
	}
	getter := func(name string, get func(c *Connection) goja.Value, set func(c *Connection, v goja.Value)) {
		g := vm.ToValue(func(call goja.FunctionCall) goja.Value { return get(m.connectionOf(call.This)) })
		var s goja.Value
		if set != nil {
			s = vm.ToValue(func(call goja.FunctionCall) goja.Value {
				set(m.connectionOf(call.This), call.Argument(0))
				return goja.Undefined()
			})
		}
		p.DefineAccessorProperty(name, g, s, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}

	method("connect", func(c *Connection, call goja.FunctionCall) goja.Value {
		c.connect(portArg(m.rt, call.Argument(0), "connect"), hostArg(call.Argument(1)))
		return goja.Undefined()
	})
	method("send", func(c *Connection, call goja.FunctionCall) goja.Value {
		enc, err := runtime.ParseEncoding(call.Argument(1), runtime.ASCII)
		if err != nil {
			panic(m.rt.NewError("send(): " + err.Error()))
		}
		data, err := m.rt.BytesOf(call.Argument(0), enc)
		if err != nil {
			panic(m.rt.NewError("send(): " + err.Error()))
		}
		c.send(data)
		return goja.Undefined()
	})
	method("setEncoding", func(c *Connection, call goja.FunctionCall) goja.Value {
		c.setEncoding(call.Argument(0))
		return goja.Undefined()
	})
	method("close", func(c *Connection, call goja.FunctionCall) goja.Value {
		c.close()
		return goja.Undefined()
	})
	method("fullClose", func(c *Connection, call goja.FunctionCall) goja.Value {
		c.fullClose()
		return goja.Undefined()
	})
	method("forceClose", func(c *Connection, call goja.FunctionCall) goja.Value {
		c.forceClose()
		return goja.Undefined()
	})
	getter("readyState", func(c *Connection) goja.Value { return vm.ToValue(c.state.String()) }, nil)
	getter("remoteAddress", func(c *Connection) goja.Value {
		if c.remote == "" {
			return goja.Undefined()
		}
		return vm.ToValue(c.remote)
	}, nil)
	getter("server", func(c *Connection) goja.Value {
		if c.server == nil {
			return goja.Undefined()
		}
		return c.server
	}, nil)
	getter("timeout", func(c *Connection) goja.Value {
		return vm.ToValue(float64(c.timeout) / 1e6)
	}, func(c *Connection, v goja.Value) { c.setTimeout(v.ToFloat()) })
	return p
}

func (m *module) serverPrototype() *goja.Object {
	p := m.rt.VM.NewObject()
	p.SetPrototype(m.rt.EmitterPrototype())
	p.Set("listen", func(call goja.FunctionCall) goja.Value {
		s := m.serverOf(call.This)
		s.listen(portArg(m.rt, call.Argument(0), "listen"), hostArg(call.Argument(1)))
		return goja.Undefined()
	})
	p.Set("close", func(call goja.FunctionCall) goja.Value {
		m.serverOf(call.This).close()
		return goja.Undefined()
	})
	return p
}

// portArg reads a port number (a number or a numeric string).
func portArg(rt *runtime.Runtime, v goja.Value, what string) int {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		panic(rt.NewError(what + "(): a port is required"))
	}
	f := v.ToFloat()
	if f != f || f < 0 || f > 65535 || f != float64(int(f)) {
		panic(rt.NewError(what + "(): " + strconv.Quote(v.String()) + " is not a port"))
	}
	return int(f)
}

// hostArg reads an optional host: undefined, null and "" mean none.
func hostArg(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}

// describeAddr renders a port and host for messages.
func describeAddr(port int, host string) string {
	if host == "" {
		return strconv.Itoa(port)
	}
	return strconv.Itoa(port) + ", " + strconv.Quote(host)
}
