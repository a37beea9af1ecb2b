package binaryjs

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"earlynode/loop"
	nodehttp "earlynode/modules/http"
	"earlynode/modules/http/wire"
)

// server accepts BinaryJS WebSocket connections, on its own port (net/http over a listener)
// or on a path of an existing node.http server (modules/http.AttachUpgrade). Each accepted
// connection becomes a socket handed to the BinaryServer's _onConnection on the loop.
type server struct {
	m        *module
	obj      *goja.Object // the BinaryServer
	path     string
	maxMsg   int64
	upgrader websocket.Upgrader
	handle   *loop.Handle // while listening on its own port
	hs       *http.Server

	onConnection, onError, onListening goja.Callable

	mu      sync.Mutex
	closed  bool
	sockets map[*socket]struct{}
}

// newServer makes the Go side of the BinaryServer obj; connections refuse messages over maxMsg.
func newServer(m *module, obj *goja.Object, path string, maxMsg int64) *server {
	s := &server{m: m, obj: obj, path: path, maxMsg: maxMsg, sockets: map[*socket]struct{}{},
		onConnection: m.onConnection, onError: m.onError, onListening: m.onListening}
	s.upgrader = websocket.Upgrader{
		ReadBufferSize:  64 << 10,
		WriteBufferSize: 64 << 10,
		CheckOrigin:     func(*http.Request) bool { return true }, // BinaryJS serves any origin
	}
	return s
}

// listen serves on host:port; a failure is reported as an "error" event.
func (s *server) listen(host string, port int) {
	s.handle = s.m.rt.Loop.NewHandle()
	ln, err := net.Listen("tcp", net.JoinHostPort(host, fmt.Sprint(port)))
	if err != nil {
		s.handle.Close(func() error {
			_, err2 := s.m.rt.Call(s.onError, s.obj, s.m.rt.NewError(fmt.Sprintf("listen %s:%d: %v", host, port, unwrapOpError(err))))
			return err2
		})
		return
	}
	s.hs = &http.Server{Handler: http.HandlerFunc(s.serveHTTP)}
	go s.hs.Serve(ln)
	s.handle.Post(func() error {
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

// serveHTTP answers requests to the server's own port: WebSocket upgrades on the path.
func (s *server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if s.path != "" && r.URL.Path != s.path {
		http.Error(w, "Not Found", http.StatusNotFound)
		return
	}
	if !websocket.IsWebSocketUpgrade(r) {
		w.Header().Set("Connection", "close")
		http.Error(w, "Upgrade Required", http.StatusUpgradeRequired)
		return
	}
	var nc *bufferedConn
	ws, err := s.upgrader.Upgrade(hijackWrapper{w, &nc}, r, nil)
	if err != nil {
		return // gorilla has answered the bad handshake
	}
	s.accept(ws, nc)
}

// takeOver is the UpgradeHandler for attach mode (on a node.http server goroutine).
func (s *server) takeOver(conn net.Conn, head *wire.Head, buffered []byte) {
	nc := newBufferedConn(conn, append([]byte(nil), buffered...))
	resp := &hijackedResponse{conn: nc, header: http.Header{}}
	r, err := requestOf(head)
	if err != nil {
		resp.WriteHeader(http.StatusBadRequest)
		resp.sendError()
		return
	}
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		resp.WriteHeader(http.StatusServiceUnavailable)
		resp.sendError()
		return
	}
	ws, err := s.upgrader.Upgrade(resp, r, nil)
	if err != nil {
		resp.sendError()
		return
	}
	s.accept(ws, nc)
}

// accept hands an upgraded connection to the loop (any goroutine).
func (s *server) accept(ws *websocket.Conn, nc *bufferedConn) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.NetConn().Close()
		return
	}
	sock := newSocket(s.m, true, s.maxMsg)
	s.sockets[sock] = struct{}{}
	s.mu.Unlock()
	sock.handle = s.m.rt.Loop.NewHandle()
	sock.onClosed = func() {
		s.mu.Lock()
		delete(s.sockets, sock)
		s.mu.Unlock()
	}
	sock.handle.Post(func() error {
		obj := sock.jsObject()
		sock.state = stateOpen // BinaryClient's constructor may create streams at once
		if _, err := s.m.rt.Call(s.onConnection, s.obj, obj); err != nil {
			sock.start(ws, nc)
			return err
		}
		if sock.h.client == nil {
			ws.NetConn().Close()
			sock.failDial(nil)
			return nil
		}
		sock.start(ws, nc)
		return nil
	})
}

// close stops accepting and closes every client connection gracefully; from the loop.
func (s *server) close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	socks := make([]*socket, 0, len(s.sockets))
	for sock := range s.sockets {
		socks = append(socks, sock)
	}
	s.mu.Unlock()
	if s.hs != nil {
		s.hs.Close()
	}
	if s.handle != nil {
		s.handle.Close(nil)
	}
	for _, sock := range socks {
		sock.close()
	}
}

// hijackWrapper makes gorilla's Upgrader hijack a bufferedConn instead of the raw connection.
type hijackWrapper struct {
	http.ResponseWriter
	nc **bufferedConn
}

func (w hijackWrapper) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	c, brw, err := w.ResponseWriter.(http.Hijacker).Hijack()
	if err != nil {
		return nil, nil, err
	}
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetNoDelay(true)
	}
	*w.nc = newBufferedConn(c, nil)
	return *w.nc, brw, nil
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
