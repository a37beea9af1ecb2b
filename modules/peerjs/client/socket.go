package client

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"sync"
	"time"

	"earlynode/loop"
	"earlynode/modules/http/websocket"
	"earlynode/modules/peerjs/signal"
)

// maxSignalFrame bounds one frame from the server.
const maxSignalFrame = 4 << 20

// closeWait bounds how long a reconnection waits for the previous socket to be gone.
const closeWait = time.Second

// signalSocket is the signalling WebSocket of a Peer: a websocket.Conn on an event loop
// (Options.Loop, or the loop the package shares among Peers), with a heartbeat timer. Its
// messages are handled on the loop as they are read; send and close may be called from any
// goroutine and post their work to the loop.
type signalSocket struct {
	p       *Peer
	gen     int
	id      string
	l       *loop.Loop
	release func() // gives the loop back once the socket is gone

	// loop side
	conn       *websocket.Conn
	cancelDial func()
	beat       *loop.Timer
	gone       bool
	whenGone   []func()

	mu      sync.Mutex
	closing bool // close was called
}

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

// newSignalSocket makes the socket of generation gen, on the peer's loop.
func (p *Peer) newSignalSocket(gen int) *signalSocket {
	s := &signalSocket{p: p, gen: gen}
	if p.opts.Loop != nil {
		s.l, s.release = p.opts.Loop, func() {}
	} else {
		s.l, s.release = sharedLoop.acquire()
	}
	return s
}

// dial opens the socket for id; on the loop. connected runs on the loop with the outcome.
func (s *signalSocket) dial(id string, connected func(s *signalSocket, err error) error) {
	s.id = id
	o := websocket.DialOptions{Timeout: s.p.opts.DialTimeout, MaxMessage: maxSignalFrame}
	s.cancelDial = websocket.Dial(s.l, signalURL(s.p.opts, id), o, func(c *websocket.Conn, err error) error {
		s.cancelDial = nil
		if err == nil {
			s.conn = c
			if s.p.opts.Loop != nil {
				// The embedding decides what keeps its loop alive, not the socket.
				c.Unref()
			}
		}
		return connected(s, err)
	})
}

// start reads the open socket and starts the heartbeat; on the loop.
func (s *signalSocket) start(interval time.Duration) error {
	s.beat = s.l.SetTimer(interval, func() error {
		if s.conn.Closing() {
			return nil
		}
		s.conn.WriteText(heartbeatFrame)
		s.beat.Reset(interval)
		return nil
	})
	s.beat.Unref()
	return s.conn.Start(s)
}

var heartbeatFrame = signal.Message{Type: signal.TypeHeartbeat}.Encode()

// write sends frames at once; on the loop.
func (s *signalSocket) write(frame []byte) {
	if s.conn != nil {
		s.conn.WriteText(frame)
	}
}

// send writes one message as a text frame, on the loop's next turn (any goroutine). A failed
// write shows up as the end of the socket.
func (s *signalSocket) send(m signal.Message) {
	frame := m.Encode()
	s.l.Post(func() error {
		s.write(frame)
		return nil
	})
}

// closed reports whether close has been called.
func (s *signalSocket) closed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing
}

// close ends the socket on purpose, without waiting (any goroutine): a close frame, then the
// server's answer and its closing of TCP (or websocket.CloseTimeout) end the connection.
func (s *signalSocket) close() {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		return
	}
	s.closing = true
	s.mu.Unlock()
	s.l.Post(func() error {
		switch {
		case s.cancelDial != nil:
			s.cancelDial() // the dial reports ErrCanceled, and the socket is gone
		case s.conn != nil:
			s.conn.Close(1000, "")
		}
		return nil
	})
}

// Message handles one frame from the server (websocket.Handler).
func (s *signalSocket) Message(_ bool, frame []byte) error {
	m, err := signal.Decode(frame)
	if err != nil {
		s.p.logf(2, "Invalid server message %q: %v", frame, err)
		return nil
	}
	s.p.handleMessage(m)
	return nil
}

// End: the connection is closed (websocket.Handler). Unless close asked for it, the Peer has
// lost its server.
func (s *signalSocket) End(st websocket.CloseStatus) error {
	if s.beat != nil {
		s.beat.Stop()
	}
	if !s.closed() {
		err := st.Err
		if err == nil {
			err = fmt.Errorf("websocket: close %d %s", st.Code, st.Reason)
			if !st.PeerClosed {
				err = errors.New("websocket: the connection closed without a closing handshake")
			}
		}
		s.p.socketLost(s.gen, err)
	}
	s.markGone()
	return nil
}

// markGone records that the socket is fully closed and runs what waited for it; on the loop.
func (s *signalSocket) markGone() {
	if s.gone {
		return
	}
	s.gone = true
	fns := s.whenGone
	s.whenGone = nil
	for _, f := range fns {
		f()
	}
	s.release()
}

// afterGone runs f on the loop once the socket is gone (now, if it is).
func (s *signalSocket) afterGone(f func()) {
	s.l.Post(func() error {
		if s.gone {
			f()
		} else {
			s.whenGone = append(s.whenGone, f)
		}
		return nil
	})
}

// sharedLoop runs the signalling sockets of Peers made without Options.Loop: one loop and one
// goroutine while any such socket exists, none otherwise.
var sharedLoop sharedLoops

type sharedLoops struct {
	mu    sync.Mutex
	l     *loop.Loop
	keep  *loop.Handle
	users int
}

// acquire returns the shared loop (starting one if none runs) and the function that gives it
// back; the loop ends once every user gave it back.
func (sl *sharedLoops) acquire() (*loop.Loop, func()) {
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if sl.users == 0 {
		sl.l = loop.New(1)
		sl.keep = sl.l.NewHandle()
		go sl.l.Run()
	}
	sl.users++
	keep := sl.keep
	var once sync.Once
	return sl.l, func() {
		once.Do(func() {
			sl.mu.Lock()
			defer sl.mu.Unlock()
			sl.users--
			if sl.users == 0 {
				keep.Close(nil)
			}
		})
	}
}
