package tcp

import (
	"syscall"

	"golang.org/x/sys/unix"

	"earlynode/loop"
)

// ListenFD drives an already listening, non-blocking socket descriptor (which it then owns) on
// the loop, as Listen does for the sockets it opens: any stream socket will do, a unix socket
// among them (its connections' remote address is then ""). Port returns 0.
func ListenFD(l *loop.Loop, fd int, onConn func(fd int, remote string) error) (*Listener, error) {
	p, err := pollerOf(l)
	if err != nil {
		return nil, err
	}
	ln := &Listener{p: p, fd: fd, onConn: onConn}
	if ln.pf, err = p.add(fd, unix.EPOLLIN, ln.accept, nil); err != nil {
		return nil, err
	}
	ln.handle = l.NewHandle()
	return ln, nil
}

// DupFD returns a close-on-exec, non-blocking duplicate of a Go socket's descriptor, so that the
// Go socket can be closed and the duplicate handed to NewStream or ListenFD.
func DupFD(c syscall.Conn) (int, error) { return dupFD(c) }

// Ref makes the listener keep the loop alive (the default).
func (ln *Listener) Ref() { ln.handle.Ref() }

// Unref lets the loop exit while the listener is open.
func (ln *Listener) Unref() { ln.handle.Unref() }

// Ref makes the stream keep the loop alive (the default).
func (s *Stream) Ref() { s.handle.Ref() }

// Unref lets the loop exit while the stream is open.
func (s *Stream) Unref() { s.handle.Unref() }

// FD returns the stream's socket descriptor (for getsockname and the like; -1 is never
// returned, but the descriptor is closed once Closed reports true).
func (s *Stream) FD() int { return s.fd }

// TryFlush writes what is queued as far as the socket takes it now, without waiting for the
// poller to say the socket is writable (for a writer that queues much in one turn).
func (s *Stream) TryFlush() error {
	if s.closed || s.pending.size == 0 {
		return nil
	}
	return s.onWrite()
}
