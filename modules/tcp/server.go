package tcp

import (
	"github.com/dop251/goja"

	"earlynode/loop/netpoll"
)

// Server is the Go side of a node.tcp.Server object.
type Server struct {
	m   *module
	obj *goja.Object
	acc *netpoll.Listener
}

func (m *module) serverOf(v goja.Value) *Server {
	if o, ok := v.(*goja.Object); ok {
		if s, ok := serverState.Get(o); ok {
			return s
		}
		s := &Server{m: m, obj: o}
		serverState.Set(m.rt, o, s)
		return s
	}
	panic(m.rt.VM.NewTypeError("not a node.tcp.Server"))
}

// listen opens the socket and starts accepting; on the loop inside the JavaScript call. host
// "" means every address.
func (s *Server) listen(port int, host string) {
	if s.acc != nil {
		panic(s.m.rt.NewError("listen(): the server is already listening"))
	}
	l, err := netpoll.ListenTCP(s.m.rt.Loop, host, port, netpoll.ListenConfig{}, s.accepted)
	if err != nil {
		panic(s.m.rt.NewError("listen(" + describeAddr(port, host) + "): " + err.Error()))
	}
	s.acc = l
}

// accepted makes the connection object of a new socket, emits `connection` on the server and
// `connect` on the connection.
func (s *Server) accepted(st *netpoll.Stream) error {
	obj := s.m.rt.NewEmitter()
	obj.SetPrototype(s.m.connProto)
	c := s.m.newConnection(obj)
	c.server = s.obj
	if err := c.start(st, false); err != nil {
		return err
	}
	if err := s.m.rt.Emit(s.obj, "connection", obj); err != nil {
		return err
	}
	if c.state == Closed && c.stream == nil {
		return nil
	}
	return s.m.rt.Emit(obj, "connect")
}

// close stops accepting; open connections stay.
func (s *Server) close() {
	if s.acc != nil {
		s.acc.Close()
	}
}
