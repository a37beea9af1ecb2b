package netpoll

import (
	"io"
	"net"
	"sync"
	"time"
)

// errWouldBlock is what the transport's reads return on the loop when the bytes read so far
// are used up: crypto/tls keeps a partial record and returns the error, without failing the
// connection, because it is a temporary net.Error.
var errWouldBlock error = wouldBlock{}

type wouldBlock struct{}

func (wouldBlock) Error() string   { return "netpoll: no more bytes until the next read" }
func (wouldBlock) Timeout() bool   { return true }
func (wouldBlock) Temporary() bool { return true }

// tlsTransport is the net.Conn a tls.Conn reads and writes. While the handshake runs (on its
// goroutine) a read blocks until the loop has fed bytes and a write is posted to the loop;
// afterwards both run on the loop: a read takes what the stream has read and says
// errWouldBlock when nothing is left, a write appends to wbuf, which the TLSConn writes to
// the stream after each crypto/tls call.
type tlsTransport struct {
	t *TLSConn

	mu       sync.Mutex
	cond     *sync.Cond
	blocking bool   // the handshake goroutine reads
	in       []byte // bytes read from the stream, not yet taken by crypto/tls
	lent     bool   // in is the poller's buffer, lent for one Data call
	own      []byte // storage for in when kept
	eof      bool   // the stream read the peer's FIN
	err      error  // the stream ended: reads fail with it

	// loop side
	collect bool
	wbuf    []byte
}

// feed appends bytes for the handshake goroutine.
func (r *tlsTransport) feed(b []byte) {
	r.mu.Lock()
	r.in = append(r.in, b...)
	r.cond.Signal()
	r.mu.Unlock()
}

// lend makes b (the poller's buffer, valid during one Data call) what reads take next, without
// a copy when nothing was kept from before.
func (r *tlsTransport) lend(b []byte) {
	r.mu.Lock()
	if len(r.in) == 0 {
		r.in, r.lent = b, true
	} else {
		r.in = append(r.in, b...)
	}
	r.mu.Unlock()
}

// keep copies what is left of a lent buffer before the Data call returns.
func (r *tlsTransport) keep() {
	r.mu.Lock()
	if r.lent {
		r.lent = false
		if len(r.in) == 0 {
			r.in = r.own[:0]
		} else {
			r.own = append(r.own[:0], r.in...)
			r.in = r.own
		}
	}
	r.mu.Unlock()
}

// fail makes reads fail with err (the stream ended, or Abort) and wakes a blocked one.
func (r *tlsTransport) fail(err error) {
	r.mu.Lock()
	if r.err == nil {
		r.err = err
	}
	r.cond.Signal()
	r.mu.Unlock()
}

func (r *tlsTransport) Read(b []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.blocking && len(r.in) == 0 && !r.eof && r.err == nil {
		r.cond.Wait()
	}
	if len(r.in) > 0 {
		n := copy(b, r.in)
		r.in = r.in[n:]
		if len(r.in) == 0 && !r.lent {
			r.in = r.own[:0]
		}
		return n, nil
	}
	switch {
	case r.err != nil:
		return 0, r.err
	case r.eof:
		return 0, io.EOF
	}
	return 0, errWouldBlock
}

func (r *tlsTransport) Write(b []byte) (int, error) {
	r.mu.Lock()
	blocking := r.blocking
	r.mu.Unlock()
	if !blocking {
		if r.collect {
			r.wbuf = append(r.wbuf, b...)
			return len(b), nil
		}
		if err := r.t.s.Write(b); err != nil {
			return 0, err
		}
		return len(b), nil
	}
	// The handshake goroutine: the loop writes it, in order (posts from one goroutine run in
	// the order posted).
	data := append([]byte(nil), b...)
	s := r.t.s
	s.p.l.Post(func() error {
		if !s.Closed() {
			s.Write(data)
		}
		return nil
	})
	return len(b), nil
}

func (r *tlsTransport) Close() error {
	r.fail(net.ErrClosed)
	return nil
}

func (r *tlsTransport) LocalAddr() net.Addr  { return tlsAddr{} }
func (r *tlsTransport) RemoteAddr() net.Addr { return tlsAddr{} }

// Deadlines mean nothing here: the loop never waits on the socket.
func (r *tlsTransport) SetDeadline(time.Time) error      { return nil }
func (r *tlsTransport) SetReadDeadline(time.Time) error  { return nil }
func (r *tlsTransport) SetWriteDeadline(time.Time) error { return nil }

// tlsAddr stands for the addresses crypto/tls may ask the transport for (it does not use them).
type tlsAddr struct{}

func (tlsAddr) Network() string { return "tcp" }
func (tlsAddr) String() string  { return "netpoll" }
