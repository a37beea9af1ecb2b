package ipcnet

import (
	"net"
	"sync"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// Socket is the JavaScript face of a Conn: the net.Socket the libraries hand to their users
// (in 'connection', 'connect' and message events). It is a plain object inheriting
// node.EventEmitter with write, end, destroy, setEncoding, setNoDelay, setKeepAlive, ref, unref
// and address, and the getters destroyed, readable, writable, connecting, remoteAddress,
// remotePort, remoteFamily, localAddress, localPort and bufferSize. It emits 'connect', 'end',
// 'error' and 'close' after the library's own handler has run. Received bytes are the
// library's: no 'data' events.
type Socket struct {
	Obj  *goja.Object
	Conn *Conn
	rt   *runtime.Runtime
	lib  Events
}

type socketKey struct{}

// protos and symbols cache the facade prototype and hidden key per runtime.
var (
	cacheMu sync.Mutex
	protos  = map[*runtime.Runtime]*goja.Object{}
)

// NewSocket makes the facade of c; lib gets the connection's events first. The Socket is also
// c's Events.
func NewSocket(rt *runtime.Runtime, c *Conn, lib Events) *Socket {
	s := &Socket{Conn: c, rt: rt, lib: lib}
	s.Obj = rt.VM.NewObject()
	s.Obj.SetPrototype(prototype(rt))
	s.Obj.DefineDataPropertySymbol(symbol(rt), rt.VM.ToValue(s), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	c.SetEvents(s)
	return s
}

var symbols = map[*runtime.Runtime]*goja.Symbol{}

func symbol(rt *runtime.Runtime) *goja.Symbol {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if s, ok := symbols[rt]; ok {
		return s
	}
	s := goja.NewSymbol("earlynode.ipcnet.socket")
	symbols[rt] = s
	return s
}

// SocketOf returns the Socket behind a facade object, or nil.
func SocketOf(rt *runtime.Runtime, v goja.Value) *Socket {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	h := o.GetSymbol(symbol(rt))
	if h == nil {
		return nil
	}
	s, _ := h.Export().(*Socket)
	return s
}

// Connect implements Events.
func (s *Socket) Connect() error {
	if err := s.lib.Connect(); err != nil {
		return err
	}
	return s.rt.Emit(s.Obj, "connect")
}

// Batch implements Events.
func (s *Socket) Batch(b any) error { return s.lib.Batch(b) }

// End implements Events.
func (s *Socket) End() error {
	if err := s.lib.End(); err != nil {
		return err
	}
	return s.rt.Emit(s.Obj, "end")
}

// Error implements Events.
func (s *Socket) Error(err error) error {
	if e := s.lib.Error(err); e != nil {
		return e
	}
	if runtime.HasListeners(s.Obj, "error") {
		return s.rt.Emit(s.Obj, "error", JSError(s.rt, err))
	}
	return nil
}

// Close implements Events.
func (s *Socket) Close(hadError bool) error {
	if err := s.lib.Close(hadError); err != nil {
		return err
	}
	return s.rt.Emit(s.Obj, "close", s.rt.VM.ToValue(hadError))
}

// Write queues data; when the connection can no longer be written, it reports the error Node
// reports for a write after end or destroy, as an 'error' event on the next turn.
func (s *Socket) Write(data []byte) bool {
	if s.Conn.Write(data) {
		return true
	}
	code, msg := "ERR_STREAM_WRITE_AFTER_END", "write after end"
	if s.Conn.Destroyed() {
		code, msg = "ERR_STREAM_DESTROYED", "Cannot call write after a stream was destroyed"
	}
	s.rt.Post(func() error {
		e := s.rt.NewError(msg)
		e.Set("code", code)
		if err := s.lib.Error(&jsError{e}); err != nil {
			return err
		}
		if runtime.HasListeners(s.Obj, "error") {
			return s.rt.Emit(s.Obj, "error", e)
		}
		return nil
	})
	return false
}

// jsError carries a ready JavaScript error through Events.Error.
type jsError struct{ obj *goja.Object }

func (e *jsError) Error() string { return e.obj.Get("message").String() }

func prototype(rt *runtime.Runtime) *goja.Object {
	cacheMu.Lock()
	p, ok := protos[rt]
	cacheMu.Unlock()
	if ok {
		return p
	}
	vm := rt.VM
	p = vm.NewObject()
	p.SetPrototype(rt.EmitterPrototype())
	this := func(c goja.FunctionCall) *Socket {
		s := SocketOf(rt, c.This)
		if s == nil {
			panic(vm.NewTypeError("not a socket"))
		}
		return s
	}
	method := func(name string, fn func(c goja.FunctionCall) goja.Value) {
		p.DefineDataProperty(name, vm.ToValue(fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	getter := func(name string, fn func(s *Socket) any) {
		p.DefineAccessorProperty(name, vm.ToValue(func(c goja.FunctionCall) goja.Value {
			s := SocketOf(rt, c.This)
			if s == nil {
				return goja.Undefined()
			}
			return vm.ToValue(fn(s))
		}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	method("write", func(c goja.FunctionCall) goja.Value {
		s := this(c)
		b, err := BytesOf(rt, c.Argument(0), c.Argument(1))
		if err != nil {
			panic(vm.NewTypeError("socket.write: " + err.Error()))
		}
		return vm.ToValue(s.Write(b))
	})
	method("end", func(c goja.FunctionCall) goja.Value {
		s := this(c)
		if a := c.Argument(0); !goja.IsUndefined(a) && !goja.IsNull(a) {
			if _, isFn := goja.AssertFunction(a); !isFn {
				if b, err := BytesOf(rt, a, c.Argument(1)); err == nil {
					s.Conn.Write(b)
				}
			}
		}
		s.Conn.End()
		return c.This
	})
	method("destroy", func(c goja.FunctionCall) goja.Value {
		s := this(c)
		if e, ok := c.Argument(0).(*goja.Object); ok && !s.Conn.Destroyed() {
			s.Conn.hadError = true
			s.rt.EmitJS(s.Obj, "error", e)
		}
		s.Conn.Destroy()
		return c.This
	})
	self := func(c goja.FunctionCall) goja.Value { return c.This }
	method("setEncoding", self)
	method("setNoDelay", self)
	method("setKeepAlive", self)
	method("setTimeout", self)
	method("ref", func(c goja.FunctionCall) goja.Value { this(c).Conn.Ref(); return c.This })
	method("unref", func(c goja.FunctionCall) goja.Value { this(c).Conn.Unref(); return c.This })
	method("address", func(c goja.FunctionCall) goja.Value {
		s := this(c)
		return addrObject(rt, s.local())
	})
	getter("destroyed", func(s *Socket) any { return s.Conn.Destroyed() })
	getter("connecting", func(s *Socket) any { return s.Conn.Connecting() })
	getter("readable", func(s *Socket) any { return !s.Conn.Destroyed() && !s.Conn.ReadEnded() })
	getter("writable", func(s *Socket) any { return !s.Conn.Ending() })
	getter("bufferSize", func(s *Socket) any { return s.Conn.Buffered() })
	getter("writableLength", func(s *Socket) any { return s.Conn.Buffered() })
	getter("remoteAddress", func(s *Socket) any { return hostOf(s.remote()) })
	getter("remotePort", func(s *Socket) any { return portOf(s.remote()) })
	getter("remoteFamily", func(s *Socket) any { return familyOf(s.remote()) })
	getter("localAddress", func(s *Socket) any { return hostOf(s.local()) })
	getter("localPort", func(s *Socket) any { return portOf(s.local()) })
	cacheMu.Lock()
	protos[rt] = p
	cacheMu.Unlock()
	return p
}

func (s *Socket) remote() net.Addr { return s.Conn.RemoteAddr() }

func (s *Socket) local() net.Addr { return s.Conn.LocalAddr() }

func hostOf(a net.Addr) any {
	switch x := a.(type) {
	case *net.TCPAddr:
		return x.IP.String()
	case *net.UDPAddr:
		return x.IP.String()
	}
	return nil
}

func portOf(a net.Addr) any {
	switch x := a.(type) {
	case *net.TCPAddr:
		return x.Port
	case *net.UDPAddr:
		return x.Port
	}
	return nil
}

func familyOf(a net.Addr) any {
	var ip net.IP
	switch x := a.(type) {
	case *net.TCPAddr:
		ip = x.IP
	case *net.UDPAddr:
		ip = x.IP
	default:
		return nil
	}
	if ip.To4() != nil {
		return "IPv4"
	}
	return "IPv6"
}

// addrObject is Node's address(): {address, family, port} for IP, the path for unix sockets.
func addrObject(rt *runtime.Runtime, a net.Addr) goja.Value {
	switch x := a.(type) {
	case *net.UnixAddr:
		return rt.VM.ToValue(x.Name)
	case nil:
		return rt.VM.NewObject()
	}
	o := rt.VM.NewObject()
	o.Set("address", hostOf(a))
	o.Set("family", familyOf(a))
	o.Set("port", portOf(a))
	return o
}

// AddrObject is addrObject for the libraries' servers.
func AddrObject(rt *runtime.Runtime, a net.Addr) goja.Value { return addrObject(rt, a) }

// BytesOf turns what a socket is written with into bytes: a string in the given encoding
// (Node's names: utf8, hex, base64, latin1/binary, ascii, ucs2/utf16le), a Buffer, a typed array
// or an array of integers.
func BytesOf(rt *runtime.Runtime, v goja.Value, enc goja.Value) ([]byte, error) {
	if s, ok := v.Export().(string); ok {
		name := "utf8"
		if enc != nil && !goja.IsUndefined(enc) && !goja.IsNull(enc) {
			if _, isFn := goja.AssertFunction(enc); !isFn {
				name = enc.String()
			}
		}
		return rt.EncodeString(s, name)
	}
	return rt.BytesOf(v, runtime.BufferEncoding)
}
