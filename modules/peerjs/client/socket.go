package client

import (
	"context"
	"net"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"earlynode/modules/peerjs/signal"
)

// maxSignalFrame bounds one frame from the server.
const maxSignalFrame = 4 << 20

// signalSocket is the signalling WebSocket of a Peer: one writer at a time,
// a heartbeat, and a close that can be told apart from a lost connection.
type signalSocket struct {
	conn    *websocket.Conn
	writeMu sync.Mutex
	stop    chan struct{} // closed by close
	once    sync.Once
	// readDone is closed by the reader when its reads end; gone is closed
	// once the connection is fully closed.
	readDone chan struct{}
	gone     chan struct{}
}

// closeWait bounds how long close waits for the server's answer to its
// close frame.
const closeWait = time.Second

// signalURL returns the WebSocket URL of the server for id (lib/socket.ts).
func signalURL(o Options, id string) string {
	scheme := "ws"
	if o.Secure {
		scheme = "wss"
	}
	q := "key=" + url.QueryEscape(o.Key) + "&id=" + url.QueryEscape(id) +
		"&token=" + url.QueryEscape(o.Token) + "&version=" + ClientVersion
	return scheme + "://" + net.JoinHostPort(o.Host, strconv.Itoa(o.Port)) + o.Path + "peerjs?" + q
}

// dialSignal opens the signalling socket for id.
func dialSignal(ctx context.Context, o Options, id string) (*signalSocket, error) {
	d := websocket.Dialer{HandshakeTimeout: o.DialTimeout}
	conn, resp, err := d.DialContext(ctx, signalURL(o, id), nil)
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	if err != nil {
		return nil, err
	}
	conn.SetReadLimit(maxSignalFrame)
	return &signalSocket{conn: conn, stop: make(chan struct{}), readDone: make(chan struct{}), gone: make(chan struct{})}, nil
}

// send writes one message as a text frame.
func (s *signalSocket) send(m signal.Message) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	_ = s.conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
	return s.conn.WriteMessage(websocket.TextMessage, m.Encode())
}

// read returns the next frame from the server.
func (s *signalSocket) read() ([]byte, error) {
	_, b, err := s.conn.ReadMessage()
	return b, err
}

// heartbeat sends HEARTBEAT every interval until the socket is closed or a
// write fails.
func (s *signalSocket) heartbeat(interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			if s.send(signal.Message{Type: signal.TypeHeartbeat}) != nil {
				return
			}
		}
	}
}

// closed reports whether close has been called.
func (s *signalSocket) closed() bool {
	select {
	case <-s.stop:
		return true
	default:
		return false
	}
}

// readEnded is called by the reader when its reads end.
func (s *signalSocket) readEnded() { close(s.readDone) }

// close ends the socket on purpose, without waiting: a close frame, then,
// once the server has answered it (so the server has seen the client go)
// or closeWait has passed, the connection. gone is closed after that.
func (s *signalSocket) close() {
	s.once.Do(func() {
		close(s.stop)
		go func() {
			s.writeMu.Lock()
			_ = s.conn.WriteControl(websocket.CloseMessage,
				websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(closeWait))
			s.writeMu.Unlock()
			select {
			case <-s.readDone:
			case <-time.After(closeWait):
			}
			_ = s.conn.Close()
			close(s.gone)
		}()
	})
}
