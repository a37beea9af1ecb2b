package server

import (
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"earlynode/internal/testenv"
	"earlynode/modules/peerjs/signal"
)

// startServer runs a Server on a loopback port and returns it with its
// "127.0.0.1:port" address.
func startServer(t *testing.T, opts Options) (*Server, string) {
	t.Helper()
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	addr, err := s.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, addr.String()
}

// wsClient is a raw signalling client: it speaks the wire directly.
type wsClient struct {
	t    *testing.T
	conn *websocket.Conn
}

// dialRaw opens a signalling socket with the given query parameters.
func dialRaw(t *testing.T, addr, path string, params map[string]string) *wsClient {
	t.Helper()
	q := url.Values{}
	for k, v := range params {
		q.Set(k, v)
	}
	u := "ws://" + addr + path + "?" + q.Encode()
	conn, _, err := websocket.DefaultDialer.Dial(u, nil)
	if err != nil {
		t.Fatalf("dial %s: %v", u, err)
	}
	t.Cleanup(func() { conn.Close() })
	return &wsClient{t: t, conn: conn}
}

// dialPeer opens a signalling socket as client id with the default key.
func dialPeer(t *testing.T, addr, id string) *wsClient {
	t.Helper()
	return dialRaw(t, addr, "/peerjs", map[string]string{"key": "peerjs", "id": id, "token": "tok-" + id})
}

// open dials as id and checks the server answers OPEN.
func open(t *testing.T, addr, id string) *wsClient {
	t.Helper()
	c := dialPeer(t, addr, id)
	c.expect(`{"type":"OPEN"}`)
	return c
}

// read returns the next text frame, or fails after two seconds.
func (c *wsClient) read() string {
	c.t.Helper()
	_ = c.conn.SetReadDeadline(time.Now().Add(2 * time.Second))
	_, b, err := c.conn.ReadMessage()
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	return string(b)
}

// expect reads one frame and compares it with want.
func (c *wsClient) expect(want string) {
	c.t.Helper()
	if got := c.read(); got != want {
		c.t.Fatalf("got frame %s, want %s", got, want)
	}
}

// expectClosed reads until the server closes the socket; frames before the
// close are returned.
func (c *wsClient) expectClosed() []string {
	c.t.Helper()
	var frames []string
	_ = c.conn.SetReadDeadline(time.Now().Add(3 * time.Second))
	for {
		_, b, err := c.conn.ReadMessage()
		if err != nil {
			if ne, ok := err.(interface{ Timeout() bool }); ok && ne.Timeout() {
				c.t.Fatalf("socket still open after 3s; frames %q", frames)
			}
			return frames
		}
		frames = append(frames, string(b))
	}
}

// expectSilence checks that no frame arrives within d.
func (c *wsClient) expectSilence(d time.Duration) {
	c.t.Helper()
	_ = c.conn.SetReadDeadline(time.Now().Add(d))
	if _, b, err := c.conn.ReadMessage(); err == nil {
		c.t.Fatalf("unexpected frame %s", b)
	}
	// A read that timed out leaves gorilla's reader broken; callers do not
	// read again after expectSilence.
}

// send writes one text frame.
func (c *wsClient) send(frame string) {
	c.t.Helper()
	if err := c.conn.WriteMessage(websocket.TextMessage, []byte(frame)); err != nil {
		c.t.Fatalf("send: %v", err)
	}
}

// eventLog records server events for assertions.
type eventLog struct {
	mu     sync.Mutex
	events []string
	cond   *sync.Cond
}

func newEventLog() *eventLog {
	l := &eventLog{}
	l.cond = sync.NewCond(&l.mu)
	return l
}

// events returns Events that log "connection:id", "disconnect:id" and
// "error".
func (l *eventLog) hooks() Events {
	add := func(s string) {
		l.mu.Lock()
		l.events = append(l.events, s)
		l.cond.Broadcast()
		l.mu.Unlock()
	}
	return Events{
		Connection: func(id string) { add("connection:" + id) },
		Disconnect: func(id string) { add("disconnect:" + id) },
		Message:    func(id string, m signal.Message) { add("message:" + id + ":" + m.Type) },
		Error:      func(err error) { add("error:" + err.Error()) },
	}
}

// waitFor waits until an event with the given prefix has been logged.
func (l *eventLog) waitFor(t *testing.T, prefix string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	timer := time.AfterFunc(5*time.Second, func() { l.mu.Lock(); l.cond.Broadcast(); l.mu.Unlock() })
	defer timer.Stop()
	l.mu.Lock()
	defer l.mu.Unlock()
	for {
		for _, e := range l.events {
			if strings.HasPrefix(e, prefix) {
				return e
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no event %q; have %q", prefix, l.events)
		}
		l.cond.Wait()
	}
}

// count returns how many logged events start with prefix.
func (l *eventLog) count(prefix string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, e := range l.events {
		if strings.HasPrefix(e, prefix) {
			n++
		}
	}
	return n
}

// waitQueued waits until n messages are queued on s for the absent peer id.
func waitQueued(t *testing.T, s *Server, id string, n int) {
	t.Helper()
	testenv.Eventually(t, 5*time.Second, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		q := s.queues[id]
		return q != nil && len(q.messages) == n
	}, "%d messages queued for %q", n, id)
}

// sockets returns how many signalling sockets s holds open.
func sockets(s *Server) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sockets)
}
