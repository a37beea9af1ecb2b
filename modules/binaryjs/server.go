package binaryjs

import (
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/dop251/goja"

	"earlynode/loop/netpoll"
	nodehttp "earlynode/modules/http"
	"earlynode/modules/http/websocket"
	"earlynode/modules/http/wire"
)

// server accepts BinaryJS WebSocket connections, on its own port (websocket.Listen: node.http's
// request parser on the loop) or on a path of an existing node.http server
// (modules/http.AttachUpgrade). Either way the connection's stream is upgraded on the loop and
// becomes a socket handed to the BinaryServer's _onConnection.
type server struct {
	m      *module
	obj    *goja.Object // the BinaryServer
	path   string
	maxMsg int64
	ln     *websocket.Listener // while listening on its own port

	onConnection, onError, onListening goja.Callable

	closed  bool
	sockets map[*socket]struct{}
}

// newServer makes the Go side of the BinaryServer obj; connections refuse messages over maxMsg.
func newServer(m *module, obj *goja.Object, path string, maxMsg int64) *server {
	return &server{m: m, obj: obj, path: path, maxMsg: maxMsg, sockets: map[*socket]struct{}{},
		onConnection: m.onConnection, onError: m.onError, onListening: m.onListening}
}

// listen serves on host:port; a failure is reported as an "error" event, success as
// "listening", both on a later turn.
func (s *server) listen(host string, port int) {
	ln, err := websocket.Listen(s.m.rt.Loop, host, port, websocket.Service{Upgrade: s.ownUpgrade, Request: s.plainRequest})
	if err != nil {
		s.m.rt.Post(func() error {
			_, err2 := s.m.rt.Call(s.onError, s.obj, s.m.rt.NewError(fmt.Sprintf("listen %s:%d: %v", host, port, unwrapOpError(err))))
			return err2
		})
		return
	}
	s.ln = ln
	s.m.rt.Post(func() error {
		_, err := s.m.rt.Call(s.onListening, s.obj)
		return err
	})
}

// attach serves on a path of a node.http server.
func (s *server) attach(httpServer goja.Value, path string) error {
	if path == "" {
		path = "/"
	}
	return nodehttp.AttachUpgrade(httpServer, path, s.takeOver)
}

// onPath reports whether a request target is the server's path (any path when none was set).
func (s *server) onPath(target string) bool {
	if s.path == "" {
		return true
	}
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target = target[:i]
	}
	return target == s.path
}

// plainRequest answers a request to the server's own port that does not upgrade.
func (s *server) plainRequest(head *wire.Head) (int, []wire.Header, []byte) {
	text := []wire.Header{{Name: "Content-Type", Value: "text/plain; charset=utf-8"}}
	if !s.onPath(head.Target) {
		return 404, text, []byte("Not Found\n")
	}
	return 426, append(text, wire.Header{Name: "Connection", Value: "close"}), []byte("Upgrade Required\n")
}

// ownUpgrade takes an upgrade request to the server's own port.
func (s *server) ownUpgrade(st *netpoll.Stream, head *wire.Head, buffered []byte) error {
	if !s.onPath(head.Target) {
		websocket.Refuse(st, 404, "", nil)
		return nil
	}
	return s.upgrade(st, head, buffered)
}

// takeOver is the UpgradeHandler for attach mode.
func (s *server) takeOver(st *netpoll.Stream, head *wire.Head, buffered []byte) error {
	if s.closed {
		websocket.Refuse(st, 503, "", nil)
		return nil
	}
	return s.upgrade(st, head, buffered)
}

// upgrade answers the handshake and hands the new socket to the BinaryServer.
func (s *server) upgrade(st *netpoll.Stream, head *wire.Head, buffered []byte) error {
	c, err := websocket.Upgrade(st, head, buffered, websocket.ServerOptions{MaxMessage: s.maxMsg})
	if err != nil {
		return nil // refused with an HTTP error
	}
	sock := newSocket(s.m, true, s.maxMsg)
	s.sockets[sock] = struct{}{}
	sock.srv = s
	obj := sock.jsObject()
	sock.open(c) // BinaryClient's constructor may create streams at once
	if _, err := s.m.rt.Call(s.onConnection, s.obj, obj); err != nil {
		c.Start(sock)
		return err
	}
	if sock.h.client == nil {
		delete(s.sockets, sock)
		c.Abort()
		return nil
	}
	return c.Start(sock)
}

// close stops accepting and closes every client connection gracefully.
func (s *server) close() {
	if s.closed {
		return
	}
	s.closed = true
	if s.ln != nil {
		s.ln.Close()
	}
	for sock := range s.sockets {
		sock.close()
	}
}

// unwrapOpError drops the "listen tcp" prefix of a net.OpError.
func unwrapOpError(err error) error {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		msg := op.Err.Error()
		if strings.Contains(msg, "address already in use") {
			return errors.New("EADDRINUSE, address already in use")
		}
		return op.Err
	}
	return err
}
