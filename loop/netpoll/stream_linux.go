//go:build !portable

package netpoll

import (
	"errors"
	"net"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// streamIO is the epoll implementation's part of a Stream: its descriptor, read and written
// on the loop goroutine when the poller says it is ready.
type streamIO struct {
	pf *pollFD // nil until Start
	fd int
}

// newStream wraps an open, non-blocking socket descriptor (which it then owns); Start begins
// reading it.
func newStream(p *poller, fd int, remote string) *Stream {
	s := &Stream{p: p, streamIO: streamIO{fd: fd}, remote: remote, limit: WriteLimitDefault()}
	s.handle = p.l.NewHandle()
	s.touch()
	return s
}

// streamOf makes a Stream, not yet started, of a connected Go socket, which it closes: the
// Stream owns a duplicate of its descriptor.
func streamOf(p *poller, c net.Conn, remote string) (*Stream, error) {
	sc, ok := c.(syscall.Conn)
	if !ok {
		c.Close()
		return nil, errNotSocket(c)
	}
	fd, err := dupFD(sc)
	c.Close()
	if err != nil {
		return nil, err
	}
	return newStream(p, fd, remote), nil
}

// startIO registers the descriptor with the poller.
func (s *Stream) startIO() error {
	pf, err := s.p.add(s.fd, s.interest(), s.onRead, s.onWrite)
	if err != nil {
		return err
	}
	s.pf = pf
	return nil
}

// onRead reads once and hands the bytes on.
func (s *Stream) onRead() error {
	if s.closed {
		return nil
	}
	if s.eof {
		// A hang-up or error after the peer's FIN: the connection is gone both ways, cleanly
		// if we had sent our FIN too.
		if s.after >= stepCloseWrite && s.after != stepDetach {
			s.Abort(nil)
		} else {
			s.Abort(socketError(s.fd))
		}
		return nil
	}
	var n int
	var err error
	for {
		n, err = unix.Read(s.fd, s.p.buf)
		if err != unix.EINTR {
			break
		}
	}
	switch {
	case n > 0:
		s.touch()
		return s.h.Data(s.p.buf[:n])
	case err == unix.EAGAIN:
		return nil
	case err != nil:
		s.Abort(os.NewSyscallError("read", err))
		return nil
	}
	s.eof = true
	s.updateInterest()
	return s.h.EOF()
}

// writeNow writes what the kernel takes of b at once (as libuv's try-write); the rest is
// queued.
func (s *Stream) writeNow(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := unix.Write(s.fd, b[n:])
		if m > 0 {
			n += m
		}
		switch {
		case err == unix.EINTR:
			continue
		case err == unix.EAGAIN:
			return n, nil
		case err != nil:
			return n, os.NewSyscallError("write", err)
		case m <= 0:
			return n, nil
		}
	}
	if n > 0 {
		s.touch()
	}
	return n, nil
}

// queued runs after Write queued bytes: the poller is asked to say when the socket is writable.
func (s *Stream) queued() { s.updateInterest() }

// onWrite writes the queue once the socket takes more, many pieces per call.
func (s *Stream) onWrite() error {
	if s.closed {
		return nil
	}
	for s.pending.size > 0 {
		n, err := s.pending.writeTo(s.fd)
		if err == unix.EINTR {
			continue
		}
		if err == unix.EAGAIN {
			return nil
		}
		if err != nil {
			s.Abort(os.NewSyscallError("writev", err))
			return nil
		}
		s.touch()
		s.pending.advance(n)
	}
	s.updateInterest()
	return s.written()
}

// updateInterest registers for reading unless paused or past EOF, and for writing while
// something is queued.
func (s *Stream) updateInterest() {
	if s.closed || s.pf == nil {
		return
	}
	s.p.set(s.pf, s.interest())
}

// interest is the set of events the stream waits for now.
func (s *Stream) interest() uint32 {
	var want uint32
	if !s.paused && !s.eof {
		want |= unix.EPOLLIN | unix.EPOLLRDHUP
	}
	if s.pending.size > 0 {
		want |= unix.EPOLLOUT
	}
	return want
}

// shutdownWrite sends FIN.
func (s *Stream) shutdownWrite() {
	if err := unix.Shutdown(s.fd, unix.SHUT_WR); err != nil && err != unix.ENOTCONN {
		s.Abort(os.NewSyscallError("shutdown", err))
	}
}

// handOver gives the socket to the Detach function as a Go connection.
func (s *Stream) handOver() {
	s.closed = true
	s.unregister()
	f := os.NewFile(uintptr(s.fd), "tcp")
	c, err := net.FileConn(f) // a new descriptor, registered with Go's poller
	f.Close()
	s.handle.Close(nil)
	fn := s.detach
	if err != nil {
		// Nothing to hand over: the peer sees the connection closed.
		return
	}
	go fn(c)
}

// closeIO takes the descriptor out of the poller and closes it.
func (s *Stream) closeIO() {
	s.unregister()
	unix.Close(s.fd)
}

// unregister takes the descriptor out of the poller, if Start put it there.
func (s *Stream) unregister() {
	if s.pf != nil {
		s.p.remove(s.pf)
	}
}

// socketError returns the pending error of a socket (SO_ERROR), or a generic one.
func socketError(fd int) error {
	if n, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ERROR); err == nil && n != 0 {
		return os.NewSyscallError("connection", unix.Errno(n))
	}
	return errors.New("connection closed by the peer")
}

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
