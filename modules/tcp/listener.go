package tcp

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"earlynode/loop"
)

// Listen opens a listening TCP socket as node.tcp and node.http servers do: an empty host
// means every address, IPv4 and IPv6; "::1" and "[::1]" mean the IPv6 loopback; a name is
// resolved (0.1.0 preferred IPv4, and so does Go's resolver for "localhost").
func Listen(port int, host string) (*net.TCPListener, error) {
	if port < 0 || port > 65535 {
		return nil, errors.New("port " + strconv.Itoa(port) + " is out of range 0..65535")
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return l.(*net.TCPListener), nil
}

// Acceptor runs the accepting goroutine of a listening socket and hands each new connection
// to the loop, keeping the loop alive while it listens.
type Acceptor struct {
	l      *net.TCPListener
	handle *loop.Handle
}

// Accept starts accepting on l: each connection is passed to onConn on the loop. The acceptor
// keeps the loop alive until Close.
func Accept(lp *loop.Loop, l *net.TCPListener, onConn func(c *net.TCPConn) error) *Acceptor {
	a := &Acceptor{l: l, handle: lp.NewHandle()}
	go a.run(onConn)
	return a
}

func (a *Acceptor) run(onConn func(c *net.TCPConn) error) {
	pause := 5 * time.Millisecond
	for {
		c, err := a.l.AcceptTCP()
		if err != nil {
			if errors.Is(err, net.ErrClosed) || a.handle.Closed() {
				return
			}
			// Out of file descriptors and the like: wait and try again, as servers must.
			time.Sleep(pause)
			if pause < time.Second {
				pause *= 2
			}
			continue
		}
		pause = 5 * time.Millisecond
		a.handle.Post(func() error {
			if a.handle.Closed() {
				c.Close()
				return nil
			}
			return onConn(c)
		})
	}
}

// Addr returns the address the socket listens on.
func (a *Acceptor) Addr() *net.TCPAddr { return a.l.Addr().(*net.TCPAddr) }

// Close stops accepting and lets the loop exit as far as the acceptor is concerned; on the loop.
// Connections already accepted are not touched.
func (a *Acceptor) Close() {
	if a.handle.Close(nil) {
		a.l.Close()
	}
}

// Ref and Unref choose whether the listening socket keeps the loop alive.
func (a *Acceptor) Ref() { a.handle.Ref() }

// Unref lets the loop exit while the socket listens.
func (a *Acceptor) Unref() { a.handle.Unref() }

// RemoteAddress is how node.tcp and node.http show a peer's address: the IP alone, with an
// IPv4 peer of a dual-stack socket shown as IPv4 ("127.0.0.1", not "::ffff:127.0.0.1").
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
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		inner := op.Err
		var sys *os.SyscallError
		if errors.As(inner, &sys) {
			return sys.Err.Error()
		}
		return inner.Error()
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timed out"
	}
	return err.Error()
}
