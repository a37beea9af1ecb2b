package websocket

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"earlynode/loop"
	"earlynode/loop/netpoll"
)

// tlsDialTimeout bounds a wss:// connect plus TLS handshake when DialOptions.Timeout is 0.
const tlsDialTimeout = 30 * time.Second

// dialTLS connects to host:port and makes the TLS handshake off the loop, then calls connected
// on the loop with the transport.
func dialTLS(l *loop.Loop, host string, port int, cfg *tls.Config, connected func(Transport, error) error) {
	l.Go(func() loop.Callback {
		ctx, cancel := context.WithTimeout(context.Background(), tlsDialTimeout)
		defer cancel()
		addr, err := netpoll.DialAddress(ctx, host, port)
		var tc *tls.Conn
		if err == nil {
			var d net.Dialer
			var c net.Conn
			if c, err = d.DialContext(ctx, "tcp", addr); err == nil {
				if tcp, ok := c.(*net.TCPConn); ok {
					tcp.SetNoDelay(true)
				}
				tc = tls.Client(c, cfg)
				if err = tc.HandshakeContext(ctx); err != nil {
					c.Close()
				}
			}
		}
		return func() error {
			if err != nil {
				return connected(nil, err)
			}
			return connected(newTLSTransport(l, tc), nil)
		}
	})
}

// tlsTransport is a Transport over a TLS connection made with crypto/tls on a Go net.Conn: a
// reader goroutine hands each read to the loop and waits until it was used, a writer goroutine
// writes what the loop queued. It is the goroutine path wss:// keeps until loop/netpoll speaks
// TLS; the WebSocket protocol above it is the same as on a Stream.
type tlsTransport struct {
	l      *loop.Loop
	c      *tls.Conn
	h      netpoll.Handler
	handle *loop.Handle

	// loop side
	started bool
	closing bool // Close was called
	ended   bool // Abort was called: End is on its way

	mu      sync.Mutex
	cond    *sync.Cond
	out     []byte // queued for the writer
	writing int    // bytes the writer has taken and not yet written
	step    int    // what the writer does once the queue is written: 0, stepShut, stepEnd
	paused  bool
	dead    bool // the connection is closed: both goroutines stop
	ack     chan struct{}
}

const (
	stepShut = 1 // send close_notify and FIN
	stepEnd  = 2 // close the connection
)

func newTLSTransport(l *loop.Loop, c *tls.Conn) *tlsTransport {
	t := &tlsTransport{l: l, c: c, handle: l.NewHandle(), ack: make(chan struct{}, 1)}
	t.cond = sync.NewCond(&t.mu)
	return t
}

func (t *tlsTransport) Loop() *loop.Loop { return t.l }

func (t *tlsTransport) SetHandler(h netpoll.Handler) { t.h = h }

func (t *tlsTransport) Start(h netpoll.Handler) error {
	if t.started || t.ended {
		return nil
	}
	t.h, t.started = h, true
	go t.readLoop()
	go t.writeLoop()
	return nil
}

// readLoop reads until the connection ends; the loop uses each read before the next.
func (t *tlsTransport) readLoop() {
	buf := make([]byte, 16<<10)
	for {
		t.mu.Lock()
		for t.paused && !t.dead {
			t.cond.Wait()
		}
		dead := t.dead
		t.mu.Unlock()
		if dead {
			return
		}
		n, err := t.c.Read(buf)
		if n > 0 {
			b := buf[:n]
			t.l.Post(func() error {
				defer func() { t.ack <- struct{}{} }()
				if t.ended {
					return nil
				}
				return t.h.Data(b)
			})
			<-t.ack
		}
		if err != nil {
			t.l.Post(func() error {
				if t.ended {
					return nil
				}
				if errors.Is(err, io.EOF) {
					return t.h.EOF()
				}
				t.Abort(err)
				return nil
			})
			return
		}
	}
}

// writeLoop writes what is queued, then closes as asked.
func (t *tlsTransport) writeLoop() {
	for {
		t.mu.Lock()
		for len(t.out) == 0 && t.step == 0 && !t.dead {
			t.cond.Wait()
		}
		if t.dead {
			t.mu.Unlock()
			return
		}
		b := t.out
		t.out = nil
		t.writing = len(b)
		step := t.step
		t.mu.Unlock()
		var err error
		if len(b) > 0 {
			t.c.SetWriteDeadline(time.Now().Add(time.Minute))
			_, err = t.c.Write(b)
		}
		t.mu.Lock()
		t.writing = 0
		more := len(t.out) > 0
		t.mu.Unlock()
		if err != nil {
			t.l.Post(func() error { t.Abort(err); return nil })
			return
		}
		if len(b) > 0 && !more {
			t.l.Post(func() error {
				if d, ok := t.h.(netpoll.Drainer); ok && !t.ended && t.Pending() == 0 {
					return d.Drained()
				}
				return nil
			})
		}
		if more {
			continue
		}
		switch step {
		case stepShut:
			t.c.CloseWrite()
			t.mu.Lock()
			if t.step == stepShut {
				t.step = 0
			}
			t.mu.Unlock()
		case stepEnd:
			t.finish(nil)
			return
		}
	}
}

// finish closes the connection and posts End(err), once (any goroutine).
func (t *tlsTransport) finish(err error) {
	t.mu.Lock()
	t.dead = true
	t.cond.Broadcast()
	t.mu.Unlock()
	t.c.Close()
	t.handle.Close(func() error {
		if t.h == nil {
			return nil
		}
		return t.h.End(err)
	})
}

func (t *tlsTransport) Write(b []byte) error {
	if t.closing || t.ended {
		return netpoll.ErrNotWritable
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.step != 0 || t.dead {
		return netpoll.ErrNotWritable
	}
	t.out = append(t.out, b...)
	t.cond.Broadcast()
	return nil
}

func (t *tlsTransport) Pending() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.out) + t.writing
}

func (t *tlsTransport) Pause() {
	t.mu.Lock()
	t.paused = true
	t.mu.Unlock()
}

func (t *tlsTransport) Resume() {
	t.mu.Lock()
	t.paused = false
	t.cond.Broadcast()
	t.mu.Unlock()
}

func (t *tlsTransport) later(step int) {
	if t.closing || t.ended {
		return
	}
	t.mu.Lock()
	if step > t.step {
		t.step = step
	}
	t.cond.Broadcast()
	t.mu.Unlock()
	if !t.started {
		go t.writeLoop()
		t.started = true
	}
}

func (t *tlsTransport) CloseWrite() { t.later(stepShut) }

func (t *tlsTransport) Close() {
	t.later(stepEnd)
	t.closing = true
}

func (t *tlsTransport) Abort(err error) {
	if t.ended {
		return
	}
	t.ended = true
	t.finish(err)
}

func (t *tlsTransport) Ref()   { t.handle.Ref() }
func (t *tlsTransport) Unref() { t.handle.Unref() }
