package ipcnet

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"syscall"

	"earlynode/loop"
	"earlynode/loop/netpoll"
)

// Decoder turns the chunks read from one connection into batches. It runs on the loop (unix and
// TCP connections) or on the connection's reader goroutine (TLS); the batch it returns (nil for
// nothing) is handed to Events.Batch on the loop, so it must not alias the chunk, which is
// reused.
type Decoder func(chunk []byte) any

// Events are a connection's callbacks; each runs on the loop and returns the error that stops
// the program (an uncaught exception), as loop callbacks do.
type Events interface {
	// Connect reports an outgoing connection established.
	Connect() error
	// Batch delivers what the Decoder made of one read.
	Batch(batch any) error
	// End reports that the peer finished sending (EOF).
	End() error
	// Error reports a failure (connect, read, write, TLS); Close follows.
	Error(err error) error
	// Close reports the connection fully closed; hadError tells whether Error preceded it.
	Close(hadError bool) error
}

// inflight bounds the batches a reader posts before the loop has taken them.
const inflight = 4

// readSize is the size of each read.
const readSize = 64 << 10

// Conn is one stream connection. Its methods (but Buffered) belong to the loop goroutine.
type Conn struct {
	handle *loop.Handle
	events Events
	decode Decoder
	ln     *Listener // the listener that accepted it, or nil

	mu       sync.Mutex
	cond     *sync.Cond
	nc       net.Conn
	out      []byte // queued, not yet written
	spare    []byte // a written buffer kept for reuse
	endReq   bool   // shut the write side down once out is written
	stopping bool   // destroyed: the goroutines stop
	ready    bool   // writing may start (connected, TLS handshake done)
	active   bool   // the writer goroutine owns the writing until out is drained
	kick     bool   // the writer goroutine has been asked to run
	flushing bool   // a flush is posted to the loop

	credits chan struct{}

	// stream connections (unix and plain TCP; see streamconn.go)
	lp           *loop.Loop
	stream       *netpoll.Stream
	accepted     *netpoll.Stream // an accepted connection not yet started, or nil
	laddr, raddr net.Addr
	unref        bool

	// loop side
	connecting bool
	destroyed  bool
	ending     bool // End was called
	readDone   bool // EOF seen
	writeDone  bool // write side shut down
	hadError   bool
}

func newConn(h *loop.Handle, decode Decoder) *Conn {
	c := &Conn{handle: h, decode: decode, credits: make(chan struct{}, inflight)}
	c.cond = sync.NewCond(&c.mu)
	return c
}

// SetEvents sets the callbacks; call it before the loop turn ends.
func (c *Conn) SetEvents(ev Events) { c.events = ev }

// SetDecoder replaces the decoder; call it on the loop before the first batch can be read
// (in Events.Connect or right after Accept).
func (c *Conn) SetDecoder(d Decoder) {
	c.mu.Lock()
	c.decode = d
	c.mu.Unlock()
}

// DialOptions say where and how to connect.
type DialOptions struct {
	// Network is "unix", "tcp", "tcp4" or "tcp6"; Address the path or host:port.
	Network, Address string
	// LocalAddr binds the local end of a TCP connection (nil: any).
	LocalAddr net.Addr
	// TLS, when not nil, runs a TLS client handshake after the TCP connect.
	TLS *tls.Config
}

// Dial starts connecting and returns at once; Events.Connect or Events.Error follows. Writes
// made meanwhile are queued.
func Dial(l *loop.Loop, opts DialOptions, decode Decoder, ev Events) *Conn {
	c := newConn(l.NewHandle(), decode)
	c.events = ev
	c.connecting = true
	if opts.Network == "unix" {
		if err := CheckSocketPath(opts.Address); err != nil {
			c.failLater(&OpError{Syscall: "connect", Address: opts.Address, Err: err})
			return c
		}
	}
	if opts.TLS == nil {
		c.lp = l
		go c.dialStream(l, opts)
		return c
	}
	go c.dial(opts)
	return c
}

func (c *Conn) failLater(err error) {
	c.handle.Post(func() error {
		c.connecting = false
		return c.fail(err)
	})
}

func (c *Conn) dial(opts DialOptions) {
	d := net.Dialer{LocalAddr: opts.LocalAddr}
	nc, err := d.DialContext(context.Background(), opts.Network, opts.Address)
	if err != nil {
		c.handle.Post(func() error {
			c.connecting = false
			if c.destroyed {
				return nil
			}
			return c.fail(wrapOp("connect", opts.Address, err))
		})
		return
	}
	c.mu.Lock()
	if c.stopping {
		c.mu.Unlock()
		nc.Close()
		return
	}
	c.nc = nc
	c.mu.Unlock()
	c.handle.Post(func() error {
		c.connecting = false
		if c.destroyed {
			return nil
		}
		return c.events.Connect()
	})
	if opts.TLS != nil {
		tc := tls.Client(nc, opts.TLS)
		if err := tc.HandshakeContext(context.Background()); err != nil {
			c.handle.Post(func() error {
				if c.destroyed {
					return nil
				}
				return c.fail(wrapOp("connect", opts.Address, err))
			})
			return
		}
		c.mu.Lock()
		c.nc = tc
		c.mu.Unlock()
	}
	c.start()
}

// accepted wraps a connection a listener accepted (TLS handshakes already done).
func accepted(l *loop.Loop, nc net.Conn, ln *Listener) *Conn {
	c := newConn(l.NewHandle(), nil)
	c.nc = nc
	c.ln = ln
	return c
}

// start runs the reader and writer goroutines of a connected conn.
func (c *Conn) start() {
	if c.accepted != nil {
		c.startAccepted()
		return
	}
	c.mu.Lock()
	c.ready = true
	if len(c.out) > 0 || c.endReq {
		c.wakeWriter()
	}
	c.mu.Unlock()
	go c.writeLoop()
	go c.readLoop()
}

// wakeWriter hands the writing to the writer goroutine; c.mu is held.
func (c *Conn) wakeWriter() {
	c.active = true
	c.kick = true
	c.cond.Signal()
}

func (c *Conn) readLoop() {
	buf := make([]byte, readSize)
	for {
		n, err := c.nc.Read(buf)
		if n > 0 {
			c.mu.Lock()
			decode, stopping := c.decode, c.stopping
			c.mu.Unlock()
			if stopping {
				return
			}
			var batch any
			if decode != nil {
				batch = decode(buf[:n])
			}
			if batch != nil {
				c.credits <- struct{}{}
				c.handle.Post(func() error {
					<-c.credits
					if c.destroyed {
						return nil
					}
					return c.events.Batch(batch)
				})
			}
		}
		if err != nil {
			c.handle.Post(func() error {
				if c.destroyed {
					return nil
				}
				if errors.Is(err, io.EOF) {
					return c.peerEnded()
				}
				return c.fail(wrapOp("read", "", err))
			})
			return
		}
	}
}

// writeLoop writes what the loop could not write at once (the socket buffer was full, a TLS
// connection, an end to send) and then gives the writing back to the loop.
func (c *Conn) writeLoop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for !c.stopping && !c.kick {
			c.cond.Wait()
		}
		if c.stopping {
			return
		}
		c.kick = false
		for len(c.out) > 0 && !c.stopping {
			buf := c.out
			c.out = c.spare[:0]
			nc := c.nc
			c.mu.Unlock()
			_, err := nc.Write(buf)
			c.mu.Lock()
			if err != nil {
				c.active = false
				c.handle.Post(func() error {
					if c.destroyed {
						return nil
					}
					return c.fail(wrapOp("write", "", err))
				})
				return
			}
			if cap(buf) <= 1<<20 {
				c.spare = buf[:0]
			}
		}
		if c.stopping {
			return
		}
		if c.endReq {
			closeWrite(c.nc)
			c.active = false
			c.handle.Post(func() error {
				c.writeDone = true
				return c.maybeClosed()
			})
			return
		}
		c.active = false
	}
}

// flush runs on the loop once per turn in which something was written: it writes the queue
// with one non-blocking write when the writer goroutine is idle, and hands it what is left.
func (c *Conn) flush() error {
	c.flushing = false
	if c.lp != nil {
		return c.flushStream()
	}
	c.mu.Lock()
	if c.active || !c.ready || c.stopping || len(c.out) == 0 {
		c.mu.Unlock()
		return nil
	}
	buf := c.out
	c.out = c.spare[:0]
	c.active = true
	nc := c.nc
	c.mu.Unlock()
	n, err := tryWrite(nc, buf)
	c.mu.Lock()
	if err != nil {
		c.active = false
		c.mu.Unlock()
		if c.destroyed {
			return nil
		}
		return c.fail(wrapOp("write", "", err))
	}
	if n < len(buf) {
		rest := append(make([]byte, 0, len(buf)-n+len(c.out)), buf[n:]...)
		c.out = append(rest, c.out...)
		c.wakeWriter()
	} else {
		if cap(buf) <= 1<<20 {
			c.spare = buf[:0]
		}
		c.active = false
	}
	c.mu.Unlock()
	return nil
}

// tryWrite writes as much of buf as the socket takes without blocking; a connection that
// cannot be written that way (TLS) takes nothing and leaves it all to the writer goroutine.
func tryWrite(nc net.Conn, buf []byte) (int, error) {
	sc, ok := nc.(syscall.Conn)
	if !ok {
		return 0, nil
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return 0, nil
	}
	var n int
	var werr error
	err = raw.Write(func(fd uintptr) bool {
		for n < len(buf) {
			m, e := syscall.Write(int(fd), buf[n:])
			if e == syscall.EINTR {
				continue
			}
			if e == syscall.EAGAIN {
				return true
			}
			if e != nil {
				werr = e
				return true
			}
			n += m
		}
		return true
	})
	if werr != nil {
		return n, werr
	}
	if err != nil {
		return n, err
	}
	return n, nil
}

// closeWrite shuts down the write side (FIN; close_notify then FIN for TLS).
func closeWrite(nc net.Conn) {
	switch x := nc.(type) {
	case interface{ CloseWrite() error }:
		x.CloseWrite()
		if tc, ok := nc.(*tls.Conn); ok {
			if u, ok := tc.NetConn().(interface{ CloseWrite() error }); ok {
				u.CloseWrite()
			}
		}
	default:
		nc.Close()
	}
}

// peerEnded handles EOF: 'end', then (no half-open connections, as Node's default) end our side.
func (c *Conn) peerEnded() error {
	c.readDone = true
	if err := c.events.End(); err != nil {
		return err
	}
	if c.destroyed {
		return nil
	}
	c.End()
	return c.maybeClosed()
}

func (c *Conn) maybeClosed() error {
	if c.stream != nil {
		if c.readDone && c.ending && !c.destroyed {
			c.closeStream()
		}
		return nil
	}
	if c.readDone && c.writeDone && !c.destroyed {
		return c.destroy(nil)
	}
	return nil
}

// fail reports err and destroys the connection.
func (c *Conn) fail(err error) error {
	c.hadError = true
	if e := c.events.Error(err); e != nil {
		return e
	}
	return c.destroy(nil)
}

// Write queues data for sending; it reports false when the connection is ending or destroyed
// (nothing is queued then).
func (c *Conn) Write(data []byte) bool {
	if c.destroyed || c.ending {
		return false
	}
	c.mu.Lock()
	c.out = append(c.out, data...)
	c.mu.Unlock()
	c.scheduleFlush()
	return true
}

// scheduleFlush posts one flush for the writes of this turn.
func (c *Conn) scheduleFlush() {
	if c.stream != nil && len(c.out) >= flushAt {
		c.flushStream()
		return
	}
	if c.flushing {
		return
	}
	c.flushing = true
	c.handle.Post(c.flush)
}

// Append is Write for encoders that append to the queue themselves: fn gets the queue and
// returns it grown. It reports false (fn not called) when writing is over.
func (c *Conn) Append(fn func([]byte) []byte) bool {
	if c.destroyed || c.ending {
		return false
	}
	c.mu.Lock()
	c.out = fn(c.out)
	c.mu.Unlock()
	c.scheduleFlush()
	return true
}

// Buffered returns how many bytes wait to be written.
func (c *Conn) Buffered() int {
	c.mu.Lock()
	n := len(c.out)
	c.mu.Unlock()
	if c.stream != nil && !c.stream.Closed() {
		n += c.stream.Pending()
	}
	return n
}

// End sends what is queued, then shuts the write side down. The connection closes once the
// peer has ended too.
func (c *Conn) End() {
	if c.destroyed || c.ending {
		return
	}
	c.ending = true
	c.mu.Lock()
	c.endReq = true
	if c.lp != nil {
		c.mu.Unlock()
		c.endStream()
		return
	}
	if c.ready && !c.active {
		c.wakeWriter()
	}
	c.mu.Unlock()
}

// Destroy closes the connection at once, dropping unwritten data; Close follows on the loop.
func (c *Conn) Destroy() { c.destroy(nil) }

func (c *Conn) destroy(err error) error {
	if c.destroyed {
		return nil
	}
	c.destroyed = true
	c.mu.Lock()
	c.stopping = true
	nc := c.nc
	c.cond.Broadcast()
	c.mu.Unlock()
	if nc != nil {
		nc.Close()
	}
	if c.stream != nil {
		c.stream.Abort(nil)
	}
	if c.accepted != nil {
		c.accepted.Abort(nil)
		c.accepted = nil
	}
	hadError := c.hadError
	c.handle.Close(func() error {
		if c.ln != nil {
			c.ln.connClosed()
		}
		return c.events.Close(hadError)
	})
	return nil
}

// Destroyed reports whether the connection is closed or closing.
func (c *Conn) Destroyed() bool { return c.destroyed }

// Ending reports whether End was called or the connection is destroyed: nothing more can be
// written.
func (c *Conn) Ending() bool { return c.ending || c.destroyed }

// Connecting reports whether an outgoing connection is still being made.
func (c *Conn) Connecting() bool { return c.connecting }

// ReadEnded reports whether the peer has ended.
func (c *Conn) ReadEnded() bool { return c.readDone }

// Ref makes the connection keep the loop alive (the default); Unref lets the loop exit.
func (c *Conn) Ref() {
	c.handle.Ref()
	c.unref = false
	if c.stream != nil && !c.stream.Closed() {
		c.stream.Ref()
	}
}

// Unref lets the loop exit while the connection is open.
func (c *Conn) Unref() {
	c.handle.Unref()
	c.unref = true
	if c.stream != nil && !c.stream.Closed() {
		c.stream.Unref()
	}
}

// LocalAddr returns the connection's local address (nil while connecting).
func (c *Conn) LocalAddr() net.Addr {
	if c.lp != nil {
		return c.laddr
	}
	if nc := c.NetConn(); nc != nil {
		return nc.LocalAddr()
	}
	return nil
}

// RemoteAddr returns the peer's address (nil while connecting).
func (c *Conn) RemoteAddr() net.Addr {
	if c.lp != nil {
		return c.raddr
	}
	if nc := c.NetConn(); nc != nil {
		return nc.RemoteAddr()
	}
	return nil
}

// NetConn returns the underlying connection of a TLS connection (nil while connecting, and
// for unix and plain TCP connections, which run on a netpoll.Stream).
func (c *Conn) NetConn() net.Conn {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nc
}
