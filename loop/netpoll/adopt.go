package netpoll

import (
	"net"
	"syscall"

	"golang.org/x/sys/unix"

	"earlynode/loop"
)

// Adopt takes over a connected Go socket (a *net.TCPConn or *net.UnixConn, say one dialled with
// options the layer does not offer) and drives it on the loop l: c itself is closed, the
// returned Stream owns a duplicate of its descriptor. Call Start on the Stream to read.
func Adopt(l *loop.Loop, c net.Conn) (*Stream, error) {
	sc, ok := c.(syscall.Conn)
	if !ok {
		c.Close()
		return nil, errNotSocket(c)
	}
	fd, err := dupFD(sc)
	remote := RemoteAddress(c)
	c.Close()
	if err != nil {
		return nil, err
	}
	p, err := pollerOf(l)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	return newStream(p, fd, remote), nil
}

// AdoptListener takes over a listening Go socket (a unix socket listener, say) and accepts its
// connections on the loop l, as Listen does for the sockets it opens: ln itself is closed, the
// Listener owns a duplicate of its descriptor. For a unix socket, Port is 0 and the streams'
// RemoteIP is "". Removing a unix socket's file stays the caller's business.
func AdoptListener(l *loop.Loop, ln net.Listener, onConn AcceptFunc) (*Listener, error) {
	sc, ok := ln.(syscall.Conn)
	if !ok {
		ln.Close()
		return nil, errNotSocket(ln)
	}
	if ul, ok := ln.(*net.UnixListener); ok {
		ul.SetUnlinkOnClose(false)
	}
	fd, err := dupFD(sc)
	port := 0
	if a, ok := ln.Addr().(*net.TCPAddr); ok {
		port = a.Port
	}
	ln.Close()
	if err != nil {
		return nil, err
	}
	return listenFD(l, fd, port, onConn)
}

// Ref makes the listener keep the loop alive (the default).
func (ln *Listener) Ref() { ln.handle.Ref() }

// Unref lets the loop exit while the listener is open.
func (ln *Listener) Unref() { ln.handle.Unref() }

// Ref makes the stream keep the loop alive (the default).
func (s *Stream) Ref() { s.handle.Ref() }

// Unref lets the loop exit while the stream is open.
func (s *Stream) Unref() { s.handle.Unref() }

// RemoteIP returns the peer's address as node.tcp and node.http show it: the IP alone, an IPv4
// peer of a dual-stack socket as IPv4; "" for a unix socket.
func (s *Stream) RemoteIP() string { return s.remote }

// LocalAddr returns the socket's own address (nil once closed or when unknown).
func (s *Stream) LocalAddr() net.Addr {
	if s.closed {
		return nil
	}
	return sockAddr(unix.Getsockname(s.fd))
}

// RemoteAddr returns the peer's address (nil once closed or when unknown).
func (s *Stream) RemoteAddr() net.Addr {
	if s.closed {
		return nil
	}
	return sockAddr(unix.Getpeername(s.fd))
}

// TryFlush writes what is queued as far as the socket takes it now, without waiting for the
// poller to say the socket is writable (for a writer that queues much in one turn).
func (s *Stream) TryFlush() error {
	if s.closed || s.pending.size == 0 {
		return nil
	}
	return s.onWrite()
}
