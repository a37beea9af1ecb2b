//go:build !linux || portable

package netpoll

import (
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"time"
)

// streamIO is the portable implementation's part of a Stream: a Go connection, read by a
// goroutine of its own and written by another, both blocking in Go's net package and posting
// what they did to the loop. One read is in flight at a time (the loop asks for the next once
// it has handed the last to the Handler, so reads are never merged and a paused stream reads
// no further), and one batch of the write queue.
type streamIO struct {
	c net.Conn

	rmu      sync.Mutex       // guards what the reader goroutine shares: buf, inflight, handoff, held, reading
	inflight *readResult      // posted by the reader, not yet handed over
	handoff  chan *readResult // set by Detach: the reader's last result goes there
	buf      []byte           // the reader's buffer: grows while reads fill it, up to ReadBufferSize
	more     chan struct{}    // a token per read the loop asks for; closed when the stream closes
	reading  bool             // a read is asked for and not yet handed over
	held     *readResult      // a read that came while paused, handed over on Resume
	batches  chan [][]byte    // the writer's work; closed when the stream closes
	writing  bool             // a batch is with the writer
	kicking  bool             // the queue goes to the writer at the end of this turn
	finSent  bool             // CloseWrite was carried out
}

// readResult is what one read of the reader goroutine gave.
type readResult struct {
	n   int
	err error
}

// newStream wraps a connected Go socket (which it then owns); Start begins reading it.
func newStream(p *poller, c net.Conn, remote string) *Stream {
	s := &Stream{p: p, streamIO: streamIO{c: c}, remote: remote, limit: WriteLimitDefault()}
	s.handle = p.l.NewHandle()
	s.touch()
	return s
}

// streamOf makes a Stream, not yet started, of a connected Go socket, which it then owns.
func streamOf(p *poller, c net.Conn, remote string) (*Stream, error) {
	return newStream(p, c, remote), nil
}

// startIO starts the reader goroutine and asks for the first read.
func (s *Stream) startIO() error {
	s.more = make(chan struct{}, 1)
	s.buf = make([]byte, 4<<10)
	go s.readLoop(s.c, s.more)
	s.updateInterest()
	return nil
}

// readLoop reads once per token and posts each result; the buffer is not touched again until
// the loop, having handed the bytes over, asks for the next read.
func (s *Stream) readLoop(c net.Conn, more chan struct{}) {
	for range more {
		s.rmu.Lock()
		buf := s.buf
		s.rmu.Unlock()
		n, err := c.Read(buf)
		r := &readResult{n: n, err: err}
		s.rmu.Lock()
		if s.handoff != nil { // Detach: the result goes with the connection
			s.handoff <- r
			s.rmu.Unlock()
			return
		}
		s.inflight = r
		s.rmu.Unlock()
		s.p.l.Post(func() error { return s.onRead(r) })
	}
}

// onRead hands a read over, on the loop.
func (s *Stream) onRead(r *readResult) error {
	if s.closed {
		return nil
	}
	s.rmu.Lock()
	s.reading = false
	if s.inflight == r {
		s.inflight = nil
	}
	if s.paused || s.h == nil {
		s.held = r
		s.rmu.Unlock()
		return nil
	}
	s.rmu.Unlock()
	if r.n > 0 {
		s.touch()
		data := s.buf[:r.n]
		if r.n == len(s.buf) && len(s.buf) < ReadBufferSize {
			s.rmu.Lock()
			s.buf = make([]byte, 2*len(s.buf)) // for the next read; data stays valid
			s.rmu.Unlock()
		}
		if err := s.h.Data(data); err != nil {
			return err
		}
		if r.err != nil && !s.closed {
			return s.onRead(&readResult{err: r.err})
		}
		s.updateInterest()
		return nil
	}
	switch {
	case r.err == nil:
		s.updateInterest()
		return nil
	case errors.Is(r.err, io.EOF):
		s.eof = true
		if err := s.h.EOF(); err != nil {
			return err
		}
		if s.finSent && !s.closed {
			s.Abort(nil) // both FINs: the connection is over, cleanly
		}
		return nil
	}
	s.Abort(sysError(r.err))
	return nil
}

// updateInterest asks for the next read unless paused, past EOF or one is in flight; a read
// held while paused is handed over first.
func (s *Stream) updateInterest() {
	if s.closed || !s.started || s.paused || s.eof || s.reading {
		return
	}
	s.rmu.Lock()
	defer s.rmu.Unlock()
	s.reading = true
	if r := s.held; r != nil {
		s.held = nil
		s.inflight = r // until it is handed over
		s.p.l.Post(func() error { return s.onRead(r) })
		return
	}
	s.more <- struct{}{}
}

// writeNow takes nothing at once: every write goes through the writer goroutine.
func (s *Stream) writeNow([]byte) (int, error) { return 0, nil }

// queued runs after Write queued bytes: the writer gets them, with everything else written in
// the same turn of the loop (so that the writes of one callback reach the socket in one
// writev, as they reach the kernel together with epoll), unless it is busy.
func (s *Stream) queued() {
	if s.writing || s.kicking || s.closed || s.pending.size == 0 {
		return
	}
	if s.eof {
		// The peer may be gone: the first write goes alone, so that the next one meets the
		// reset it provokes (the only way this implementation learns of it after EOF).
		s.kick()
		return
	}
	s.kicking = true
	s.p.l.Post(func() error {
		s.kicking = false
		s.kick()
		return nil
	})
}

// kick hands the queue to the writer goroutine, starting it on first use.
func (s *Stream) kick() {
	if s.writing || s.closed || s.pending.size == 0 {
		return
	}
	if s.batches == nil {
		s.batches = make(chan [][]byte, 1)
		go s.writeLoop(s.c, s.batches)
	}
	s.writing = true
	s.batches <- s.pending.take()
}

// writeLoop writes each batch whole (writev where the system has it) and posts how far it got.
func (s *Stream) writeLoop(c net.Conn, batches chan [][]byte) {
	for b := range batches {
		bufs := net.Buffers(b)
		n, err := bufs.WriteTo(c)
		s.p.l.Post(func() error { return s.onWritten(int(n), err) })
	}
}

// onWritten takes the written bytes off the queue, on the loop, and hands the writer the rest.
func (s *Stream) onWritten(n int, err error) error {
	s.writing = false
	if s.closed {
		return nil
	}
	if err != nil {
		s.Abort(sysError(err))
		return nil
	}
	s.touch()
	s.pending.advance(n)
	if s.pending.size > 0 {
		s.kick()
		return nil
	}
	return s.written()
}

// shutdownWrite sends FIN.
func (s *Stream) shutdownWrite() {
	cw, ok := s.c.(interface{ CloseWrite() error })
	if !ok {
		return
	}
	if err := cw.CloseWrite(); err != nil {
		s.Abort(sysError(err))
		return
	}
	s.finSent = true
	if s.eof {
		s.Abort(nil) // the peer had ended too: the connection is over, cleanly
	}
}

// handOver gives the connection to the Detach function once the reader goroutine has let go
// of it (a read under way is interrupted by a deadline); bytes it read and the Handler did not
// get are read first from the connection handed over.
func (s *Stream) handOver() {
	s.closed = true
	s.handle.Close(nil)
	if s.batches != nil {
		close(s.batches)
	}
	fn, c := s.detach, s.c
	if s.more == nil { // never started: no reader
		go fn(c)
		return
	}
	close(s.more)
	s.rmu.Lock()
	r, buf := s.held, s.buf
	if r == nil {
		r = s.inflight // read and posted, not yet handed over
	}
	var last chan *readResult
	if r == nil && s.reading {
		last = make(chan *readResult, 1)
		s.handoff = last
	}
	s.rmu.Unlock()
	go func() {
		if last != nil {
			c.SetReadDeadline(time.Unix(1, 0))
			r = <-last
			c.SetReadDeadline(time.Time{})
		}
		if r != nil && r.n > 0 {
			c = &prefixedConn{Conn: c, rest: append([]byte(nil), buf[:r.n]...)}
		}
		fn(c)
	}()
}

// prefixedConn is a connection whose first bytes were already read from it.
type prefixedConn struct {
	net.Conn
	rest []byte
}

func (c *prefixedConn) Read(b []byte) (int, error) {
	if len(c.rest) > 0 {
		n := copy(b, c.rest)
		c.rest = c.rest[n:]
		return n, nil
	}
	return c.Conn.Read(b)
}

// closeIO closes the connection and stops the goroutines.
func (s *Stream) closeIO() {
	s.c.Close()
	if s.more != nil {
		close(s.more)
	}
	if s.batches != nil {
		close(s.batches)
	}
	s.rmu.Lock()
	s.held = nil
	s.rmu.Unlock()
}

// sysError drops the addresses Go's net wraps an error in, so that the portable
// implementation reports what the epoll one does ("read: connection reset by peer").
func sysError(err error) error {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		var sys *os.SyscallError
		if errors.As(op.Err, &sys) {
			return sys
		}
		return op.Err
	}
	return err
}

// LocalAddr returns the socket's own address (nil once closed).
func (s *Stream) LocalAddr() net.Addr {
	if s.closed {
		return nil
	}
	return s.c.LocalAddr()
}

// RemoteAddr returns the peer's address (nil once closed).
func (s *Stream) RemoteAddr() net.Addr {
	if s.closed {
		return nil
	}
	return s.c.RemoteAddr()
}

// TryFlush does nothing more here: the writer goroutine writes the queue as fast as the socket
// takes it.
func (s *Stream) TryFlush() error { return nil }
