package server

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"earlynode/internal/testenv"
)

func TestRegistrationRefusals(t *testing.T) {
	tests := []struct {
		name   string
		opts   Options
		params map[string]string
		want   string
	}{
		{"no id", Options{}, map[string]string{"key": "peerjs", "token": "t"},
			`{"type":"ERROR","payload":{"msg":"No id, token, or key supplied to websocket server"}}`},
		{"no token", Options{}, map[string]string{"key": "peerjs", "id": "a"},
			`{"type":"ERROR","payload":{"msg":"No id, token, or key supplied to websocket server"}}`},
		{"no key", Options{}, map[string]string{"id": "a", "token": "t"},
			`{"type":"ERROR","payload":{"msg":"No id, token, or key supplied to websocket server"}}`},
		{"wrong key", Options{}, map[string]string{"key": "nope", "id": "a", "token": "t"},
			`{"type":"ERROR","payload":{"msg":"Invalid key provided"}}`},
		{"custom key refuses default", Options{Key: "secret"}, map[string]string{"key": "peerjs", "id": "a", "token": "t"},
			`{"type":"ERROR","payload":{"msg":"Invalid key provided"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, addr := startServer(t, tt.opts)
			c := dialRaw(t, addr, "/peerjs", tt.params)
			frames := c.expectClosed()
			if len(frames) != 1 || frames[0] != tt.want {
				t.Fatalf("frames %q, want [%s]", frames, tt.want)
			}
		})
	}
}

func TestOpenIDTakenAndReconnect(t *testing.T) {
	log := newEventLog()
	s, addr := startServer(t, Options{Events: log.hooks()})
	first := open(t, addr, "alice")
	log.waitFor(t, "connection:alice")

	// Another token for the same id: ID-TAKEN, closed.
	other := dialRaw(t, addr, "/peerjs", map[string]string{"key": "peerjs", "id": "alice", "token": "other"})
	if frames := other.expectClosed(); len(frames) != 1 || frames[0] != `{"type":"ID-TAKEN","payload":{"msg":"ID is taken"}}` {
		t.Fatalf("frames %q", frames)
	}

	// The same token: the new socket replaces the old one, without OPEN.
	again := dialPeer(t, addr, "alice")
	first.expectClosed()
	bob := open(t, addr, "bob")
	bob.send(`{"type":"OFFER","dst":"alice","payload":{"n":1}}`)
	again.expect(`{"type":"OFFER","src":"bob","dst":"alice","payload":{"n":1}}`)
	if ids := s.ClientIDs(); fmt.Sprint(ids) != "[alice bob]" {
		t.Fatalf("clients %v", ids)
	}
	if n := log.count("disconnect:alice"); n != 0 {
		t.Fatalf("replacing the socket announced %d disconnects", n)
	}
}

func TestConcurrentLimit(t *testing.T) {
	_, addr := startServer(t, Options{ConcurrentLimit: 2})
	open(t, addr, "a")
	open(t, addr, "b")
	c := dialPeer(t, addr, "c")
	if frames := c.expectClosed(); len(frames) != 1 || frames[0] != `{"type":"ERROR","payload":{"msg":"Server has reached its concurrent user limit"}}` {
		t.Fatalf("frames %q", frames)
	}
}

func TestRelay(t *testing.T) {
	_, addr := startServer(t, Options{})
	alice := open(t, addr, "alice")
	bob := open(t, addr, "bob")
	// The sender's src is overwritten, unknown fields are dropped, the
	// payload is relayed as compact JSON in the envelope's key order.
	alice.send(`{"payload":{ "sdp" : {"type":"offer"}},"dst":"bob","src":"mallory","type":"OFFER","extra":1}`)
	bob.expect(`{"type":"OFFER","src":"alice","dst":"bob","payload":{"sdp":{"type":"offer"}}}`)
	bob.send(`{"type":"ANSWER","dst":"alice","payload":{"x":"<&>"}}`)
	alice.expect(`{"type":"ANSWER","src":"bob","dst":"alice","payload":{"x":"<&>"}}`)
	bob.send(`{"type":"CANDIDATE","dst":"alice","payload":null}`)
	alice.expect(`{"type":"CANDIDATE","src":"bob","dst":"alice","payload":null}`)
	bob.send(`{"type":"LEAVE","dst":"alice"}`)
	alice.expect(`{"type":"LEAVE","src":"bob","dst":"alice"}`)
	bob.send(`{"type":"EXPIRE","dst":"alice"}`)
	alice.expect(`{"type":"EXPIRE","src":"bob","dst":"alice"}`)
	// HEARTBEAT and unknown types are never relayed.
	bob.send(`{"type":"HEARTBEAT","dst":"alice"}`)
	bob.send(`{"type":"OPEN","dst":"alice"}`)
	bob.send(`{"type":"CHAT","dst":"alice"}`)
	bob.send(`{"type":"OFFER","dst":"alice","payload":{"last":true}}`)
	alice.expect(`{"type":"OFFER","src":"bob","dst":"alice","payload":{"last":true}}`)
}

func TestQueueForAbsentPeer(t *testing.T) {
	s, addr := startServer(t, Options{})
	alice := open(t, addr, "alice")
	alice.send(`{"type":"OFFER","dst":"carol","payload":{"n":1}}`)
	alice.send(`{"type":"LEAVE","dst":"carol"}`) // LEAVE is not queued
	alice.send(`{"type":"CANDIDATE","dst":"carol","payload":{"n":2}}`)
	// Carol registers once both messages wait for her.
	waitQueued(t, s, "carol", 2)
	carol := open(t, addr, "carol")
	carol.expect(`{"type":"OFFER","src":"alice","dst":"carol","payload":{"n":1}}`)
	carol.expect(`{"type":"CANDIDATE","src":"alice","dst":"carol","payload":{"n":2}}`)
}

func TestExpire(t *testing.T) {
	_, addr := startServer(t, Options{ExpireTimeout: 200 * time.Millisecond, CleanupInterval: 50 * time.Millisecond})
	alice := open(t, addr, "alice")
	alice.send(`{"type":"OFFER","dst":"carol","payload":{}}`)
	alice.send(`{"type":"CANDIDATE","dst":"carol","payload":{}}`)
	alice.send(`{"type":"OFFER","dst":"dave","payload":{}}`)
	got := []string{alice.read(), alice.read()}
	want := map[string]bool{
		`{"type":"EXPIRE","src":"carol","dst":"alice"}`: true,
		`{"type":"EXPIRE","src":"dave","dst":"alice"}`:  true,
	}
	for _, g := range got {
		if !want[g] {
			t.Fatalf("unexpected %s (all: %q)", g, got)
		}
		delete(want, g)
	}
	// One EXPIRE per pair, and the queue is gone: carol gets nothing.
	carol := open(t, addr, "carol")
	carol.expectSilence(300 * time.Millisecond)
}

// The talker's heartbeats keep it registered past AliveTimeout while the
// quiet client is dropped.
func TestSilentClientIsDropped(t *testing.T) {
	log := newEventLog()
	_, addr := startServer(t, Options{AliveTimeout: 400 * time.Millisecond, CheckInterval: 20 * time.Millisecond, Events: log.hooks()})
	quiet := open(t, addr, "quiet")
	talker := open(t, addr, "talker")
	stopBeats := make(chan struct{})
	beats := make(chan struct{})
	go func() {
		defer close(beats)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stopBeats:
				return
			case <-tick.C:
				if talker.conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"HEARTBEAT"}`)) != nil {
					return
				}
			}
		}
	}()
	quiet.expectClosed()
	log.waitFor(t, "disconnect:quiet")
	// The talker, registered as long as quiet, must outlive it by more than
	// AliveTimeout: wait until the server has read five more of its
	// heartbeats (500 ms of them), or has dropped it after all.
	target := log.count("message:talker:HEARTBEAT") + 5
	testenv.Eventually(t, 5*time.Second, func() bool {
		return log.count("message:talker:HEARTBEAT") >= target || log.count("disconnect:talker") > 0
	}, "5 more heartbeats from the talker")
	close(stopBeats)
	<-beats
	if n := log.count("disconnect:talker"); n != 0 {
		t.Fatalf("the client sending heartbeats was dropped")
	}
	if n := log.count("disconnect:quiet"); n != 1 {
		t.Fatalf("quiet disconnected %d times", n)
	}
	// The id is free again.
	open(t, addr, "quiet")
}

func TestMalformedMessagesAreIgnored(t *testing.T) {
	log := newEventLog()
	_, addr := startServer(t, Options{Events: log.hooks()})
	alice := open(t, addr, "alice")
	bob := open(t, addr, "bob")
	for _, bad := range []string{
		``, `not json`, `{`, `[]`, `null`, `42`, `"OFFER"`, `{"type":5,"dst":"bob"}`,
		`{"dst":"bob"}`, `{"type":"OFFER","dst":7}`, `{"type":"OFFER","dst":{"id":"bob"}}`,
		`{"type":"OFFER","dst":"bob","payload":}`, strings.Repeat("[", 10000),
	} {
		alice.send(bad)
	}
	if err := alice.conn.WriteMessage(websocket.BinaryMessage, []byte{0xff, 0x00, 0x81}); err != nil {
		t.Fatal(err)
	}
	// A JSON binary frame is read like a text frame, as `peer` does.
	if err := alice.conn.WriteMessage(websocket.BinaryMessage, []byte(`{"type":"OFFER","dst":"bob","payload":1}`)); err != nil {
		t.Fatal(err)
	}
	bob.expect(`{"type":"OFFER","src":"alice","dst":"bob","payload":1}`)
	alice.send(`{"type":"OFFER","dst":"bob","payload":2}`)
	bob.expect(`{"type":"OFFER","src":"alice","dst":"bob","payload":2}`)
	log.waitFor(t, "error:peerjs server: message from \"alice\"")
}

func TestOversizedFrameClosesOnlyThatClient(t *testing.T) {
	_, addr := startServer(t, Options{MaxMessageSize: 1024})
	big := open(t, addr, "big")
	bob := open(t, addr, "bob")
	alice := open(t, addr, "alice")
	big.send(`{"type":"OFFER","dst":"bob","payload":"` + strings.Repeat("x", 2000) + `"}`)
	big.expectClosed()
	alice.send(`{"type":"OFFER","dst":"bob","payload":1}`)
	bob.expect(`{"type":"OFFER","src":"alice","dst":"bob","payload":1}`)
}

func TestFloodForAbsentPeerIsBounded(t *testing.T) {
	s, addr := startServer(t, Options{MaxQueuedPerPeer: 50, MaxQueuedTotal: 120})
	alice := open(t, addr, "alice")
	for i := 0; i < 2000; i++ {
		alice.send(fmt.Sprintf(`{"type":"CANDIDATE","dst":"p%d","payload":%d}`, i%4, i))
	}
	alice.send(`{"type":"OFFER","dst":"alice","payload":"done"}`)
	alice.expect(`{"type":"OFFER","src":"alice","dst":"alice","payload":"done"}`)
	s.mu.Lock()
	total, queues := s.queuedTotal, len(s.queues)
	per := 0
	for _, q := range s.queues {
		if len(q.messages) > per {
			per = len(q.messages)
		}
	}
	s.mu.Unlock()
	if total > 120 || per > 50 || queues > 4 {
		t.Fatalf("queued %d in %d queues (largest %d): limits not kept", total, queues, per)
	}
	// Round robin over four peers: the total limit (120) is reached when
	// each queue holds 30.
	p0 := open(t, addr, "p0")
	for i := 0; i < 30; i++ {
		p0.expect(fmt.Sprintf(`{"type":"CANDIDATE","src":"alice","dst":"p0","payload":%d}`, i*4))
	}
	p0.expectSilence(200 * time.Millisecond)
}

func TestAbruptDisconnect(t *testing.T) {
	log := newEventLog()
	s, addr := startServer(t, Options{Events: log.hooks()})
	alice := open(t, addr, "alice")
	bob := open(t, addr, "bob")
	// Drop the TCP connection without a close frame.
	alice.conn.UnderlyingConn().(*net.TCPConn).SetLinger(0)
	alice.conn.UnderlyingConn().Close()
	log.waitFor(t, "disconnect:alice")
	// Messages for alice are now queued, and a new alice (other token) may
	// register and receives them.
	bob.send(`{"type":"OFFER","dst":"alice","payload":"again"}`)
	waitQueued(t, s, "alice", 1)
	alice2 := dialRaw(t, addr, "/peerjs", map[string]string{"key": "peerjs", "id": "alice", "token": "new"})
	alice2.expect(`{"type":"OPEN"}`)
	alice2.expect(`{"type":"OFFER","src":"bob","dst":"alice","payload":"again"}`)
}

func TestLeaveWithoutDestinationUnregisters(t *testing.T) {
	s, addr := startServer(t, Options{})
	alice := open(t, addr, "alice")
	alice.send(`{"type":"LEAVE"}`)
	testenv.Eventually(t, 2*time.Second, func() bool { return len(s.ClientIDs()) == 0 }, "alice unregistered by LEAVE")
	// Another alice takes the id; the old socket closing must not
	// unregister the new one. The server answers the old socket's close
	// frame after it has released the socket's client (see readLoop), so
	// once the answer is here the check is over; then the read loop ends.
	alice2 := dialRaw(t, addr, "/peerjs", map[string]string{"key": "peerjs", "id": "alice", "token": "other"})
	alice2.expect(`{"type":"OPEN"}`)
	if err := alice.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	alice.expectClosed()
	testenv.Eventually(t, 2*time.Second, func() bool { return sockets(s) == 1 }, "the old socket forgotten")
	if ids := s.ClientIDs(); fmt.Sprint(ids) != "[alice]" {
		t.Fatalf("clients %v after the old socket closed", ids)
	}
}

// Many clients send to each other at once; every frame must reach exactly
// the peer it names.
func TestNeverRelaysToTheWrongPeer(t *testing.T) {
	_, addr := startServer(t, Options{})
	const n = 8
	const each = 200
	clients := make([]*wsClient, n)
	for i := range clients {
		clients[i] = open(t, addr, fmt.Sprintf("p%d", i))
	}
	done := make(chan error, n)
	for i := range clients {
		go func(i int) {
			for k := 0; k < each; k++ {
				dst := (i + 1 + k%(n-1)) % n
				frame := fmt.Sprintf(`{"type":"CANDIDATE","dst":"p%d","payload":{"for":"p%d","from":"p%d"}}`, dst, dst, i)
				if err := clients[i].conn.WriteMessage(websocket.TextMessage, []byte(frame)); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}(i)
	}
	for range clients {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range clients {
		me := fmt.Sprintf("p%d", i)
		for k := 0; k < each; k++ {
			got := c.read()
			if !strings.Contains(got, `"dst":"`+me+`"`) || !strings.Contains(got, `"for":"`+me+`"`) {
				t.Fatalf("%s received %s", me, got)
			}
			var from string
			if _, err := fmt.Sscanf(got[strings.Index(got, `"src":"`)+7:], "%s", &from); err != nil {
				t.Fatal(err)
			}
			from = from[:strings.Index(from, `"`)]
			if !strings.Contains(got, `"from":"`+from+`"`) {
				t.Fatalf("%s received %s: src does not match the sender", me, got)
			}
		}
	}
}

func TestCloseEndsSockets(t *testing.T) {
	s, addr := startServer(t, Options{})
	alice := open(t, addr, "alice")
	s.Close()
	alice.expectClosed()
	if _, _, err := websocket.DefaultDialer.Dial("ws://"+addr+"/peerjs?key=peerjs&id=a&token=t", nil); err == nil {
		t.Fatal("dial succeeded after Close")
	}
}

// A client that closes its socket is unregistered before the server
// answers its close frame: registering again right after that answer gets
// OPEN, not the silent re-attachment of a live id. (500 rounds: without
// that order this failed within a few hundred here.)
func TestCloseThenRegisterAgain(t *testing.T) {
	_, addr := startServer(t, Options{})
	for i := 0; i < 500; i++ {
		c := open(t, addr, "alice")
		if err := c.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		c.expectClosed()
		c.conn.Close()
	}
}

// A client that stops reading cannot make the server buffer without end:
// once its send queue is full it is dropped, and the sender hears LEAVE
// from it, as `peer` answers a relay that throws.
func TestStalledReaderIsDropped(t *testing.T) {
	log := newEventLog()
	_, addr := startServer(t, Options{SendQueueSize: 8, Events: log.hooks()})
	alice := open(t, addr, "alice")
	open(t, addr, "bob") // never reads again
	carol := open(t, addr, "carol")
	big := strings.Repeat("x", 60000)
	go func() {
		for i := 0; i < 2000; i++ {
			if alice.conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"CANDIDATE","dst":"bob","payload":"`+big+`"}`)) != nil {
				return
			}
		}
	}()
	log.waitFor(t, "disconnect:bob")
	_ = alice.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		_, b, err := alice.conn.ReadMessage()
		if err != nil {
			t.Fatalf("alice: %v", err)
		}
		if string(b) == `{"type":"LEAVE","src":"bob","dst":"alice"}` {
			break
		}
	}
	carol.send(`{"type":"OFFER","dst":"carol","payload":"still serving"}`)
	carol.expect(`{"type":"OFFER","src":"carol","dst":"carol","payload":"still serving"}`)
}

// A client that sent LEAVE without a destination and kept its socket open speaks for no one:
// once the id has a new holder, the old socket's OFFERs must not reach others as that id.
func TestALeftSocketSpeaksForNoOne(t *testing.T) {
	s, addr := startServer(t, Options{})
	bob := open(t, addr, "bob")
	ghost := open(t, addr, "carol")
	ghost.send(`{"type":"LEAVE"}`)
	testenv.Eventually(t, 2*time.Second, func() bool { return fmt.Sprint(s.ClientIDs()) == "[bob]" }, "carol unregistered by LEAVE")
	carol := dialRaw(t, addr, "/peerjs", map[string]string{"key": "peerjs", "id": "carol", "token": "real"})
	carol.expect(`{"type":"OPEN"}`)
	ghost.send(`{"type":"OFFER","dst":"bob","payload":"from the ghost"}`)
	// The server answers the close frame after the frames before it on that socket.
	if err := ghost.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	ghost.expectClosed()
	carol.send(`{"type":"OFFER","dst":"bob","payload":"from carol"}`)
	bob.expect(`{"type":"OFFER","src":"carol","dst":"bob","payload":"from carol"}`)
}
