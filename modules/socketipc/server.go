package socketipc

import (
	"github.com/google/uuid"

	"errors"
	"syscall"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/modules/internal/ipc/ipcnet"
)

// server is the Go side of a listening Server: its listener and its clients in the order they
// connected (broadcast writes them in that order).
type server struct {
	mod       *module
	path      string
	emitter   *goja.Object
	callbacks *goja.Object // listening, connection, error, close
	custom    bool
	encoding  string
	maxMsg    int
	ln        *ipcnet.Listener
	clients   []*connHandler
	closed    bool
}

func (s *server) call(name string, args ...goja.Value) error {
	fn, ok := goja.AssertFunction(s.callbacks.Get(name))
	if !ok {
		return nil
	}
	_, err := s.mod.rt.Call(fn, s.emitter, args...)
	return err
}

// listen binds the socket file. On EADDRINUSE it does what the library does (docs/wire/socket-ipc.md):
// probe the file; a live server keeps the error, a refused probe means a stale file, which is
// removed before listening again (ipcnet.RemoveStaleSocket). Unlike the library, a file that
// is not a socket is never removed: the error says what is there.
func (s *server) listen() {
	err := s.tryListen()
	if err == nil {
		s.mod.rt.Post(func() error { return s.call("listening") })
		return
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		s.fail(err)
		return
	}
	s.mod.rt.Loop.Go(func() loop.Callback {
		rerr := ipcnet.RemoveStaleSocket(s.path)
		return func() error {
			if s.closed {
				return nil
			}
			if rerr != nil {
				return s.call("error", ipcnet.JSError(s.mod.rt, err))
			}
			if err := s.tryListen(); err != nil {
				return s.call("error", ipcnet.JSError(s.mod.rt, err))
			}
			return s.call("listening")
		}
	})
}

func (s *server) fail(err error) {
	s.mod.rt.Post(func() error { return s.call("error", ipcnet.JSError(s.mod.rt, err)) })
}

func (s *server) tryListen() error {
	ln, err := ipcnet.Listen(s.mod.rt.Loop, ipcnet.ListenOptions{Network: "unix", Address: s.path},
		s.accept, nil, func() error {
			return s.call("close")
		})
	if err != nil {
		return err
	}
	s.ln = ln
	return nil
}

// accept gives a new client its id and handler and tells JavaScript ('connection').
func (s *server) accept(c *ipcnet.Conn) error {
	m := s.mod
	id := m.rt.VM.ToValue(uuid.NewString())
	h := &connHandler{mod: m, emitter: s.emitter, clientID: id, callbacks: s.callbacks,
		custom: s.custom, encoding: s.encoding, maxMessage: s.maxMsg, server: s}
	h.sock = ipcnet.NewSocket(m.rt, c, h)
	if s.custom {
		c.SetDecoder(rawDecoder)
	} else {
		c.SetDecoder(newDecoder(s.maxMsg))
	}
	s.clients = append(s.clients, h)
	c.Start()
	return s.call("connection", id, h.sock.Obj)
}

// forget drops a client that ended or closed from the broadcast list (the library's
// forgetClient) and tells JavaScript once.
func (s *server) forget(h *connHandler) {
	for i, x := range s.clients {
		if x == h {
			s.clients = append(s.clients[:i], s.clients[i+1:]...)
			fn, ok := goja.AssertFunction(s.callbacks.Get("forget"))
			if ok {
				fn(s.emitter, h.clientID, h.sock.Obj)
			}
			return
		}
	}
}

// close stops listening (the socket file goes) and ends every client; 'close' follows once
// all have closed.
func (s *server) close() {
	if s.closed {
		return
	}
	s.closed = true
	if s.ln != nil {
		s.ln.Close()
	} else {
		s.mod.rt.Post(func() error { return s.call("close") })
	}
	for _, h := range append([]*connHandler(nil), s.clients...) {
		h.sock.Conn.End()
	}
}
