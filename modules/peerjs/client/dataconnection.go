package client

import (
	"encoding/json"
	"errors"
	"sync"

	"github.com/pion/webrtc/v4"
)

// maxBufferedAmount is the data channel backlog above which sends wait in
// the connection's own queue (PeerJS: 8 MiB).
const maxBufferedAmount = 8 << 20

// DataConnection is one PeerJS data connection: an RTCPeerConnection with
// one data channel to a remote peer. Its events arrive through the Peer's
// Events.
type DataConnection struct {
	peer       *Peer
	remote     string
	id         string
	label      string
	metadata   json.RawMessage
	ser        Serialization
	reliable   bool
	originator bool
	codec      codec

	// work runs the negotiation steps of this connection in order.
	work dispatcher

	mu         sync.Mutex
	pc         *webrtc.PeerConnection
	dc         *webrtc.DataChannel
	open       bool
	wasOpen    bool
	closed     bool
	localSent  bool                      // our OFFER/ANSWER went out: candidates may follow
	heldLocal  []webrtc.ICECandidateInit // candidates gathered before that
	remoteSet  bool                      // the remote description is applied
	heldRemote []webrtc.ICECandidateInit // candidates received before that

	// sendMu orders sends; pending holds frames waiting for the channel's
	// backlog to drain.
	sendMu  sync.Mutex
	pending []frame
}

// newDataConnection builds a connection; the caller registers it with p.
func newDataConnection(p *Peer, remote, id, label string, metadata json.RawMessage, ser Serialization, reliable, originator bool) *DataConnection {
	return &DataConnection{
		peer: p, remote: remote, id: id, label: label, metadata: metadata,
		ser: ser, reliable: reliable, originator: originator, codec: newCodec(ser),
	}
}

// ConnectionID returns the connection's id ("dc_" + a token), which both
// sides share.
func (c *DataConnection) ConnectionID() string { return c.id }

// Peer returns the id of the remote peer (PeerJS `conn.peer`).
func (c *DataConnection) Peer() string { return c.remote }

// Provider returns the local Peer the connection belongs to.
func (c *DataConnection) Provider() *Peer { return c.peer }

// Label returns the data channel label.
func (c *DataConnection) Label() string { return c.label }

// Metadata returns the JSON text of the metadata the dialling side gave,
// or nil when it gave none.
func (c *DataConnection) Metadata() json.RawMessage { return c.metadata }

// Serialization returns the connection's serialization.
func (c *DataConnection) Serialization() Serialization { return c.ser }

// Reliable reports whether the channel is ordered.
func (c *DataConnection) Reliable() bool { return c.reliable }

// Originator reports whether this side dialled.
func (c *DataConnection) Originator() bool { return c.originator }

// Open reports whether the connection can send now.
func (c *DataConnection) Open() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.open
}

// WasOpen reports whether the connection ever opened.
func (c *DataConnection) WasOpen() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.wasOpen
}

// BufferedAmount returns the bytes queued in the data channel plus those
// waiting in the connection's own queue.
func (c *DataConnection) BufferedAmount() uint64 {
	c.mu.Lock()
	dc := c.dc
	c.mu.Unlock()
	var n uint64
	if dc != nil {
		n = dc.BufferedAmount()
	}
	c.sendMu.Lock()
	for _, f := range c.pending {
		n += uint64(len(f.data))
	}
	c.sendMu.Unlock()
	return n
}

// Send sends one value in the connection's serialization:
//
//   - binary: any value package binarypack encodes (binarypack.Packed for
//     bytes already packed); packed values over ChunkMTU bytes are chunked.
//   - json: a json.RawMessage is sent as it is (it must be valid JSON);
//     anything else goes through encoding/json. 16300 bytes or more fail
//     with ErrMessageTooBig.
//   - raw: a string goes as a text message, []byte as a binary message.
//
// Send never blocks on the network: when the channel's backlog is over
// 8 MiB, messages wait in the connection. Errors are returned, not
// emitted: ErrNotOpenYet before ConnectionOpen or after close,
// ErrMessageTooBig, ErrInvalidMessage for a value the serialization cannot
// carry. A failure of the channel itself closes the connection.
func (c *DataConnection) Send(v any) error {
	c.mu.Lock()
	open, dc := c.open, c.dc
	c.mu.Unlock()
	if !open || dc == nil {
		return newError(ErrNotOpenYet, nil, "Connection is not open. You should listen for the `open` event before sending messages.")
	}
	c.sendMu.Lock()
	frames, err := c.codec.encode(v)
	if err != nil {
		c.sendMu.Unlock()
		var pe *Error
		if errors.As(err, &pe) {
			return pe
		}
		return newError(ErrInvalidMessage, err, "Cannot send this value on a %s connection", c.ser)
	}
	err = c.sendFramesLocked(dc, frames)
	c.sendMu.Unlock()
	if err != nil {
		c.Close()
		return newError(ErrWebRTC, err, "Sending on the data channel to %s failed; the connection is closed", c.remote)
	}
	return nil
}

// sendFramesLocked sends frames, or queues them behind earlier ones or a
// full backlog. c.sendMu must be held.
func (c *DataConnection) sendFramesLocked(dc *webrtc.DataChannel, frames []frame) error {
	for _, f := range frames {
		if len(c.pending) > 0 || dc.BufferedAmount() > maxBufferedAmount {
			c.pending = append(c.pending, f)
			continue
		}
		if err := sendFrame(dc, f); err != nil {
			return err
		}
	}
	return nil
}

// flushPending sends queued frames while the backlog allows. pion calls it
// when the channel's backlog drops.
func (c *DataConnection) flushPending() {
	c.mu.Lock()
	dc, closed := c.dc, c.closed
	c.mu.Unlock()
	if dc == nil || closed {
		return
	}
	c.sendMu.Lock()
	var err error
	for len(c.pending) > 0 && dc.BufferedAmount() <= maxBufferedAmount {
		if err = sendFrame(dc, c.pending[0]); err != nil {
			break
		}
		c.pending[0] = frame{}
		c.pending = c.pending[1:]
	}
	c.sendMu.Unlock()
	if err != nil {
		c.fail(newError(ErrWebRTC, err, "Sending on the data channel to %s failed", c.remote))
	}
}

// sendFrame writes one message to the channel.
func sendFrame(dc *webrtc.DataChannel, f frame) error {
	if f.text {
		return dc.SendText(string(f.data))
	}
	return dc.Send(f.data)
}

// Close closes the connection at once: the peer connection is closed, the
// remote side sees its channel close. Events.ConnectionClose follows. It
// is safe to call more than once.
func (c *DataConnection) Close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	c.open = false
	pc := c.pc
	c.mu.Unlock()
	c.sendMu.Lock()
	c.pending = nil
	c.sendMu.Unlock()
	c.peer.removeConnection(c)
	if pc != nil {
		// Closing waits for pion's goroutines; do not make the caller wait.
		go pc.Close()
	}
	c.peer.post(func() {
		if f := c.peer.events.ConnectionClose; f != nil {
			f(c)
		}
	})
}

// CloseAfterFlush is PeerJS's close({flush: true}): it sends the close
// request after everything sent so far, and the remote side closes the
// connection when it reads it. A raw connection, or one not open, closes
// at once.
func (c *DataConnection) CloseAfterFlush() {
	frames := c.codec.closeFrames()
	c.mu.Lock()
	open, dc := c.open, c.dc
	c.mu.Unlock()
	if frames == nil || !open || dc == nil {
		c.Close()
		return
	}
	c.sendMu.Lock()
	err := c.sendFramesLocked(dc, frames)
	c.sendMu.Unlock()
	if err != nil {
		c.Close()
	}
}

// fail reports err on the connection, then closes it.
func (c *DataConnection) fail(err *Error) {
	c.mu.Lock()
	closed := c.closed
	c.mu.Unlock()
	if closed {
		return
	}
	c.emitError(err)
	c.Close()
}

// emitError posts Events.ConnectionError.
func (c *DataConnection) emitError(err *Error) {
	c.peer.post(func() {
		if f := c.peer.events.ConnectionError; f != nil {
			f(c, err)
		}
	})
}

// markOpen records that the channel is open and posts ConnectionOpen,
// once. pion reports the opening on a goroutine of its own, so the first
// message may come first: receive calls markOpen too.
func (c *DataConnection) markOpen() {
	c.mu.Lock()
	if c.closed || c.wasOpen {
		c.mu.Unlock()
		return
	}
	c.open = true
	c.wasOpen = true
	c.mu.Unlock()
	c.peer.post(func() {
		if f := c.peer.events.ConnectionOpen; f != nil {
			f(c)
		}
	})
}

// receive decodes one data channel message and posts what it carries.
func (c *DataConnection) receive(f frame) {
	c.markOpen()
	c.mu.Lock()
	closed := c.closed
	c.mu.Unlock()
	if closed {
		return
	}
	msg, closeRequested, err := c.codec.decode(f)
	switch {
	case err != nil:
		c.emitError(newError(ErrInvalidMessage, err, "Dropped a message from %s that is not valid %s", c.remote, c.ser))
	case closeRequested:
		c.Close()
	case msg != nil:
		m := *msg
		c.peer.post(func() {
			if f := c.peer.events.ConnectionData; f != nil {
				f(c, m)
			}
		})
	}
}
