package nodeipc

import (
	"net"
	"strconv"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/ipcnet"
)

// netServer is the net.Server (or tls.Server) a node-ipc Server listens with: a JavaScript
// object inheriting node.EventEmitter with listen, close and address, emitting 'listening',
// 'error' and 'close'. Its connections go straight to the node-ipc Server's handlers.
type netServer struct {
	m      *module
	ipc    *goja.Object // the node-ipc Server
	obj    *goja.Object
	tls    *goja.Object
	ln     *ipcnet.Listener
	closed bool
}

// netServer(ipcServer, tls|null) -> the server object.
func (m *module) netServer(c goja.FunctionCall) goja.Value {
	vm := m.rt.VM
	s := &netServer{m: m, ipc: c.Argument(0).ToObject(vm), obj: m.rt.NewEmitter()}
	if t, ok := c.Argument(1).(*goja.Object); ok {
		s.tls = t
	}
	s.obj.Set("listen", s.listen)
	s.obj.Set("close", func(c goja.FunctionCall) goja.Value {
		if s.ln != nil {
			s.ln.Close()
		}
		return c.This
	})
	s.obj.Set("address", func(goja.FunctionCall) goja.Value {
		if s.ln == nil {
			return goja.Null()
		}
		return ipcnet.AddrObject(m.rt, s.ln.Addr())
	})
	return s.obj
}

func (s *netServer) emitLater(event string, args ...goja.Value) {
	s.m.rt.Post(func() error { return s.m.rt.Emit(s.obj, event, args...) })
}

// listen({path, readableAll, writableAll}, cb) or listen(port, host, cb).
func (s *netServer) listen(c goja.FunctionCall) goja.Value {
	m := s.m
	vm := m.rt.VM
	opts := ipcnet.ListenOptions{}
	var cb goja.Value
	if o, ok := c.Argument(0).(*goja.Object); ok {
		opts.Network = "unix"
		opts.Address = o.Get("path").String()
		opts.ReadableAll = o.Get("readableAll").ToBoolean()
		opts.WritableAll = o.Get("writableAll").ToBoolean()
		cb = c.Argument(1)
	} else {
		opts.Network = "tcp"
		opts.Address = net.JoinHostPort(c.Argument(1).String(), strconv.Itoa(int(c.Argument(0).ToInteger())))
		cb = c.Argument(2)
	}
	if s.tls != nil {
		conf, err := m.serverTLS(s.tls)
		if err != nil {
			s.emitLater("error", m.rt.NewError(err.Error()))
			return c.This
		}
		opts.TLS = conf
	}
	ln, err := ipcnet.Listen(m.rt.Loop, opts, s.accept, func(err error) error {
		return m.rt.Emit(s.obj, "tlsClientError", ipcnet.JSError(m.rt, err))
	}, func() error {
		return m.rt.Emit(s.obj, "close")
	})
	if err != nil {
		s.emitLater("error", ipcnet.JSError(m.rt, err))
		return c.This
	}
	if mc := s.obj.Get("maxConnections"); mc != nil && !goja.IsUndefined(mc) {
		ln.MaxConnections = int(mc.ToInteger())
	}
	s.ln = ln
	fn, _ := goja.AssertFunction(cb)
	m.rt.Post(func() error {
		if fn != nil {
			if _, err := m.rt.Call(fn, s.obj); err != nil {
				return err
			}
		}
		return m.rt.Emit(s.obj, "listening")
	})
	_ = vm
	return c.This
}

// accept hands a new connection to the node-ipc Server (its 'connect' event).
func (s *netServer) accept(c *ipcnet.Conn) error {
	m := s.m
	md := m.modeOf(s.ipc.Get("config").ToObject(m.rt.VM))
	h := &serverConn{m: m, ipc: s.ipc, maxSize: md.maxSize}
	h.sock = ipcnet.NewSocket(m.rt, c, h)
	c.SetDecoder(streamDecoder(md.raw, md.encoding, md.delimiter, md.maxSize))
	c.Start()
	_, err := m.rt.Call(m.serverCreated, s.ipc, h.sock.Obj)
	return err
}

// serverConn is the node-ipc Server's side of one accepted connection.
type serverConn struct {
	m       *module
	ipc     *goja.Object
	sock    *ipcnet.Socket
	maxSize int
}

// Connect implements ipcnet.Events (accepted connections are connected already).
func (h *serverConn) Connect() error { return nil }

// Batch implements ipcnet.Events.
func (h *serverConn) Batch(b any) error {
	m := h.m
	switch x := b.(type) {
	case []byte:
		return m.call(m.serverRaw, h.ipc, h.sock.Obj, m.rt.NewBuffer(x))
	case *jsonBatch:
		if quiet(h.ipc) {
			if err := m.publishBatch(h.ipc, x, h.sock.Obj); err != nil {
				return err
			}
		} else if x.Len() > 0 || x.partial {
			arr, err := m.values(x)
			if err != nil {
				return err
			}
			if err := m.call(m.serverChunk, h.ipc, h.sock.Obj, arr, m.rt.VM.ToValue(x.partial)); err != nil {
				return err
			}
		}
		if x.tooBig != nil && !h.sock.Conn.Destroyed() {
			if err := m.call(m.serverSocketError, h.ipc, m.tooLargeError(x.tooBig, h.maxSize)); err != nil {
				return err
			}
			h.sock.Conn.Destroy()
		}
	}
	return nil
}

// End implements ipcnet.Events.
func (h *serverConn) End() error { return nil }

// Error implements ipcnet.Events.
func (h *serverConn) Error(err error) error {
	return h.m.call(h.m.serverSocketError, h.ipc, ipcnet.JSError(h.m.rt, err))
}

// Close implements ipcnet.Events.
func (h *serverConn) Close(bool) error {
	return h.m.call(h.m.serverSocketClosed, h.ipc, h.sock.Obj)
}
