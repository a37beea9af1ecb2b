package netpoll

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"earlynode/loop"
)

// AcceptFunc receives each accepted connection, on the loop. It owns the Stream from then on:
// it calls Start to read it (or Abort to refuse it). An error returned stops the loop.
type AcceptFunc func(s *Stream) error

// ListenConfig is how ListenTCP opens its socket.
type ListenConfig struct {
	// ReusePort sets SO_REUSEPORT, so that several listeners (in several loops or processes)
	// share one port and the kernel spreads the connections among them.
	ReusePort bool
	// Backlog is the length of the queue of connections not yet accepted; 0 means the system's
	// default (somaxconn).
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

// ControlReusePort is a net.ListenConfig Control function that sets SO_REUSEPORT on the socket
// before it is bound.
func ControlReusePort(_, _ string, c syscall.RawConn) error {
	var serr error
	if err := c.Control(func(fd uintptr) {
		serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
	}); err != nil {
		return err
	}
	return serr
}

// Listener is a listening socket driven by the loop: each accepted connection is handed to
// onConn on the loop. It keeps the loop alive until Close.
type Listener struct {
	p      *poller
	pf     *pollFD
	fd     int
	port   int
	handle *loop.Handle
	onConn AcceptFunc
	closed bool
	retry  *loop.Timer // accepting again after running out of descriptors
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
		lc.Control = ControlReusePort
	}
	gl, err := lc.Listen(context.Background(), "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		return nil, err
	}
	tl := gl.(*net.TCPListener)
	fd, err := dupFD(tl)
	actual := tl.Addr().(*net.TCPAddr).Port
	tl.Close()
	if err != nil {
		return nil, err
	}
	if cfg.Backlog > 0 {
		// Go listened with the system's maximum; a smaller queue was asked for.
		if err := unix.Listen(fd, cfg.Backlog); err != nil {
			unix.Close(fd)
			return nil, os.NewSyscallError("listen", err)
		}
	}
	return listenFD(l, fd, actual, onConn)
}

// listenFD drives a listening, non-blocking descriptor (which it then owns).
func listenFD(l *loop.Loop, fd, port int, onConn AcceptFunc) (*Listener, error) {
	p, err := pollerOf(l)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	ln := &Listener{p: p, fd: fd, port: port, onConn: onConn}
	if ln.pf, err = p.add(fd, unix.EPOLLIN, ln.accept, nil); err != nil {
		unix.Close(fd)
		return nil, err
	}
	ln.handle = l.NewHandle()
	return ln, nil
}

// dupFD returns a close-on-exec duplicate of a Go socket's descriptor (non-blocking, as the
// original), so that the original can be closed and the socket driven by the poller alone.
func dupFD(c syscall.Conn) (int, error) {
	raw, err := c.SyscallConn()
	if err != nil {
		return -1, err
	}
	fd := -1
	var derr error
	if err := raw.Control(func(orig uintptr) {
		fd, derr = unix.FcntlInt(orig, unix.F_DUPFD_CLOEXEC, 0)
	}); err != nil {
		return -1, err
	}
	if derr != nil {
		return -1, os.NewSyscallError("fcntl", derr)
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		unix.Close(fd)
		return -1, err
	}
	return fd, nil
}

// accept takes the connections waiting, a bounded number per turn.
func (ln *Listener) accept() error {
	for i := 0; i < 128 && !ln.closed; i++ {
		fd, sa, err := unix.Accept4(ln.fd, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
		switch err {
		case nil:
		case unix.EAGAIN, unix.EINTR:
			return nil
		case unix.ECONNABORTED:
			continue
		case unix.EMFILE, unix.ENFILE, unix.ENOBUFS, unix.ENOMEM:
			// Out of descriptors: stop asking for a while rather than spin on the
			// listening socket, which stays readable.
			ln.p.set(ln.pf, 0)
			ln.retry = ln.p.l.SetTimer(100*time.Millisecond, func() error {
				if !ln.closed {
					ln.p.set(ln.pf, unix.EPOLLIN)
				}
				return nil
			})
			ln.retry.Unref()
			return nil
		default:
			return nil
		}
		unix.SetsockoptInt(fd, unix.IPPROTO_TCP, unix.TCP_NODELAY, 1)
		if err := ln.onConn(newStream(ln.p, fd, sockaddrIP(sa))); err != nil {
			return err
		}
	}
	return nil
}

// Port returns the port the socket listens on.
func (ln *Listener) Port() int { return ln.port }

// Close stops listening; connections already accepted are not touched.
func (ln *Listener) Close() {
	if ln.closed {
		return
	}
	ln.closed = true
	if ln.retry != nil {
		ln.retry.Stop()
	}
	ln.p.remove(ln.pf)
	unix.Close(ln.fd)
	ln.handle.Close(nil)
}
