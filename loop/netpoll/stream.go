package netpoll

import (
	"errors"
	"net"
	"time"

	"earlynode/loop"
)

// ErrNotWritable is what Stream.Write returns once the stream was closed or its writing side
// shut (after CloseWrite, Close, Detach or an error).
var ErrNotWritable = errors.New("netpoll: connection is not open for writing")

// ErrIdleTimeout is what a stream is aborted with when its owner finds it idle too long (see
// Idle).
var ErrIdleTimeout = errors.New("idle timeout")

// ReadBufferSize is the most one read returns (what one `receive` can carry). 256 KiB, not
// libuv's 64 KiB: every read is copied out for its handler and handed to JavaScript with one
// call, so a bulk stream costs a quarter of the system calls, callbacks and Buffers per byte
// (an echo of 500 MB through node.tcp ran about 1.3x as fast as with 64 KiB); the one buffer
// is the loop's, shared by all its streams.
const ReadBufferSize = 256 << 10

// Handler receives what happens on a Stream, on the loop. An error returned is fatal
// (an exception thrown by a listener) and stops the loop.
type Handler interface {
	// Data gets the bytes of one read; they are valid only during the call.
	Data(b []byte) error
	// EOF says the peer half-closed (sent FIN).
	EOF() error
	// End says the socket is closed: err is why (nil after a clean Close). It is posted, so it
	// comes after every Data and EOF, and it is the last call.
	End(err error) error
}

// Stream is one connection (TCP or unix) driven by the loop: node.tcp's and node.http's
// connections, the IPC libraries' and every WebSocket run on it. Every method runs on the loop
// goroutine.
//
// A Stream comes from Listen's or AdoptListener's accept function, from Dial or from Adopt; it
// holds a loop handle from then on. Nothing is read until Start names its Handler.
//
// Reading: when the socket is readable the poller reads once and hands the bytes to Data
// (reads are never merged). Writing: Write goes straight to the socket when nothing is queued
// (as libuv's try-write); what the kernel does not take is queued and written, in order, when
// the socket is writable again. CloseWrite, Close and Detach wait for the queue; Abort does
// not. The stream holds a loop handle until it is closed.
type Stream struct {
	streamIO // how this implementation reads and writes the socket

	p      *poller
	h      Handler
	handle *loop.Handle
	remote string // the peer's address as node.tcp shows it ("" for a unix socket)
	lastIO int64  // loop clock (unix ns) of the last read or write

	pending writeQueue
	limit   int // most bytes pending may hold (0: no limit); see SetWriteLimit
	after   closeStep
	started bool // Start was called
	closed  bool
	paused  bool // reading paused by Pause
	eof     bool // the peer's FIN was read
	detach  func(net.Conn)
}

// closeStep is what a Stream does once its queue is written.
type closeStep uint8

const (
	stepNone       closeStep = iota
	stepCloseWrite           // send FIN
	stepClose                // close the socket
	stepDetach               // hand the socket over
)

// Start begins reading, reporting to h. Call it once, on the turn the stream was handed over
// (or close the stream with Abort instead). It does nothing on a stream already closed.
func (s *Stream) Start(h Handler) error {
	if s.closed || s.started {
		return nil
	}
	s.h = h
	s.started = true
	if err := s.startIO(); err != nil {
		s.Abort(err)
		return err
	}
	return nil
}

func (s *Stream) touch() { s.lastIO = s.p.l.Now().UnixNano() }

// Idle returns how long ago the stream last read or wrote (by the loop's clock).
func (s *Stream) Idle() time.Duration {
	return time.Duration(s.p.l.Now().UnixNano() - s.lastIO)
}

// Write queues b (copied) after everything written before. It never blocks. A write error
// ends the stream (see End). A write that would leave more queued than the stream's write
// limit (a peer that does not read) fails with a WriteLimitError and aborts the stream.
func (s *Stream) Write(b []byte) error {
	if s.closed || s.after != stepNone {
		return ErrNotWritable
	}
	if len(b) == 0 {
		return nil
	}
	if s.pending.size == 0 {
		n, err := s.writeNow(b)
		if err != nil {
			s.Abort(err)
			return nil
		}
		if b = b[n:]; len(b) == 0 {
			return nil
		}
	}
	if s.overLimit(len(b)) {
		return s.refuse()
	}
	s.pending.push(b)
	s.queued()
	return nil
}

// written runs once the queue has been written out: the close step asked for meanwhile is
// carried out and a Drainer handler is told.
func (s *Stream) written() error {
	s.carryOut()
	if d, ok := s.h.(Drainer); ok && !s.closed {
		return d.Drained()
	}
	return nil
}

// Pending returns how many bytes wait to be written.
func (s *Stream) Pending() int { return s.pending.size }

// Pause stops reading until Resume (the peer then waits); Resume starts again.
func (s *Stream) Pause() {
	s.paused = true
	s.updateInterest()
}

// Resume undoes Pause.
func (s *Stream) Resume() {
	s.paused = false
	s.updateInterest()
}

// later asks for step once the queue is written, now when nothing is queued.
func (s *Stream) later(step closeStep) {
	if s.closed || s.after >= step {
		return
	}
	s.after = step
	if s.pending.size == 0 {
		s.carryOut()
	}
}

func (s *Stream) carryOut() {
	switch s.after {
	case stepCloseWrite:
		s.shutdownWrite()
	case stepClose:
		s.Abort(nil)
	case stepDetach:
		s.handOver()
	}
}

// CloseWrite sends FIN once everything queued is written (a half-close).
func (s *Stream) CloseWrite() { s.later(stepCloseWrite) }

// Close closes the socket once everything queued is written.
func (s *Stream) Close() { s.later(stepClose) }

// Detach hands the socket, as a net.Conn with its own Go poller, to fn (called on a new
// goroutine) once everything queued is written; the stream then neither reads, writes nor
// closes it, End is not called, and the loop no longer waits for it.
func (s *Stream) Detach(fn func(net.Conn)) {
	s.detach = fn
	s.later(stepDetach)
}

// Abort closes the socket now, dropping what is queued, and posts End(err). It does nothing
// on a stream already closed.
func (s *Stream) Abort(err error) {
	if s.closed {
		return
	}
	s.closed = true
	s.pending.reset()
	s.closeIO()
	h := s.h
	if h == nil { // never started: nobody to tell
		s.handle.Close(nil)
		return
	}
	s.handle.Close(func() error { return h.End(err) })
}

// Closed reports whether the stream was closed or detached.
func (s *Stream) Closed() bool { return s.closed }
