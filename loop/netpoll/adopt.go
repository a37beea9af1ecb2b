package netpoll

import (
	"net"

	"earlynode/loop"
)

// Adopt takes over a connected Go socket (a *net.TCPConn or *net.UnixConn, say one dialled with
// options the layer does not offer) and drives it on the loop l. Call Start on the Stream to
// read. Whether c itself stays in use depends on the implementation (see the package comment):
// the caller must not use it any more.
func Adopt(l *loop.Loop, c net.Conn) (*Stream, error) {
	p, err := pollerOf(l)
	if err != nil {
		c.Close()
		return nil, err
	}
	return streamOf(p, c, RemoteAddress(c))
}

// AdoptListener takes over a listening Go socket (a unix socket listener, say) and accepts its
// connections on the loop l, as Listen does for the sockets it opens; the caller must not use
// ln any more. For a unix socket, Port is 0 and the streams' RemoteIP is "". Removing a unix
// socket's file stays the caller's business.
func AdoptListener(l *loop.Loop, ln net.Listener, onConn AcceptFunc) (*Listener, error) {
	if ul, ok := ln.(*net.UnixListener); ok {
		ul.SetUnlinkOnClose(false)
	}
	port := 0
	if a, ok := ln.Addr().(*net.TCPAddr); ok {
		port = a.Port
	}
	return listenerOf(l, ln, port, 0, onConn)
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
