package websocket

import (
	"errors"
	"sync"
	"time"

	"github.com/gobwas/ws"

	"earlynode/loop"
	"earlynode/loop/netpoll"
)

// Transport is the connection a Conn runs on: a *netpoll.Stream, or anything that behaves like
// one (the TLS connections of wss:// until netpoll has TLS). Every method runs on the loop.
type Transport interface {
	Loop() *loop.Loop
	Start(h netpoll.Handler) error
	SetHandler(h netpoll.Handler)
	Write(b []byte) error
	Pending() int
	Pause()
	Resume()
	CloseWrite()
	Close()
	Abort(err error)
	Ref()
	Unref()
}

var _ Transport = (*netpoll.Stream)(nil)

// Handler receives a Conn's messages and its end, on the loop. An error returned (an exception
// thrown by a listener) stops the loop.
type Handler interface {
	// Message gets one whole message, text (checked to be UTF-8) or binary. data is valid only
	// during the call.
	Message(text bool, data []byte) error
	// End is the last call, once the connection is closed.
	End(s CloseStatus) error
}

// PeerCloser is a Handler that wants to act on the peer's close frame before it is answered
// (a server that unregisters a client first, so that the client may come back as soon as it
// has the answer).
type PeerCloser interface {
	PeerClose(code ws.StatusCode, reason string) error
}

// Drainer is a Handler told when what it wrote has all gone to the kernel, after it asked with
// Conn.NotifyDrain.
type Drainer interface {
	Drained() error
}

// CloseStatus is how a connection ended.
type CloseStatus struct {
	// Code is the peer's close code when it sent a close frame (1005 when it named none);
	// else the code of the close frame this side sent (the peer went without answering it);
	// else 1006 (the connection dropped without a closing handshake).
	Code ws.StatusCode
	// Reason is the peer's close reason.
	Reason string
	// PeerClosed: the peer sent a close frame.
	PeerClosed bool
	// Err is what went wrong: a *ProtocolError (this side failed the connection, Code is the one
	// it sent), or the transport's error (a reset). nil for a closing handshake, and for a
	// connection the peer dropped cleanly without one.
	Err error
}

// CloseTimeout bounds the closing handshake: how long a Conn that sent a close frame waits for
// the answer, and a client for the server to close TCP after it.
const CloseTimeout = 3 * time.Second

// ErrClosed is returned by writes after Close, or once the connection ended.
var ErrClosed = errors.New("websocket: connection closed")

// Conn is one WebSocket connection run on the loop: reads arrive as Transport events and go
// through its Decoder; messages written in one turn of the loop leave together at its end, in
// one write. Every method runs on the loop goroutine.
//
// A Conn comes from Upgrade (server) or Dial (client), not yet started: call Start, on the same
// turn, to have its messages delivered.
type Conn struct {
	t      Transport
	l      *loop.Loop
	h      Handler
	dec    Decoder
	client bool

	out      *[]byte // frames written this turn; nil when none
	flushFn  loop.Callback
	flushing bool   // a flush is posted
	sent     int    // bytes handed to the transport early this turn (see flushAt)
	pre      []byte // bytes that came before Start (after the handshake's head)
	timer    *loop.Timer
	herr     error // an error a Handler returned while the Decoder ran

	Protocol string // the subprotocol the handshake settled on, "" for none

	started     bool
	closeSent   bool // a close frame is queued or sent
	closeRecv   bool // the peer's close frame arrived
	lingering   bool // failed: reading only to throw away until the peer's FIN
	ended       bool
	drainWanted bool
	sentCode    ws.StatusCode
	recvCode    ws.StatusCode
	recvReason  string
	failure     error
}

// newConn makes a Conn on t and makes it t's Handler.
func newConn(t Transport, client bool, maxMessage int64, pre []byte) *Conn {
	c := &Conn{t: t, l: t.Loop(), client: client, pre: pre}
	c.dec.Server = !client
	c.dec.MaxMessage = maxMessage
	c.flushFn = c.flush
	t.SetHandler(c)
	return c
}

// Start makes h the receiver of the connection's messages and starts reading; bytes that came
// with the handshake are delivered now, during the call.
func (c *Conn) Start(h Handler) error {
	if c.started {
		return nil
	}
	c.h, c.started = h, true
	if err := c.t.Start(c); err != nil {
		return nil // the transport ended and reports it
	}
	c.t.Resume()
	if pre := c.pre; len(pre) > 0 {
		c.pre = nil
		return c.Data(pre)
	}
	return nil
}

// WriteText queues a text message (p must be UTF-8).
func (c *Conn) WriteText(p []byte) error { return c.write(ws.OpText, p) }

// WriteBinary queues a binary message.
func (c *Conn) WriteBinary(p []byte) error { return c.write(ws.OpBinary, p) }

// write queues one message; it leaves at the end of the loop's turn.
func (c *Conn) write(op ws.OpCode, p []byte) error {
	if c.closeSent || c.ended {
		return ErrClosed
	}
	c.queue(op, p)
	return nil
}

// queue appends one frame to what leaves at the end of the turn.
func (c *Conn) queue(op ws.OpCode, p []byte) {
	if c.out == nil {
		c.out = getBuffer()
	}
	*c.out = AppendFrame(*c.out, op, p, c.client)
	if len(*c.out) >= flushAt {
		// A turn that writes much (a stream piped in a loop) sends as it goes, so that the
		// kernel carries data while the script is still writing. Buffered still counts those
		// bytes until the turn ends, so that backpressure reads as if they were held.
		c.sent += len(*c.out)
		c.writeOut()
	}
	c.postFlush()
}

// flushAt is how much a turn's writes collect before they go to the transport at once rather
// than at the end of the turn.
const flushAt = 64 << 10

// Flush writes what this turn's writes collected so far now, rather than at the end of the
// turn: a server relaying for many connections uses it so that what it read in one turn is
// not all held before any of it is written.
func (c *Conn) Flush() { c.writeOut() }

// writeOut hands what the turn collected so far to the transport.
func (c *Conn) writeOut() {
	if b := c.out; b != nil {
		c.out = nil
		if !c.ended {
			c.t.Write(*b)
		}
		putBuffer(b)
	}
}

func (c *Conn) postFlush() {
	if !c.flushing {
		c.flushing = true
		c.l.Post(c.flushFn)
	}
}

// Buffered returns how many bytes wait to be written: written this turn, plus what the kernel
// has not taken yet.
func (c *Conn) Buffered() int {
	n := c.sent
	if c.out != nil {
		n += len(*c.out)
	}
	if !c.ended {
		n += c.t.Pending()
	}
	return n
}

// NotifyDrain asks for one Drainer.Drained call once Buffered is 0.
func (c *Conn) NotifyDrain() { c.drainWanted = true }

// flush writes what the turn queued, then takes the step the connection's state calls for.
func (c *Conn) flush() error {
	c.flushing = false
	c.sent = 0
	c.writeOut()
	if c.ended {
		return nil
	}
	switch {
	case c.lingering:
		c.t.CloseWrite()
	case c.closeSent && c.closeRecv && !c.client:
		// The closing handshake is complete: the server closes TCP first (RFC 6455 §7.1.1).
		c.t.Close()
	}
	return c.Drained()
}

// Drained is the transport's word that its queue is written (netpoll.Drainer).
func (c *Conn) Drained() error {
	if !c.drainWanted || c.ended || c.out != nil || c.t.Pending() > 0 {
		return nil
	}
	c.drainWanted = false
	if d, ok := c.h.(Drainer); ok {
		return d.Drained()
	}
	return nil
}

// Close starts the closing handshake with code and reason, after the messages queued: the
// peer's answer (or CloseTimeout) ends the connection.
func (c *Conn) Close(code ws.StatusCode, reason string) {
	if c.closeSent || c.ended {
		return
	}
	c.sendClose(code, reason)
	c.armTimer()
}

// sendClose queues a close frame.
func (c *Conn) sendClose(code ws.StatusCode, reason string) {
	c.closeSent, c.sentCode = true, code
	if c.out == nil {
		c.out = getBuffer()
	}
	*c.out = AppendClose(*c.out, code, reason, c.client)
	c.postFlush()
}

// Abort drops the connection at once, without a closing handshake.
func (c *Conn) Abort() {
	if !c.ended {
		c.t.Abort(nil)
	}
}

// Pause stops reading (the peer then waits); Resume starts again.
func (c *Conn) Pause() {
	if !c.ended {
		c.t.Pause()
	}
}

// Resume undoes Pause.
func (c *Conn) Resume() {
	if !c.ended {
		c.t.Resume()
	}
}

// Ref makes the connection keep the loop alive (the default); Unref lets the loop end while it
// is open.
func (c *Conn) Ref() {
	if !c.ended {
		c.t.Ref()
	}
}

// Unref undoes Ref.
func (c *Conn) Unref() {
	if !c.ended {
		c.t.Unref()
	}
}

// Ended reports whether the connection is closed.
func (c *Conn) Ended() bool { return c.ended }

// Closing reports whether a close frame was sent or received (no message can be written).
func (c *Conn) Closing() bool { return c.closeSent || c.closeRecv || c.ended }

// armTimer bounds the rest of the closing handshake.
func (c *Conn) armTimer() {
	if c.timer != nil || c.ended {
		return
	}
	c.timer = c.l.SetTimer(CloseTimeout, func() error {
		c.timer = nil
		if !c.ended {
			c.t.Abort(nil)
		}
		return nil
	})
	c.timer.Unref()
}

// Data runs the Decoder over one read (netpoll.Handler).
func (c *Conn) Data(b []byte) error {
	if !c.started {
		c.pre = append(c.pre, b...)
		return nil
	}
	if c.ended || c.closeRecv || c.lingering {
		return nil // after the close frame or a failure nothing more is read
	}
	err := c.dec.Feed(b, c.sink)
	if herr := c.herr; herr != nil {
		c.herr = nil
		return herr
	}
	if err != nil && !c.ended {
		c.fail(err)
	}
	return nil
}

// sink takes what the Decoder found; false stops it.
func (c *Conn) sink(op ws.OpCode, p []byte) bool {
	if c.ended || c.closeRecv || c.lingering {
		return false
	}
	switch op {
	case ws.OpText, ws.OpBinary:
		if err := c.h.Message(op == ws.OpText, p); err != nil {
			c.herr = err
			return false
		}
	case ws.OpPing:
		if !c.closeSent {
			c.queue(ws.OpPong, p)
		}
	case ws.OpClose:
		c.peerClose(p)
		return false
	}
	return !c.ended && !c.closeRecv && !c.lingering
}

// peerClose handles the peer's close frame: it is answered (with the same code) unless this
// side's close frame went first; then the server closes TCP, the client waits for it to.
func (c *Conn) peerClose(p []byte) {
	c.closeRecv = true
	c.recvCode, c.recvReason = ParseClose(p)
	if pc, ok := c.h.(PeerCloser); ok {
		if err := pc.PeerClose(c.recvCode, c.recvReason); err != nil {
			c.herr = err
		}
		if c.ended {
			return
		}
	}
	if !c.closeSent {
		c.sendClose(c.recvCode, "")
	}
	if c.client {
		c.armTimer() // the server closes TCP, or the timer does
		return
	}
	if c.out == nil {
		c.t.Close()
	}
	// else the flush closes once the answer is out
}

// fail ends a connection whose peer broke the protocol: a close frame with the error's code,
// then the write side is shut and what still comes is read and thrown away until the peer
// closes (closing at once could reset the connection before the close frame is read).
func (c *Conn) fail(err error) {
	c.failure = err
	code := ws.StatusProtocolError
	var pe *ProtocolError
	if errors.As(err, &pe) {
		code = pe.Code
	}
	if !c.closeSent {
		reason := ""
		if code == ws.StatusMessageTooBig {
			reason = "message too big"
		}
		c.sendClose(code, reason)
	}
	c.lingering = true
	c.postFlush()
	c.armTimer()
}

// EOF is the peer's FIN (netpoll.Handler): what is queued goes out, then the connection closes.
func (c *Conn) EOF() error {
	if c.ended {
		return nil
	}
	c.writeOut()
	c.t.Close()
	return nil
}

// End is the transport's end (netpoll.Handler): the Handler hears how the connection went.
func (c *Conn) End(err error) error {
	if c.ended {
		return nil
	}
	c.ended = true
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	if c.out != nil {
		putBuffer(c.out)
		c.out = nil
	}
	c.pre = nil
	s := CloseStatus{Code: ws.StatusAbnormalClosure}
	switch {
	case c.failure != nil:
		s.Code, s.Err = c.sentCode, c.failure
	case c.closeRecv:
		s.Code, s.Reason, s.PeerClosed = c.recvCode, c.recvReason, true
	case c.closeSent:
		s.Code = c.sentCode
	default:
		s.Err = err
	}
	if c.h == nil {
		return nil
	}
	return c.h.End(s)
}

// Buffers for the frames of one turn, shared by every connection so that an idle one holds
// none.
var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// maxPooledBuffer is the largest write buffer kept for reuse: a turn's writes collect up to
// flushAt plus one message, and a stream's chunks (binaryjs sends 40 KiB) overshoot 64 KiB;
// dropping those buffers made every chunk allocate and grow a new one.
const maxPooledBuffer = 256 << 10

func getBuffer() *[]byte { return buffers.Get().(*[]byte) }

func putBuffer(b *[]byte) {
	if cap(*b) > maxPooledBuffer {
		return
	}
	*b = (*b)[:0]
	buffers.Put(b)
}
