package client

import (
	"bytes"
	"encoding/json"
	"net"
	"reflect"
	"regexp"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"earlynode/internal/testenv"
	"earlynode/modules/binarypack"
	"earlynode/modules/peerjs/server"
	"earlynode/modules/peerjs/signal"
)

// connectPair dials bob from alice and waits until both ends are open.
func connectPair(t *testing.T, alice *Peer, ra *recorder, rb *recorder, co ConnectOptions) (*DataConnection, *DataConnection) {
	t.Helper()
	ca, err := alice.Connect("bob", co)
	if err != nil {
		t.Fatal(err)
	}
	cb := rb.waitMatch("connection", 15*time.Second, func(e *event) bool { return e.conn.ConnectionID() == ca.ConnectionID() }).conn
	ra.waitMatch("conn-open", 15*time.Second, func(e *event) bool { return e.conn == ca })
	rb.waitMatch("conn-open", 15*time.Second, func(e *event) bool { return e.conn == cb })
	return ca, cb
}

func TestPeersConnectWithEverySerialization(t *testing.T) {
	_, port := testServer(t, server.Options{})
	opts := localOptions(port)
	alice, ra := openPeer(t, "alice", opts)
	_, rb := openPeer(t, "bob", opts)

	big := make([]byte, 40000)
	for i := range big {
		big[i] = byte(i * 7)
	}
	tests := []struct {
		ser      string
		wantSer  Serialization
		reliable bool
		send     []any
		check    func(t *testing.T, i int, m Message)
	}{
		{ser: "binary", wantSer: SerializationBinary, reliable: true,
			send: []any{"hello", int64(42), binarypack.Map{{Key: "a", Value: []any{int64(1), 2.5, nil, true}}}, big},
			check: func(t *testing.T, i int, m Message) {
				want := []any{"hello", int64(42), binarypack.Map{{Key: "a", Value: []any{int64(1), 2.5, nil, true}}}, big}[i]
				if !reflect.DeepEqual(m.Value, want) {
					t.Errorf("binary message %d = %#v", i, m.Value)
				}
			}},
		{ser: "json", wantSer: SerializationJSON,
			send: []any{json.RawMessage(`{"x":[1,"two",null]}`), map[string]int{"n": 5}},
			check: func(t *testing.T, i int, m Message) {
				want := []string{`{"x":[1,"two",null]}`, `{"n":5}`}[i]
				if string(m.Data) != want {
					t.Errorf("json message %d = %s, want %s", i, m.Data, want)
				}
			}},
		{ser: "none", wantSer: SerializationRaw,
			send: []any{"text message", []byte{0, 1, 2, 255}},
			check: func(t *testing.T, i int, m Message) {
				if i == 0 && (!m.Text || string(m.Data) != "text message") {
					t.Errorf("raw text = %q (text %v)", m.Data, m.Text)
				}
				if i == 1 && (m.Text || !bytes.Equal(m.Data, []byte{0, 1, 2, 255})) {
					t.Errorf("raw bytes = %v (text %v)", m.Data, m.Text)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.ser, func(t *testing.T) {
			ra.t, rb.t = t, t
			ca, cb := connectPair(t, alice, ra, rb, ConnectOptions{
				Label: "chan-" + tt.ser, Metadata: json.RawMessage(`{"who":"alice","n":[1,2]}`),
				Serialization: tt.ser, Reliable: tt.reliable,
			})
			if cb.Label() != "chan-"+tt.ser || string(cb.Metadata()) != `{"who":"alice","n":[1,2]}` ||
				cb.Serialization() != tt.wantSer || cb.Reliable() != tt.reliable || cb.Peer() != "alice" || cb.Originator() {
				t.Fatalf("incoming connection: label %q metadata %s serialization %q reliable %v peer %q",
					cb.Label(), cb.Metadata(), cb.Serialization(), cb.Reliable(), cb.Peer())
			}
			// Both directions.
			for dir, pair := range [][2]*DataConnection{{ca, cb}, {cb, ca}} {
				from, to := pair[0], pair[1]
				rto := []*recorder{rb, ra}[dir]
				for _, v := range tt.send {
					if err := from.Send(v); err != nil {
						t.Fatalf("send %T: %v", v, err)
					}
				}
				for i := range tt.send {
					e := rto.waitMatch("data", 15*time.Second, func(e *event) bool { return e.conn == to })
					if e.msg.Serialization != tt.wantSer {
						t.Fatalf("message serialization %q", e.msg.Serialization)
					}
					tt.check(t, i, e.msg)
				}
			}
			ca.Close()
			ra.waitMatch("conn-close", 5*time.Second, func(e *event) bool { return e.conn == ca })
			rb.waitMatch("conn-close", 15*time.Second, func(e *event) bool { return e.conn == cb })
			if err := ca.Send("late"); err == nil || err.(*Error).Type != ErrNotOpenYet {
				t.Fatalf("send after close: %v", err)
			}
		})
	}
}

func TestCloseAfterFlush(t *testing.T) {
	for _, ser := range []string{"binary", "json"} {
		t.Run(ser, func(t *testing.T) {
			_, port := testServer(t, server.Options{})
			alice, ra := openPeer(t, "alice", localOptions(port))
			_, rb := openPeer(t, "bob", localOptions(port))
			ca, cb := connectPair(t, alice, ra, rb, ConnectOptions{Serialization: ser, Reliable: true})
			if err := ca.Send("last words"); err != nil {
				t.Fatal(err)
			}
			ca.CloseAfterFlush()
			e := rb.waitMatch("data", 10*time.Second, func(e *event) bool { return e.conn == cb })
			if ser == "binary" && e.msg.Value != "last words" || ser == "json" && string(e.msg.Data) != `"last words"` {
				t.Fatalf("data before close: %+v", e.msg)
			}
			rb.waitMatch("conn-close", 10*time.Second, func(e *event) bool { return e.conn == cb })
			ra.waitMatch("conn-close", 15*time.Second, func(e *event) bool { return e.conn == ca })
		})
	}
}

func TestIDFromServer(t *testing.T) {
	_, port := testServer(t, server.Options{})
	p, r := newTestPeer(t, "", localOptions(port))
	id := r.wait("open").id
	if !regexp.MustCompile(`^[0-9a-f-]{36}$`).MatchString(id) || p.ID() != id || !p.Open() {
		t.Fatalf("id %q, ID() %q, Open() %v", id, p.ID(), p.Open())
	}
}

func TestConnectBeforeOpenIsDelivered(t *testing.T) {
	_, port := testServer(t, server.Options{})
	_, rb := openPeer(t, "bob", localOptions(port))
	alice, ra := newTestPeer(t, "alice", localOptions(port))
	// No waiting for open: the OFFER waits for the socket.
	ca, err := alice.Connect("bob", ConnectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rb.wait("connection")
	ra.waitMatch("conn-open", 15*time.Second, func(e *event) bool { return e.conn == ca })
}

func TestRemotePeerDestroyedClosesConnection(t *testing.T) {
	_, port := testServer(t, server.Options{})
	alice, ra := openPeer(t, "alice", localOptions(port))
	bob, rb := openPeer(t, "bob", localOptions(port))
	ca, _ := connectPair(t, alice, ra, rb, ConnectOptions{})
	bob.Destroy()
	rb.wait("disconnected")
	rb.wait("close")
	ra.waitMatch("conn-close", 20*time.Second, func(e *event) bool { return e.conn == ca })
	if len(alice.Connections()) != 0 {
		t.Fatalf("connections left: %v", alice.Connections())
	}
}

func TestManyConnectionsBetweenTwoPeers(t *testing.T) {
	_, port := testServer(t, server.Options{})
	alice, ra := openPeer(t, "alice", localOptions(port))
	_, rb := openPeer(t, "bob", localOptions(port))
	var conns []*DataConnection
	for i := 0; i < 3; i++ {
		ca, _ := connectPair(t, alice, ra, rb, ConnectOptions{Serialization: "json"})
		conns = append(conns, ca)
	}
	if n := len(alice.Connections()["bob"]); n != 3 {
		t.Fatalf("alice has %d connections to bob", n)
	}
	for i, c := range conns {
		if err := c.Send(i); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]bool{}
	for range conns {
		got[string(rb.wait("data").msg.Data)] = true
	}
	if !got["0"] || !got["1"] || !got["2"] {
		t.Fatalf("messages %v", got)
	}
}

// Destroying every Peer and closing the server must leave no goroutine
// behind: an embedding runtime creates and drops Peers for its lifetime.
func TestNoGoroutinesLeftBehind(t *testing.T) {
	before := runtime.NumGoroutine()
	func() {
		s, err := server.New(server.Options{})
		if err != nil {
			t.Fatal(err)
		}
		addr, err := s.Listen("127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		opts := localOptions(addr.(*net.TCPAddr).Port)
		ra, rb := newRecorder(t, "alice"), newRecorder(t, "bob")
		alice := NewPeer("alice", opts, ra.hooks())
		bob := NewPeer("bob", opts, rb.hooks())
		ra.wait("open")
		rb.wait("open")
		ca, _ := connectPair(t, alice, ra, rb, ConnectOptions{})
		if err := ca.Send(pattern(50000)); err != nil {
			t.Fatal(err)
		}
		rb.wait("data")
		alice.Destroy()
		bob.Destroy()
		ra.wait("close")
		rb.wait("close")
	}()
	if !testenv.Poll(15*time.Second, func() bool { return runtime.NumGoroutine() <= before }) {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines before, %d after:\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
	}
}

// The heartbeat keeps a Peer registered on a server that drops silent
// clients quickly; without it the peer would be dropped.
func TestHeartbeatKeepsPeerRegistered(t *testing.T) {
	var beats atomic.Int64 // HEARTBEATs the server has read from "beating"
	s, port := testServer(t, server.Options{AliveTimeout: 400 * time.Millisecond, CheckInterval: 20 * time.Millisecond,
		Events: server.Events{Message: func(id string, m signal.Message) {
			if id == "beating" && m.Type == signal.TypeHeartbeat {
				beats.Add(1)
			}
		}}})
	beating := localOptions(port)
	beating.PingInterval = 100 * time.Millisecond
	silent := localOptions(port)
	silent.PingInterval = time.Hour
	openPeer(t, "beating", beating)
	_, rs := openPeer(t, "silent", silent)
	expectError(t, rs, ErrNetwork, "Lost connection to server")
	rs.wait("disconnected")
	// The server dropped the silent peer before closing its socket. The
	// beating one must stay for longer than AliveTimeout: wait until the
	// server has read five more of its heartbeats (500 ms of them at
	// PingInterval), or has dropped it after all.
	target := beats.Load() + 5
	testenv.Eventually(t, 5*time.Second, func() bool { return beats.Load() >= target || len(s.ClientIDs()) != 1 },
		"5 more heartbeats from the beating peer")
	if ids := s.ClientIDs(); len(ids) != 1 || ids[0] != "beating" {
		t.Fatalf("registered: %v", ids)
	}
}
