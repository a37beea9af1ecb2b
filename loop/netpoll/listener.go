package netpoll

import (
	"context"
	"errors"
	"net"
	"strconv"
	"sync/atomic"

	"earlynode/loop"
)

// AcceptFunc receives each accepted connection, on the loop. It owns the Stream from then on:
// it calls Start to read it (or Abort to refuse it). An error returned stops the loop.
type AcceptFunc func(s *Stream) error

// ListenConfig is how ListenTCP opens its socket.
type ListenConfig struct {
	// ReusePort sets SO_REUSEPORT, so that several listeners (in several loops or processes)
	// share one port and the kernel spreads the connections among them. Where the system has
	// no such option (windows), ListenTCP fails with ErrReusePortUnsupported.
	ReusePort bool
	// Backlog is the length of the queue of connections not yet accepted; 0 means the system's
	// default (somaxconn). It is ignored where the system offers no way to change it after Go
	// listened (windows).
	Backlog int
}

// reusePortDefault turns SO_REUSEPORT on for every TCP listener of the process.
var reusePortDefault atomic.Bool

// SetReusePortDefault makes every TCP listener of the process share its port (SO_REUSEPORT),
// whatever its ListenConfig says: a process that is one of several workers serving the same
// ports sets it once at start (docs/scaling.md).
func SetReusePortDefault(on bool) { reusePortDefault.Store(on) }

// ReusePortDefault reports whether SetReusePortDefault turned SO_REUSEPORT on process-wide, for
// listeners opened outside ListenTCP (a net.ListenConfig then adopted).
func ReusePortDefault() bool { return reusePortDefault.Load() }

// Listener is a listening socket driven by the loop: each accepted connection is handed to
// onConn on the loop. It keeps the loop alive until Close.
type Listener struct {
	listenerIO // how this implementation accepts

	p      *poller
	port   int
	handle *loop.Handle
	onConn AcceptFunc
	closed bool
}

// ListenTCP opens a listening TCP socket as node.tcp and node.http servers do: an empty host
// means every address, IPv4 and IPv6; "::1" and "[::1]" mean the IPv6 loopback; a name is
// resolved. Each accepted connection goes to onConn as a Stream not yet started.
func ListenTCP(l *loop.Loop, host string, port int, cfg ListenConfig, onConn AcceptFunc) (*Listener, error) {
	if port < 0 || port > 65535 {
		return nil, errors.New("port " + strconv.Itoa(port) + " is out of range 0..65535")
	}
	host = trimBrackets(host)
	lc := net.ListenConfig{}
	if cfg.ReusePort || reusePortDefault.Load() {
		if !reusePortSupported {
			return nil, ErrReusePortUnsupported
		}
		lc.Control = ControlReusePort
	}
	gl, err := lc.Listen(context.Background(), "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		return nil, err
	}
	return listenerOf(l, gl, gl.Addr().(*net.TCPAddr).Port, cfg.Backlog, onConn)
}

// Port returns the port the socket listens on.
func (ln *Listener) Port() int { return ln.port }

// Close stops listening; connections already accepted are not touched.
func (ln *Listener) Close() {
	if ln.closed {
		return
	}
	ln.closed = true
	ln.closeIO()
	ln.handle.Close(nil)
}
