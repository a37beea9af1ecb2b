package server

import (
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// closeGrace is how long a socket waits for the client's answer to its
// close frame before it drops the connection.
const closeGrace = 2 * time.Second

// socket is one signalling WebSocket. Frames are written by its own writer
// goroutine from a bounded queue, so a slow client never blocks the
// goroutine that relays to it.
type socket struct {
	conn         *websocket.Conn
	out          chan outFrame
	done         chan struct{} // closed when the socket is dead
	once         sync.Once
	writeTimeout time.Duration
}

// outFrame is one text frame to write, or (close set) the request to send
// a close frame after everything queued before it.
type outFrame struct {
	data  []byte
	close bool
}

// newSocket wraps an upgraded connection and starts its writer.
func newSocket(conn *websocket.Conn, queueSize int, writeTimeout time.Duration) *socket {
	s := &socket{
		conn:         conn,
		out:          make(chan outFrame, queueSize),
		done:         make(chan struct{}),
		writeTimeout: writeTimeout,
	}
	go s.writeLoop()
	return s
}

// send queues one text frame. It reports false when the socket is dead or
// its queue is full; it never blocks.
func (s *socket) send(frame []byte) bool {
	select {
	case <-s.done:
		return false
	default:
	}
	select {
	case s.out <- outFrame{data: frame}:
		return true
	default:
		return false
	}
}

// sendAndClose queues frame (when not nil), then a close frame: the client
// gets both, in order, and the connection ends.
func (s *socket) sendAndClose(frame []byte) {
	if frame != nil && !s.send(frame) {
		s.kill()
		return
	}
	select {
	case s.out <- outFrame{close: true}:
	default:
		s.kill()
	}
}

// kill drops the connection at once. It is safe to call many times and
// from any goroutine.
func (s *socket) kill() {
	s.once.Do(func() {
		close(s.done)
		_ = s.conn.Close()
	})
}

// writeLoop writes queued frames until the socket dies or closes.
func (s *socket) writeLoop() {
	for {
		select {
		case <-s.done:
			return
		case f := <-s.out:
			_ = s.conn.SetWriteDeadline(time.Now().Add(s.writeTimeout))
			if f.close {
				msg := websocket.FormatCloseMessage(websocket.CloseNormalClosure, "")
				if err := s.conn.WriteMessage(websocket.CloseMessage, msg); err != nil {
					s.kill()
					return
				}
				// The reader sees the client's close frame, or this deadline.
				_ = s.conn.SetReadDeadline(time.Now().Add(closeGrace))
				return
			}
			if err := s.conn.WriteMessage(websocket.TextMessage, f.data); err != nil {
				s.kill()
				return
			}
		}
	}
}
