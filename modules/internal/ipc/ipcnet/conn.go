package ipcnet

import (
	"crypto/tls"
	"net"

	"earlynode/loop"
	"earlynode/loop/netpoll"
)

// Decoder turns the chunks read from one connection into batches. It runs on the loop, and
// the batch it returns (nil for nothing) goes to Events.Batch at once; it must not alias the
// chunk, which is reused.
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

// Conn is one stream connection: unix, TCP or TLS, each on a netpoll.Conn (see
// streamconn.go). Its methods belong to the loop goroutine.
type Conn struct {
	handle *loop.Handle
	events Events
	decode Decoder
	ln     *Listener // the listener that accepted it, or nil
	lp     *loop.Loop

	out      []byte // queued this turn, not yet handed to the stream
	spare    []byte // a written buffer kept for reuse
	endReq   bool   // shut the write side down once out is written
	flushing bool   // a flush is posted to the loop

	stream       netpoll.Conn
	accepted     netpoll.Conn // an accepted connection not yet started, or nil
	laddr, raddr net.Addr
	address      string // the address dialled (for the errors of a TLS handshake)
	unref        bool

	connecting bool
	destroyed  bool
	ending     bool // End was called
	readDone   bool // EOF seen
	hadError   bool
}

func newConn(l *loop.Loop, decode Decoder) *Conn {
	return &Conn{handle: l.NewHandle(), lp: l, decode: decode}
}

// SetEvents sets the callbacks; call it before the loop turn ends.
func (c *Conn) SetEvents(ev Events) { c.events = ev }

// SetDecoder replaces the decoder; call it on the loop before the first batch can be read
// (in Events.Connect or right after Accept).
func (c *Conn) SetDecoder(d Decoder) { c.decode = d }

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
// made meanwhile are queued (for TLS, until the handshake is done).
func Dial(l *loop.Loop, opts DialOptions, decode Decoder, ev Events) *Conn {
	c := newConn(l, decode)
	c.events = ev
	c.connecting = true
	c.address = opts.Address
	if opts.Network == "unix" {
		if err := CheckSocketPath(opts.Address); err != nil {
			c.failLater(&OpError{Syscall: "connect", Address: opts.Address, Err: err})
			return c
		}
	}
	go c.dialStream(l, opts)
	return c
}

func (c *Conn) failLater(err error) {
	c.handle.Post(func() error {
		c.connecting = false
		return c.fail(err)
	})
}

// Start attaches a connection a listener accepted; call it after SetEvents.
func (c *Conn) Start() { c.startAccepted() }

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

// maybeClosed closes the connection once both sides have ended.
func (c *Conn) maybeClosed() error {
	if c.stream != nil && c.readDone && c.ending && !c.destroyed {
		c.closeStream()
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
	c.out = append(c.out, data...)
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

// flush runs on the loop once per turn in which something was written.
func (c *Conn) flush() error {
	c.flushing = false
	return c.flushStream()
}

// Append is Write for encoders that append to the queue themselves: fn gets the queue and
// returns it grown. It reports false (fn not called) when writing is over.
func (c *Conn) Append(fn func([]byte) []byte) bool {
	if c.destroyed || c.ending {
		return false
	}
	c.out = fn(c.out)
	c.scheduleFlush()
	return true
}

// Buffered returns how many bytes wait to be written.
func (c *Conn) Buffered() int {
	n := len(c.out)
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
	c.endReq = true
	c.endStream()
}

// Destroy closes the connection at once, dropping unwritten data; Close follows on the loop.
func (c *Conn) Destroy() { c.destroy(nil) }

func (c *Conn) destroy(err error) error {
	if c.destroyed {
		return nil
	}
	c.destroyed = true
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
func (c *Conn) LocalAddr() net.Addr { return c.laddr }

// RemoteAddr returns the peer's address (nil while connecting).
func (c *Conn) RemoteAddr() net.Addr { return c.raddr }
