package tcp

import (
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// ErrNotWritable is what Stream.Write returns once the stream was closed or its writing side
// shut (after CloseWrite, Close, Detach or an error).
var ErrNotWritable = errors.New("tcp: connection is not open for writing")

// Stream is the I/O mechanism of one TCP connection, shared by node.tcp and node.http.
//
// Reading: the owner runs a goroutine that calls Read in a loop. While the peer is silent that
// goroutine holds no buffer: a pooled one is taken only when bytes are ready. Each read goes to
// the loop on its own (reads are never merged); Posted and Consumed bound how many reads wait
// there, so a slow program slows its peer instead of buffering without end.
//
// Writing: Write is called on the loop and never blocks it. It writes straight to the socket
// when nothing is queued (as libuv's try-write does); what the kernel does not take is queued
// and written in order by a short-lived goroutine. CloseWrite, Close and Detach wait for the
// queue to drain; Abort does not.
//
// The end: onEnd (given to NewStream) is called once, on some goroutine, when the socket is
// closed (by Close after the queue drained, by Abort, or after a write error) with the error
// that ended it (nil for a clean Close). It is not called after Detach.
type Stream struct {
	conn  net.Conn
	raw   syscall.RawConn // nil when conn has no file descriptor
	onEnd func(error)

	lastIO atomic.Int64 // unix nanoseconds of the last read or write

	mu      sync.Mutex
	pending []byte    // queued bytes, written in order by the drain goroutine
	spare   []byte    // the other buffer of the pair the drain goroutine swaps
	writing bool      // a drain goroutine owns the socket's writing side
	after   closeStep // what to do once pending is written
	closed  bool      // closed or detached: no more I/O through the stream
	ended   bool      // onEnd was called
	detach  func(net.Conn)

	inflight atomic.Int32
	resume   chan struct{}
}

// closeStep is what a Stream does once its queue is written.
type closeStep uint8

const (
	stepNone       closeStep = iota
	stepCloseWrite           // send FIN
	stepClose                // close the socket
	stepDetach               // hand the socket over
)

// maxInflight is how many reads may wait for the loop before the reader pauses.
const maxInflight = 8

// ReadBufferSize is the size of the buffers reads land in: what one read can return.
const ReadBufferSize = 64 << 10

// NewStream wraps an open connection. onEnd (which may be nil) is called once when the socket
// is closed; see Stream.
func NewStream(c net.Conn, onEnd func(error)) *Stream {
	s := &Stream{conn: c, onEnd: onEnd, resume: make(chan struct{}, 1)}
	if sc, ok := c.(syscall.Conn); ok {
		if raw, err := sc.SyscallConn(); err == nil {
			s.raw = raw
		}
	}
	s.touch()
	return s
}

// Conn returns the connection the stream wraps.
func (s *Stream) Conn() net.Conn { return s.conn }

func (s *Stream) touch() { s.lastIO.Store(time.Now().UnixNano()) }

// Idle returns how long ago the stream last read or wrote something.
func (s *Stream) Idle() time.Duration {
	return time.Duration(time.Now().UnixNano() - s.lastIO.Load())
}

// Buffer is a pooled read buffer; Bytes is what one read returned. Release it when done.
type Buffer struct {
	buf [ReadBufferSize]byte
	n   int
}

var bufferPool = sync.Pool{New: func() any { return new(Buffer) }}

// Bytes returns the bytes the read returned.
func (b *Buffer) Bytes() []byte { return b.buf[:b.n] }

// Release returns the buffer to the pool; its bytes must not be used afterwards.
func (b *Buffer) Release() {
	b.n = 0
	bufferPool.Put(b)
}

// Read waits for the peer's next bytes and returns them in a pooled Buffer. It returns io.EOF
// when the peer half-closed (sent FIN) and another error when the connection failed or was
// closed; Closed then tells whether the stream itself was closed.
func (s *Stream) Read() (*Buffer, error) {
	if s.raw == nil {
		b := bufferPool.Get().(*Buffer)
		n, err := s.conn.Read(b.buf[:])
		if n > 0 {
			b.n = n
			s.touch()
			return b, nil
		}
		b.Release()
		if err == nil {
			err = io.ErrNoProgress
		}
		return nil, err
	}
	var b *Buffer
	var n int
	var rerr error
	err := s.raw.Read(func(fd uintptr) bool {
		if b == nil {
			b = bufferPool.Get().(*Buffer)
		}
		for {
			n, rerr = syscall.Read(int(fd), b.buf[:])
			if rerr != syscall.EINTR {
				break
			}
		}
		if rerr == syscall.EAGAIN {
			// Nothing yet: wait without holding the buffer, so idle connections cost none.
			b.Release()
			b = nil
			return false
		}
		return true
	})
	if err == nil {
		err = rerr
	}
	if err == nil && n > 0 {
		b.n = n
		s.touch()
		return b, nil
	}
	if b != nil {
		b.Release()
	}
	if err == nil {
		return nil, io.EOF
	}
	return nil, err
}

// Posted is called by the reading goroutine after handing a read to the loop; it blocks while
// too many reads are waiting there.
func (s *Stream) Posted() {
	if s.inflight.Add(1) > maxInflight {
		<-s.resume
	}
}

// Consumed is called on the loop once a read handed over with Posted has been handled (or
// dropped).
func (s *Stream) Consumed() {
	if s.inflight.Add(-1) >= maxInflight {
		s.resume <- struct{}{}
	}
}

// Write queues b (copied) to be written after everything written before; on the loop. It
// never blocks. A write error ends the stream (see onEnd).
func (s *Stream) Write(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	s.mu.Lock()
	if s.closed || s.after != stepNone {
		s.mu.Unlock()
		return ErrNotWritable
	}
	if s.writing {
		s.pending = append(s.pending, b...)
		s.mu.Unlock()
		return nil
	}
	s.mu.Unlock()
	// No drain goroutine: only the loop writes, so the socket's writing side is ours.
	n, err := s.tryWrite(b)
	if err != nil {
		s.Abort(err)
		return nil
	}
	if n == len(b) {
		return nil
	}
	s.mu.Lock()
	s.pending = append(s.pending[:0], b[n:]...)
	s.writing = true
	s.mu.Unlock()
	go s.drain()
	return nil
}

// tryWrite writes what the kernel takes at once, without waiting.
func (s *Stream) tryWrite(b []byte) (int, error) {
	if s.raw == nil {
		return 0, nil
	}
	n := 0
	var werr error
	err := s.raw.Write(func(fd uintptr) bool {
		for n < len(b) {
			m, e := syscall.Write(int(fd), b[n:])
			if m > 0 {
				n += m
			}
			switch {
			case e == syscall.EINTR:
				continue
			case e == syscall.EAGAIN:
				return true
			case e != nil:
				werr = e
				return true
			case m <= 0:
				return true
			}
		}
		return true
	})
	if err == nil {
		err = werr
	}
	if n > 0 {
		s.touch()
	}
	return n, err
}

// drain writes the queue in order until it is empty, then carries out the close step asked
// for meanwhile.
func (s *Stream) drain() {
	for {
		s.mu.Lock()
		if s.closed || len(s.pending) == 0 {
			s.writing = false
			step := s.after
			closed := s.closed
			s.mu.Unlock()
			if !closed {
				s.carryOut(step)
			}
			return
		}
		buf := s.pending
		s.pending = s.spare[:0]
		s.spare = nil
		s.mu.Unlock()
		_, err := s.conn.Write(buf)
		if err != nil {
			s.Abort(err)
			return
		}
		s.touch()
		s.mu.Lock()
		if cap(buf) <= 4*ReadBufferSize {
			s.spare = buf[:0]
		}
		s.mu.Unlock()
	}
}

// Pending returns how many bytes wait to be written.
func (s *Stream) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending)
}

// later asks for step once the queue is written; it runs it now when nothing is queued.
func (s *Stream) later(step closeStep) {
	s.mu.Lock()
	if s.closed || s.after >= step {
		s.mu.Unlock()
		return
	}
	s.after = step
	if s.writing {
		s.mu.Unlock()
		return
	}
	s.mu.Unlock()
	s.carryOut(step)
}

func (s *Stream) carryOut(step closeStep) {
	switch step {
	case stepCloseWrite:
		if cw, ok := s.conn.(interface{ CloseWrite() error }); ok {
			if err := cw.CloseWrite(); err != nil && !errors.Is(err, net.ErrClosed) {
				s.Abort(err)
			}
		}
	case stepClose:
		s.Abort(nil)
	case stepDetach:
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return
		}
		s.closed = true
		fn := s.detach
		s.mu.Unlock()
		go fn(s.conn)
	}
}

// CloseWrite sends FIN once everything queued is written (a half-close); on the loop.
func (s *Stream) CloseWrite() { s.later(stepCloseWrite) }

// Close closes the socket once everything queued is written; on the loop.
func (s *Stream) Close() { s.later(stepClose) }

// Detach hands the socket to fn (called on a new goroutine) once everything queued is written;
// the stream then neither reads, writes nor closes it, and onEnd is not called. The reading
// goroutine must have stopped reading. On the loop.
func (s *Stream) Detach(fn func(net.Conn)) {
	s.mu.Lock()
	s.detach = fn
	s.mu.Unlock()
	s.later(stepDetach)
}

// Abort closes the socket now, dropping what is queued, and calls onEnd with err; from any
// goroutine. It does nothing on a stream already closed.
func (s *Stream) Abort(err error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	s.pending = nil
	s.spare = nil
	s.mu.Unlock()
	s.conn.Close()
	s.end(err)
}

func (s *Stream) end(err error) {
	s.mu.Lock()
	if s.ended {
		s.mu.Unlock()
		return
	}
	s.ended = true
	s.mu.Unlock()
	if s.onEnd != nil {
		s.onEnd(err)
	}
}

// Closed reports whether the stream was closed (or detached): a read error is then the
// stream's own doing, not the peer's.
func (s *Stream) Closed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}
