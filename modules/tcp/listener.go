package tcp

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"earlynode/loop"
)

// Listener is a listening socket driven by the loop: each accepted connection is handed to
// onConn on the loop. It keeps the loop alive until Close.
type Listener struct {
	p      *poller
	pf     *pollFD
	fd     int
	port   int
	handle *loop.Handle
	onConn func(fd int, remote string) error
	closed bool
	retry  *loop.Timer // accepting again after running out of descriptors
}

// Listen opens a listening TCP socket as node.tcp and node.http servers do: an empty host
// means every address, IPv4 and IPv6; "::1" and "[::1]" mean the IPv6 loopback; a name is
// resolved. Each accepted connection (a non-blocking descriptor and the peer's address, see
// RemoteAddress) goes to onConn, which owns it from then on.
func Listen(l *loop.Loop, port int, host string, onConn func(fd int, remote string) error) (*Listener, error) {
	if port < 0 || port > 65535 {
		return nil, errors.New("port " + strconv.Itoa(port) + " is out of range 0..65535")
	}
	host = trimBrackets(host)
	gl, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
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
	p, err := pollerOf(l)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	ln := &Listener{p: p, fd: fd, port: actual, onConn: onConn}
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
		if err := ln.onConn(fd, sockaddrIP(sa)); err != nil {
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

// sockaddrIP is how node.tcp and node.http show a peer's address: the IP alone, an IPv4 peer
// of a dual-stack socket shown as IPv4 ("127.0.0.1", not "::ffff:127.0.0.1").
func sockaddrIP(sa unix.Sockaddr) string {
	switch a := sa.(type) {
	case *unix.SockaddrInet4:
		return net.IP(a.Addr[:]).String()
	case *unix.SockaddrInet6:
		ip := net.IP(a.Addr[:])
		if v4 := ip.To4(); v4 != nil {
			return v4.String()
		}
		return ip.String()
	}
	return ""
}

// RemoteAddress is sockaddrIP for a Go connection.
func RemoteAddress(c net.Conn) string {
	if a, ok := c.RemoteAddr().(*net.TCPAddr); ok {
		if v4 := a.IP.To4(); v4 != nil {
			return v4.String()
		}
		return a.IP.String()
	}
	if c.RemoteAddr() == nil {
		return ""
	}
	return c.RemoteAddr().String()
}

// Dial connects to host:port off the loop (an IPv4 address of a name is preferred, as in
// 0.1.0) and calls done on the loop with the connected, non-blocking descriptor and the peer's
// address, or the error. The loop stays alive meanwhile. timeout 0 means none.
func Dial(l *loop.Loop, host string, port int, timeout time.Duration, done func(fd int, remote string, err error) error) {
	l.Go(func() loop.Callback {
		ctx := context.Background()
		if timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, timeout)
			defer cancel()
		}
		fd, remote := -1, ""
		addr, err := DialAddress(ctx, host, port)
		if err == nil {
			var d net.Dialer
			var c net.Conn
			if c, err = d.DialContext(ctx, "tcp", addr); err == nil {
				remote = RemoteAddress(c)
				fd, err = dupFD(c.(*net.TCPConn))
				c.Close()
			}
		}
		return func() error { return done(fd, remote, err) }
	})
}

// DialAddress resolves host (an IPv4 address being preferred, as in 0.1.0) and joins it with
// port, ready for net.Dial. It blocks on name resolution: call it off the loop.
func DialAddress(ctx context.Context, host string, port int) (string, error) {
	if ip := net.ParseIP(trimBrackets(host)); ip != nil {
		return net.JoinHostPort(ip.String(), strconv.Itoa(port)), nil
	}
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return "", err
	}
	if len(ips) == 0 {
		return "", errors.New("no address for " + host)
	}
	best := ips[0].IP
	for _, a := range ips {
		if a.IP.To4() != nil {
			best = a.IP
			break
		}
	}
	return net.JoinHostPort(best.String(), strconv.Itoa(port)), nil
}

func trimBrackets(h string) string {
	return strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
}

// DescribeError shortens a network error for an error event: the cause ("connection refused",
// "no such host", "i/o timeout") without the addresses Go's wrappers repeat.
func DescribeError(err error) string {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		if dns.IsNotFound {
			return "lookup " + dns.Name + ": no such host"
		}
		return "lookup " + dns.Name + ": " + dns.Err
	}
	var sys *os.SyscallError
	if errors.As(err, &sys) {
		return sys.Err.Error()
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err.Error()
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timed out"
	}
	return err.Error()
}
