package ipcnet

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"os"
	"syscall"

	"earlynode/loop"
	"earlynode/loop/netpoll"
)

// ListenOptions say where and how to listen.
type ListenOptions struct {
	// Network is "unix", "tcp", "tcp4" or "tcp6"; Address the path or host:port.
	Network, Address string
	// TLS, when not nil, makes every accepted connection a TLS server connection; a connection
	// is handed over only once its handshake has succeeded.
	TLS *tls.Config
	// ReadableAll and WritableAll add read or write permission for everyone to a unix socket
	// file, as libuv's uv_pipe_chmod does (Node's listen({readableAll, writableAll})).
	ReadableAll, WritableAll bool
}

// Listener accepts connections for the loop: its socket is served by the loop's poller, and so
// are the connections it accepts (see streamconn.go).
type Listener struct {
	loop    *loop.Loop
	handle  *loop.Handle
	tln     *netpoll.Listener
	tls     *tls.Config // every connection a TLS server connection, when set
	addr    net.Addr
	path    string // a unix socket file to remove on Close
	onConn  func(c *Conn) error
	onError func(err error) error
	onClose func() error

	// MaxConnections, when positive, makes the listener close at once any connection accepted
	// while that many are open (Node's server.maxConnections).
	MaxConnections int

	conns   int
	closing bool
	closed  bool
}

// Listen binds and listens at once (an error is returned, nothing is posted) and starts
// accepting. onConn runs on the loop for each accepted connection, which the callee must give
// events and then Start; onError for a TLS handshake that failed; onClose once Close was called
// and every accepted connection has closed.
func Listen(l *loop.Loop, opts ListenOptions, onConn func(*Conn) error, onError func(error) error, onClose func() error) (*Listener, error) {
	if opts.Network == "unix" {
		if err := CheckSocketPath(opts.Address); err != nil {
			return nil, &OpError{Syscall: "listen", Address: opts.Address, Err: err}
		}
	}
	var lc net.ListenConfig
	if opts.Network != "unix" && netpoll.ReusePortDefault() {
		lc.Control = netpoll.ControlReusePort // a worker sharing its ports (docs/scaling.md)
	}
	ln, err := lc.Listen(context.Background(), opts.Network, opts.Address)
	if err != nil {
		e := wrapOp("listen", opts.Address, err)
		if opts.Network == "unix" {
			e.(*OpError).Address = opts.Address
			e.(*OpError).Port = 0
			if errors.Is(err, syscall.EADDRINUSE) {
				if why := inUse(opts.Address); why != nil {
					e.(*OpError).Err = why
				}
			}
		}
		return nil, e
	}
	if opts.Network == "unix" && (opts.ReadableAll || opts.WritableAll) {
		if err := chmodAll(opts.Address, opts.ReadableAll, opts.WritableAll); err != nil {
			ln.Close()
			return nil, &OpError{Syscall: "listen", Address: opts.Address, Err: err}
		}
	}
	s := &Listener{loop: l, handle: l.NewHandle(), tls: opts.TLS, addr: ln.Addr(), onConn: onConn, onError: onError, onClose: onClose}
	if err := s.listenFD(ln, opts); err != nil {
		s.handle.Close(nil)
		return nil, wrapOp("listen", opts.Address, err)
	}
	return s, nil
}

// chmodAll adds the permission bits the way uv_pipe_chmod does: to the file's current mode.
func chmodAll(path string, readable, writable bool) error {
	var want os.FileMode
	if readable {
		want |= 0o444
	}
	if writable {
		want |= 0o222
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	mode := st.Mode().Perm()
	if mode&want == want {
		return nil
	}
	return os.Chmod(path, mode|want)
}

func (s *Listener) connClosed() {
	s.conns--
	if s.closing {
		s.maybeClosed()
	}
}

// Connections returns how many accepted connections are open.
func (s *Listener) Connections() int { return s.conns }

// Addr returns the address listened on.
func (s *Listener) Addr() net.Addr { return s.addr }

// Close stops accepting (a unix socket file is removed); onClose runs once every accepted
// connection has closed too. Later calls do nothing.
func (s *Listener) Close() {
	if s.closing {
		return
	}
	s.closing = true
	s.tln.Close()
	s.removeFile()
	s.maybeClosed()
}

// Closing reports whether Close was called.
func (s *Listener) Closing() bool { return s.closing }

func (s *Listener) maybeClosed() error {
	if s.closed || !s.closing || s.conns > 0 {
		return nil
	}
	s.closed = true
	s.handle.Close(s.onClose)
	return nil
}

// Ref makes the listener keep the loop alive (the default).
func (s *Listener) Ref() {
	s.handle.Ref()
	if !s.closing {
		s.tln.Ref()
	}
}

// Unref lets the loop exit while the listener is open.
func (s *Listener) Unref() {
	s.handle.Unref()
	if !s.closing {
		s.tln.Unref()
	}
}

// listenFD moves the Go listener's socket to the loop's poller: connections are accepted, read
// and written on the loop goroutine (see streamconn.go).
func (s *Listener) listenFD(ln net.Listener, opts ListenOptions) error {
	if ul, ok := ln.(*net.UnixListener); ok {
		ul.SetUnlinkOnClose(false) // Close removes the file itself
		s.path = opts.Address
	}
	var err error
	s.tln, err = netpoll.AdoptListener(s.loop, ln, s.accept)
	if err != nil {
		s.removeFile()
		return err
	}
	return nil
}

func (s *Listener) removeFile() {
	if s.path != "" {
		os.Remove(s.path)
	}
}

// accept takes one accepted connection, on the loop; a TLS one is handed over only once its
// handshake has succeeded (a failed one is reported to onError).
func (s *Listener) accept(st *netpoll.Stream) error {
	if s.tls == nil {
		return s.handOver(st)
	}
	tc := netpoll.TLSServer(st, s.tls)
	tc.Handshake(func(err error) error {
		if err != nil {
			if s.onError == nil || s.closing {
				return nil
			}
			cause := err
			var he *netpoll.HandshakeError
			if errors.As(err, &he) {
				cause = he.Err
			}
			return s.onError(&OpError{Syscall: "handshake", Err: &tlsError{cause}})
		}
		return s.handOver(tc)
	})
	return nil
}

// handOver gives an accepted connection to onConn, unless the listener is closing or full.
func (s *Listener) handOver(conn netpoll.Conn) error {
	if s.closing || (s.MaxConnections > 0 && s.conns >= s.MaxConnections) {
		conn.Abort(nil)
		return nil
	}
	s.conns++
	return s.onConn(acceptedConn(s.loop, conn, s))
}
