package netpoll

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"earlynode/loop"
)

// HandshakeError is why a TLS handshake failed: the error End gets (or Handshake's callback).
// Err is crypto/tls's error (a certificate that did not verify, an alert from the peer, bytes
// that are not TLS) or the connection's own (the peer closed or reset it meanwhile).
type HandshakeError struct{ Err error }

func (e *HandshakeError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *HandshakeError) Unwrap() error { return e.Err }

// DefaultHandshakeTimeout is how long a TLS handshake may take, from Start (or Handshake) to
// its end, unless SetHandshakeTimeout says otherwise: a peer that connects and never finishes
// its handshake (never sends a ClientHello, say) is dropped then, rather than holding a
// connection slot for ever.
const DefaultHandshakeTimeout = 10 * time.Second

// HandshakeTimeoutError is why a connection whose handshake outlived its deadline ended
// (wrapped in a *HandshakeError).
type HandshakeTimeoutError struct{ Limit time.Duration }

func (e *HandshakeTimeoutError) Error() string {
	return "tls: handshake not complete within the handshake deadline of " + e.Limit.String()
}

// TLSConn is a TLS connection (client or server, with a crypto/tls configuration the caller
// supplies) over a Stream, driven by the loop with the Stream's vocabulary: Handler gets the
// decrypted bytes, the peer's end (its close_notify, or its FIN at a record boundary) and the
// connection's end; Write never blocks; CloseWrite sends close_notify and then FIN; Close and
// Abort, Pause and Resume, Ref and Unref are the Stream's. Every method runs on the loop.
//
// crypto/tls cannot resume a handshake that a non-blocking read interrupted, so the handshake
// runs on a goroutine of its own: it reads the bytes the loop feeds it (blocking until they
// come) and its writes are posted to the loop, which writes them to the Stream. Once it is done
// the connection runs on the loop alone: each read from the Stream is handed to crypto/tls,
// which decrypts whole records and keeps a partial one (its reads of the bytes the loop holds
// end with a temporary net.Error when they run out, which crypto/tls retries rather than
// treating as fatal), and the records crypto/tls writes go to Stream.Write, one Stream.Write
// per Write (per 256 KiB of a large one). Writes made before the handshake completed wait for
// it, as do CloseWrite and Close.
// The handshake keeps the loop alive as the stream does (not when unreferenced); one still
// waiting for bytes when the loop has exited leaves its goroutine blocked.
type TLSConn struct {
	s   *Stream
	tc  *tls.Conn
	raw *tlsTransport
	h   Handler

	onHandshake func(err error) error
	begun       bool         // the stream is started and the handshake under way or done
	handshook   bool         // the handshake goroutine is done
	hs          *loop.Handle // held while the handshake runs
	unref       bool
	open        bool // the handshake succeeded
	failed      error
	out         []byte    // written before the handshake completed
	after       closeStep // asked for before the handshake completed
	notified    bool      // close_notify sent
	paused      bool
	eof         bool // the peer's end was reported
	closed      bool // the stream ended (or was aborted)
	streamEnd   error
	ended       bool // End was called on h
	endPending  bool // the stream ended before Start named h
	drainPosted bool
	hsLimit     time.Duration // the handshake deadline; 0: none
	hsTimer     *loop.Timer
}

// TLSClient makes a client connection over s, a Stream not yet started (from Dial, say);
// conf names the server (ServerName) and says how to verify it. Start (or Handshake) starts it.
func TLSClient(s *Stream, conf *tls.Config) *TLSConn {
	t := newTLS(s)
	t.tc = tls.Client(t.raw, conf)
	return t
}

// TLSServer makes a server connection over s, a Stream not yet started (an accepted one);
// conf holds the certificate and the client verification asked for.
func TLSServer(s *Stream, conf *tls.Config) *TLSConn {
	t := newTLS(s)
	t.tc = tls.Server(t.raw, conf)
	return t
}

func newTLS(s *Stream) *TLSConn {
	t := &TLSConn{s: s, hsLimit: DefaultHandshakeTimeout}
	t.raw = &tlsTransport{t: t, blocking: true}
	t.raw.cond = sync.NewCond(&t.raw.mu)
	return t
}

// SetHandshakeTimeout sets how long the handshake may take (0: no limit); call it before Start
// or Handshake. A handshake still under way then aborts the connection with a
// *HandshakeError wrapping a *HandshakeTimeoutError.
func (t *TLSConn) SetHandshakeTimeout(d time.Duration) { t.hsLimit = d }

// Stream returns the stream the connection runs on.
func (t *TLSConn) Stream() *Stream { return t.s }

// Handshake starts reading the stream and the handshake, if Start has not, and calls done on
// the loop once the handshake is over: with nil when it succeeded (Start then names the
// handler; reading waits for it), or with a *HandshakeError, the connection
// then closing by itself (the alert sent first). A server hands a connection over this way
// only once it is secure.
func (t *TLSConn) Handshake(done func(err error) error) error {
	t.onHandshake = done
	return t.begin()
}

// Start begins reading (and the handshake, if Handshake has not), reporting to h: Data gets
// decrypted bytes once the handshake has succeeded; a failed handshake ends the connection
// with a *HandshakeError. Call it once.
func (t *TLSConn) Start(h Handler) error {
	if t.h != nil {
		return nil
	}
	t.h = h
	if t.endPending {
		// The connection ended before it had a handler.
		t.endPending = false
		err := t.streamEnd
		t.s.p.l.Post(func() error { return t.report(err) })
		return nil
	}
	if t.open {
		if !t.paused {
			t.s.Resume() // paused since the handshake
		}
		t.drainLater() // bytes may have come with the handshake's last flight
	}
	return t.begin()
}

func (t *TLSConn) begin() error {
	if t.begun {
		return nil
	}
	t.begun = true
	if err := t.s.Start(tlsEvents{t}); err != nil {
		t.failed = err // the stream's End reports it
		return err
	}
	if t.s.Closed() {
		return nil // closed before it started: nothing follows, as for a Stream
	}
	// The handshake holds a handle of its own, referenced as the stream is, so that the loop
	// waits for its end even when the stream has ended first.
	hs := t.s.p.l.NewHandle()
	if t.unref {
		hs.Unref()
	}
	t.hs = hs
	if t.hsLimit > 0 {
		t.hsTimer = t.s.p.l.SetTimer(t.hsLimit, func() error {
			if !t.handshook && !t.closed {
				t.Abort(&HandshakeTimeoutError{Limit: t.hsLimit})
			}
			return nil
		})
		t.hsTimer.Unref() // the handshake's handle keeps the loop alive, when referenced
	}
	go func() {
		err := t.tc.HandshakeContext(context.Background())
		hs.Close(func() error { return t.handshakeDone(err) })
	}()
	return nil
}

// handshakeDone runs on the loop once the handshake goroutine has finished with t.tc.
func (t *TLSConn) handshakeDone(err error) error {
	t.handshook = true
	if t.hsTimer != nil {
		t.hsTimer.Stop()
	}
	if t.closed {
		return t.endedInHandshake()
	}
	if t.s.Closed() {
		return nil // aborted: its End, on its way, reports
	}
	if err != nil {
		t.failed = &HandshakeError{Err: err}
		t.out = nil
		t.s.Close() // after the alert crypto/tls wrote; End(failed) follows
		return t.callHandshake(t.failed)
	}
	t.raw.mu.Lock()
	t.raw.blocking = false
	t.raw.mu.Unlock()
	t.open = true
	if t.paused || t.h == nil {
		t.s.Pause() // until Resume, or until Start names the handler
	}
	if err := t.callHandshake(nil); err != nil {
		return err
	}
	if len(t.out) > 0 && !t.closed {
		out := t.out
		t.out = nil
		t.writeTLS(out)
	}
	switch t.after {
	case stepCloseWrite:
		t.closeNotify()
		t.s.CloseWrite()
	case stepClose:
		t.closeNotify()
		t.s.Close()
	}
	return t.drain()
}

// endedInHandshake reports a stream that ended while the handshake was under way (the peer
// reset it, or Abort): its end is the one to report, as a failed handshake unless Abort(nil)
// ended it.
func (t *TLSConn) endedInHandshake() error {
	t.out = nil
	var end error
	if t.streamEnd != nil {
		end = &HandshakeError{Err: t.streamEnd}
		t.failed = end
	} else {
		t.failed = &HandshakeError{Err: net.ErrClosed}
	}
	if err := t.callHandshake(t.failed); err != nil {
		return err
	}
	return t.report(end)
}

func (t *TLSConn) callHandshake(err error) error {
	done := t.onHandshake
	t.onHandshake = nil
	if done == nil {
		return nil
	}
	return done(err)
}

// ConnectionState returns the TLS details (version, cipher suite, the peer's certificates)
// once the handshake has succeeded.
func (t *TLSConn) ConnectionState() tls.ConnectionState {
	if !t.open {
		return tls.ConnectionState{}
	}
	return t.tc.ConnectionState()
}

// Write queues b (copied) after everything written before, encrypted; before the handshake
// has completed it waits for it. It never blocks. ErrNotWritable once the writing side was
// shut (CloseWrite, Close, Abort, an error).
func (t *TLSConn) Write(b []byte) error {
	if t.closed || t.after != stepNone || t.failed != nil || t.s.Closed() {
		return ErrNotWritable
	}
	if len(b) == 0 {
		return nil
	}
	if !t.open {
		t.out = append(t.out, b...)
		return nil
	}
	return t.writeTLS(b)
}

// writeChunk is how much plaintext writeTLS encrypts per Stream.Write: records enough to make
// few system calls, few enough not to hold a second copy of a large write.
const writeChunk = 256 << 10

// writeTLS encrypts b into records that the transport collects, and writes them to the stream
// a chunk at a time.
func (t *TLSConn) writeTLS(b []byte) error {
	for len(b) > 0 {
		n := min(len(b), writeChunk)
		t.raw.collect = true
		_, err := t.tc.Write(b[:n])
		t.raw.collect = false
		if ferr := t.flushRecords(); ferr != nil {
			return ferr
		}
		if err != nil {
			t.s.Abort(err)
			return nil
		}
		b = b[n:]
	}
	return nil
}

// flushRecords writes the records crypto/tls produced in one call.
func (t *TLSConn) flushRecords() error {
	if len(t.raw.wbuf) == 0 {
		return nil
	}
	err := t.s.Write(t.raw.wbuf)
	if cap(t.raw.wbuf) > 1<<20 {
		t.raw.wbuf = nil
	} else {
		t.raw.wbuf = t.raw.wbuf[:0]
	}
	return err
}

// closeNotify sends close_notify once.
func (t *TLSConn) closeNotify() {
	if t.notified || !t.open || t.s.Closed() {
		return
	}
	t.notified = true
	t.raw.collect = true
	t.tc.CloseWrite()
	t.raw.collect = false
	t.flushRecords()
}

// CloseWrite sends close_notify and then FIN once everything queued is written (a half-close:
// the peer's bytes are still read).
func (t *TLSConn) CloseWrite() {
	if t.closed || t.after >= stepCloseWrite {
		return
	}
	t.after = stepCloseWrite
	if t.open {
		t.closeNotify()
		t.s.CloseWrite()
	}
}

// Close sends close_notify and closes the socket once everything queued is written.
func (t *TLSConn) Close() {
	if t.closed || t.after >= stepClose {
		return
	}
	t.after = stepClose
	if t.open || t.failed != nil || !t.begun {
		t.closeNotify()
		t.s.Close()
	}
}

// Abort closes the socket now, dropping what is queued (and a handshake under way); End(err)
// follows once the connection was started.
func (t *TLSConn) Abort(err error) {
	t.raw.fail(net.ErrClosed)
	t.out = nil
	t.s.Abort(err)
}

// Pause stops reading until Resume.
func (t *TLSConn) Pause() {
	t.paused = true
	if t.open {
		t.s.Pause()
	}
}

// Resume undoes Pause; what was already read is handed over on a later turn.
func (t *TLSConn) Resume() {
	t.paused = false
	if t.open {
		t.s.Resume()
		t.drainLater()
	}
}

// Ref makes the connection keep the loop alive (the default).
func (t *TLSConn) Ref() {
	t.unref = false
	t.s.Ref()
	if t.hs != nil {
		t.hs.Ref()
	}
}

// Unref lets the loop exit while the connection is open (its handshake included).
func (t *TLSConn) Unref() {
	t.unref = true
	t.s.Unref()
	if t.hs != nil {
		t.hs.Unref()
	}
}

// Pending returns how many bytes wait to be written: encrypted ones in the stream's queue and
// those written before the handshake completed.
func (t *TLSConn) Pending() int { return t.s.Pending() + len(t.out) }

// TryFlush writes what is queued as far as the socket takes it now.
func (t *TLSConn) TryFlush() error { return t.s.TryFlush() }

// Closed reports whether the connection was closed.
func (t *TLSConn) Closed() bool { return t.closed || t.s.Closed() }

// LocalAddr returns the socket's own address.
func (t *TLSConn) LocalAddr() net.Addr { return t.s.LocalAddr() }

// RemoteAddr returns the peer's address.
func (t *TLSConn) RemoteAddr() net.Addr { return t.s.RemoteAddr() }

// drainLater posts a drain (for Start and Resume, which may run inside a handler).
func (t *TLSConn) drainLater() {
	if t.drainPosted {
		return
	}
	t.drainPosted = true
	t.s.p.l.Post(func() error {
		t.drainPosted = false
		return t.drain()
	})
}

// maxRecord is the most plaintext one TLS record carries.
const maxRecord = 16 << 10

// drain decrypts what the transport holds and hands it to the handler, several records per
// Data call, until crypto/tls wants more bytes than have come.
func (t *TLSConn) drain() error {
	p := t.s.p
	if p.tlsDraining {
		t.drainLater()
		return nil
	}
	if p.tlsBuf == nil {
		p.tlsBuf = make([]byte, ReadBufferSize)
	}
	p.tlsDraining = true
	defer func() { p.tlsDraining = false }()
	buf := p.tlsBuf
	for t.open && t.h != nil && !t.paused && !t.Closed() && !t.eof {
		n := 0
		var err error
		t.raw.collect = true // a record crypto/tls answers (a key update) is written once
		for n+maxRecord <= len(buf) {
			var m int
			m, err = t.tc.Read(buf[n:])
			n += m
			if err != nil {
				break
			}
		}
		t.raw.collect = false
		t.flushRecords()
		if n > 0 {
			if herr := t.h.Data(buf[:n]); herr != nil {
				return herr
			}
		}
		switch {
		case err == nil:
			continue // the buffer filled: more may wait
		case errors.Is(err, errWouldBlock):
			return nil
		case errors.Is(err, io.EOF):
			if t.closed || t.eof {
				return nil
			}
			t.eof = true
			return t.h.EOF()
		default:
			t.s.Abort(err)
			return nil
		}
	}
	return nil
}

// report calls End on the handler once.
func (t *TLSConn) report(err error) error {
	if t.ended {
		return nil
	}
	if t.h == nil {
		t.streamEnd = err
		t.endPending = true
		return nil
	}
	t.ended = true
	return t.h.End(err)
}

// tlsEvents is the TLSConn's Handler for its Stream: ciphertext in, connection events out.
type tlsEvents struct{ t *TLSConn }

func (e tlsEvents) Data(b []byte) error {
	t := e.t
	if t.closed || t.eof || t.failed != nil {
		return nil // nothing more is read after the peer's close_notify or a failure
	}
	if !t.open {
		t.raw.feed(b)
		return nil
	}
	t.raw.lend(b)
	err := t.drain()
	t.raw.keep()
	return err
}

func (e tlsEvents) EOF() error {
	t := e.t
	t.raw.mu.Lock()
	t.raw.eof = true
	t.raw.cond.Signal()
	t.raw.mu.Unlock()
	if t.open {
		return t.drain() // crypto/tls then reports the end (or a record cut short)
	}
	return nil
}

func (e tlsEvents) End(err error) error {
	t := e.t
	t.closed = true
	t.streamEnd = err
	closedErr := err
	if closedErr == nil {
		closedErr = net.ErrClosed
	}
	t.raw.fail(closedErr)
	if !t.open && t.failed == nil && t.begun {
		if !t.handshook {
			return nil // handshakeDone reports it once the handshake goroutine is done
		}
		return t.endedInHandshake()
	}
	if t.failed != nil {
		err = t.failed
		if herr := t.callHandshake(err); herr != nil { // the stream could not start
			return herr
		}
	}
	return t.report(err)
}
