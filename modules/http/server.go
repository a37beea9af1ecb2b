package http

import (
	"errors"
	"strconv"

	"github.com/dop251/goja"

	"earlynode/loop/netpoll"
	"earlynode/runtime"
)

// serverState is the Go side of a node.http server object.
var serverState = runtime.NewState[*Server]("http.server")

// Server is the Go side of a node.http server object.
type Server struct {
	hooks     hooks     // Go-side handlers (AttachUpgrade, AttachRoute)
	deadlines deadlines // how long a request may take to arrive (deadline.go)

	m     *module
	obj   *goja.Object
	acc   *netpoll.Listener
	conns map[*serverConn]struct{} // open connections, so that close can end the idle ones
}

// serverOf returns the Go side of a node.http server object.
func serverOf(v goja.Value) (*Server, error) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, errors.New("not a node.http server object")
	}
	s, ok := serverState.Get(o)
	if !ok {
		return nil, errors.New("not a node.http server object")
	}
	return s, nil
}

// newServer makes a server object: the request listener is added to `request`; options take
// what node.tcp servers take ({backlog}, which the kernel's default serves) and Node's
// {headersTimeout, requestTimeout} (deadline.go).
func (m *module) newServer(listener, options goja.Value) *Server {
	s := &Server{m: m, conns: map[*serverConn]struct{}{}, deadlines: defaultDeadlines}
	s.obj = m.newEmitterWith(m.serverProto)
	serverState.Set(m.rt, s.obj, s)
	s.setDeadlines(options)
	if _, ok := goja.AssertFunction(listener); ok {
		add, _ := goja.AssertFunction(s.obj.Get("addListener"))
		if _, err := add(s.obj, m.rt.VM.ToValue("request"), listener); err != nil {
			panic(err)
		}
	}
	return s
}

func (m *module) serverPrototype() *goja.Object {
	p := m.emitterProto()
	this := func(c goja.FunctionCall, method string) *Server {
		s, err := serverOf(c.This)
		if err != nil {
			m.throw(method, err.Error())
		}
		return s
	}
	p.Set("listen", func(c goja.FunctionCall) goja.Value {
		s := this(c, "listen")
		port := portOf(m, c.Argument(0), "listen")
		host := ""
		if h := c.Argument(1); !goja.IsUndefined(h) && !goja.IsNull(h) {
			host = h.String()
		}
		s.listen(port, host)
		return goja.Undefined()
	})
	m.defineDeadlineProperties(p)
	p.Set("close", func(c goja.FunctionCall) goja.Value {
		this(c, "close").close()
		return goja.Undefined()
	})
	return p
}

// listen opens the socket and starts accepting; inside the JavaScript call.
func (s *Server) listen(port int, host string) {
	if s.acc != nil {
		s.m.throw("listen", "the server is already listening")
	}
	l, err := netpoll.ListenTCP(s.m.rt.Loop, host, port, netpoll.ListenConfig{}, s.accepted)
	if err != nil {
		s.m.throw("listen", err.Error())
	}
	s.acc = l
}

// close stops accepting new connections. Connections waiting idle for another request are
// closed (a keep-alive client would otherwise hold the program open); the others close once
// the requests they carry are answered.
func (s *Server) close() {
	if s.acc != nil {
		s.acc.Close()
	}
	for sc := range s.conns {
		sc.closing = true
		if len(sc.queue) == 0 && sc.cur == nil && sc.upgrade == nil {
			sc.closeNow()
		}
	}
}

// Port returns the port the server listens on (0 when not listening): for Go callers that
// listened on port 0.
func (s *Server) Port() int {
	if s.acc == nil {
		return 0
	}
	return s.acc.Port()
}

// accepted starts serving a new connection and emits `connection`.
func (s *Server) accepted(st *netpoll.Stream) error {
	sc, err := s.m.newServerConn(s, st)
	if err != nil {
		return nil // the socket is closed; the client sees a reset
	}
	s.conns[sc] = struct{}{}
	return sc.start()
}

// portOf reads a port number (a number or a numeric string).
func portOf(m *module, v goja.Value, method string) int {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		m.throw(method, "a port is required")
	}
	f := v.ToFloat()
	if f != f || f < 0 || f > 65535 || f != float64(int(f)) {
		m.throw(method, strconv.Quote(v.String())+" is not a port")
	}
	return int(f)
}
