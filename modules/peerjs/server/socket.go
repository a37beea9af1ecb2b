package server

import (
	"fmt"
	"time"

	"github.com/gobwas/ws"

	"earlynode/modules/http/websocket"
	"earlynode/modules/peerjs/signal"
)

// socket is one signalling WebSocket: a websocket.Conn on the server's loop, whose messages
// are handled as they are read. Writes never block: a client that lets SendQueueSize frames
// pile up behind a full socket, or lets the socket stay full for WriteTimeout, is dropped.
type socket struct {
	s          *Server
	c          *websocket.Conn
	cl         *client   // the client it registered; nil when refused
	backlog    int       // frames written while the kernel held earlier ones back
	stuckSince time.Time // when the backlog began
	dirty      bool      // in Server.dirty
}

// send writes one text frame. It reports false when the socket is closing or its backlog is
// full; it never blocks.
func (k *socket) send(frame []byte) bool {
	if k.c.Closing() {
		return false
	}
	if k.c.Buffered() > 0 {
		if k.backlog == 0 {
			k.stuckSince = k.s.l.Now()
			k.c.NotifyDrain()
		}
		k.backlog++
		if k.backlog > k.s.opts.SendQueueSize {
			return false
		}
	}
	if k.c.WriteText(frame) != nil {
		return false
	}
	k.s.batched(k, len(frame))
	return true
}

// Drained: the kernel took everything (websocket.Drainer).
func (k *socket) Drained() error {
	k.backlog = 0
	return nil
}

// sendAndClose writes frame, then a close frame: the client gets both, in order, and the
// connection ends once it answers.
func (k *socket) sendAndClose(frame []byte) {
	k.c.WriteText(frame)
	k.c.Close(ws.StatusNormalClosure, "")
}

// kill drops the connection at once.
func (k *socket) kill() { k.c.Abort() }

// Message handles one frame from the client; a JSON binary frame is read like a text frame,
// as `peer` does (websocket.Handler).
func (k *socket) Message(_ bool, data []byte) error {
	c := k.cl
	if c == nil || c.sock != k {
		return nil
	}
	s := k.s
	m, err := signal.Decode(data)
	if err != nil {
		s.emitError(fmt.Errorf("peerjs server: message from %q: %w", c.id, err))
		return nil
	}
	m.Src = c.id
	if f := s.opts.Events.Message; f != nil {
		f(c.id, m)
	}
	s.handle(c, m)
	return nil
}

// PeerClose unregisters a client that closes its socket before its close frame is answered,
// so that it may register the same id again as soon as it has the answer
// (websocket.PeerCloser).
func (k *socket) PeerClose(ws.StatusCode, string) error {
	if k.cl != nil {
		k.s.release(k.cl, k)
	}
	return nil
}

// End forgets the socket and unregisters its client if it is still the client's socket
// (websocket.Handler).
func (k *socket) End(st websocket.CloseStatus) error {
	s := k.s
	s.mu.Lock()
	delete(s.sockets, k)
	s.mu.Unlock()
	if k.cl == nil {
		return nil
	}
	if st.Err != nil {
		s.emitError(fmt.Errorf("peerjs server: socket of %q: %w", k.cl.id, st.Err))
	}
	s.release(k.cl, k)
	return nil
}
