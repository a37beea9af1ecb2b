package client

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"earlynode/internal/testenv"
	"earlynode/modules/peerjs/server"
)

// expectError waits for a Peer error of the given type whose message
// contains text.
func expectError(t *testing.T, r *recorder, typ ErrorType, text string) *Error {
	t.Helper()
	e := r.wait("error")
	if e.err.Type != typ || !strings.Contains(e.err.Error(), text) {
		t.Fatalf("error %q: %v, want %q containing %q", e.err.Type, e.err, typ, text)
	}
	return e.err
}

func TestPeerErrors(t *testing.T) {
	_, port := testServer(t, server.Options{})
	down := testenv.FreePort(t)
	tests := []struct {
		name     string
		id       string
		opts     func() Options
		before   func(t *testing.T)
		wantType ErrorType
		wantText string
		then     string // the event that must follow: close or disconnected
	}{
		{name: "invalid id", id: "bad id!", opts: func() Options { return localOptions(port) },
			wantType: ErrInvalidID, wantText: `ID "bad id!" is invalid`, then: "close"},
		{name: "id with leading space", id: " x", opts: func() Options { return localOptions(port) },
			wantType: ErrInvalidID, wantText: "is invalid", then: "close"},
		{name: "taken id", id: "taken", opts: func() Options { return localOptions(port) },
			before:   func(t *testing.T) { openPeer(t, "taken", localOptions(port)) },
			wantType: ErrUnavailableID, wantText: `ID "taken" is taken`, then: "close"},
		{name: "wrong key", id: "keyed", opts: func() Options { o := localOptions(port); o.Key = "nope"; return o },
			wantType: ErrServerError, wantText: "Invalid key provided", then: "close"},
		{name: "server down, id given", id: "lonely", opts: func() Options { return localOptions(down) },
			wantType: ErrNetwork, wantText: "Lost connection to server", then: "disconnected"},
		{name: "server down, no id", id: "", opts: func() Options { return localOptions(down) },
			wantType: ErrServerError, wantText: "Could not get an ID from the server", then: "close"},
		{name: "wrong path", id: "", opts: func() Options { o := localOptions(port); o.Path = "/nowhere"; return o },
			wantType: ErrServerError, wantText: "Could not get an ID from the server", then: "close"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.before != nil {
				tt.before(t)
			}
			p, r := newTestPeer(t, tt.id, tt.opts())
			expectError(t, r, tt.wantType, tt.wantText)
			r.wait(tt.then)
			if _, err := p.Connect("someone", ConnectOptions{}); err == nil || err.(*Error).Type != ErrDisconnected {
				t.Fatalf("Connect after a fatal error: %v", err)
			}
		})
	}
}

func TestPeerUnavailable(t *testing.T) {
	_, port := testServer(t, server.Options{ExpireTimeout: 300 * time.Millisecond, CleanupInterval: 50 * time.Millisecond})
	alice, ra := openPeer(t, "alice", localOptions(port))
	c, err := alice.Connect("ghost", ConnectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	expectError(t, ra, ErrPeerUnavailable, "Could not connect to peer ghost")
	e := ra.wait("conn-error")
	if e.conn != c || e.err.Type != ErrPeerUnavailable {
		t.Fatalf("connection error %+v", e)
	}
	ra.waitMatch("conn-close", 5*time.Second, func(e *event) bool { return e.conn == c })
	if alice.Destroyed() || !alice.Open() {
		t.Fatal("peer-unavailable must not end the peer")
	}
}

func TestServerGoesAway(t *testing.T) {
	s, port := testServer(t, server.Options{})
	alice, ra := openPeer(t, "alice", localOptions(port))
	_, rb := openPeer(t, "bob", localOptions(port))
	ca, cb := connectPair(t, alice, ra, rb, ConnectOptions{Serialization: "json"})
	s.Close()
	expectError(t, ra, ErrNetwork, "Lost connection to server")
	if e := ra.wait("disconnected"); e.id != "alice" {
		t.Fatalf("disconnected with %q", e.id)
	}
	if alice.Open() || alice.ID() != "" || !alice.Disconnected() {
		t.Fatalf("after the server went: open %v id %q", alice.Open(), alice.ID())
	}
	// Existing connections keep working without the server.
	if err := ca.Send(json.RawMessage(`"still here"`)); err != nil {
		t.Fatal(err)
	}
	if e := rb.waitMatch("data", 10*time.Second, func(e *event) bool { return e.conn == cb }); string(e.msg.Data) != `"still here"` {
		t.Fatalf("data %s", e.msg.Data)
	}
}

func TestDisconnectAndReconnect(t *testing.T) {
	_, port := testServer(t, server.Options{})
	alice, ra := openPeer(t, "alice", localOptions(port))
	alice.Disconnect()
	ra.wait("disconnected")
	if err := alice.Reconnect(); err != nil {
		t.Fatal(err)
	}
	if e := ra.wait("open"); e.id != "alice" {
		t.Fatalf("reopened as %q", e.id)
	}
	alice.Destroy()
	ra.wait("close")
	if err := alice.Reconnect(); err == nil {
		t.Fatal("Reconnect after Destroy succeeded")
	}
}

func TestSendErrors(t *testing.T) {
	_, port := testServer(t, server.Options{})
	alice, ra := openPeer(t, "alice", localOptions(port))
	_, rb := openPeer(t, "bob", localOptions(port))

	pending, err := alice.Connect("bob", ConnectOptions{Serialization: "json"})
	if err != nil {
		t.Fatal(err)
	}
	if err := pending.Send(1); err == nil || err.(*Error).Type != ErrNotOpenYet {
		t.Fatalf("send before open: %v", err)
	}
	rb.wait("connection")
	ra.waitMatch("conn-open", 15*time.Second, func(e *event) bool { return e.conn == pending })
	tests := []struct {
		name string
		v    any
		want ErrorType
	}{
		{"json too big", strings.Repeat("x", 16300), ErrMessageTooBig},
		{"json invalid raw text", json.RawMessage(`{nope`), ErrInvalidMessage},
		{"json unsupported", func() {}, ErrInvalidMessage},
	}
	for _, tt := range tests {
		if err := pending.Send(tt.v); err == nil || err.(*Error).Type != tt.want {
			t.Errorf("%s: %v, want %s", tt.name, err, tt.want)
		}
	}
	if err := pending.Send(strings.Repeat("x", 16000)); err != nil {
		t.Errorf("json just under the limit: %v", err)
	}
	if _, err := alice.Connect("bob", ConnectOptions{Serialization: "msgpack"}); err == nil || err.(*Error).Type != ErrInvalidSerialization {
		t.Errorf("unknown serialization: %v", err)
	}
	if _, err := alice.Connect("", ConnectOptions{}); err == nil {
		t.Error("Connect to an empty id succeeded")
	}
}

// A peer that sends garbage on a binary connection gets an
// invalid-message error on the receiving side, which stays open.
func TestMalformedDataMessages(t *testing.T) {
	_, port := testServer(t, server.Options{})
	alice, ra := openPeer(t, "alice", localOptions(port))
	_, rb := openPeer(t, "bob", localOptions(port))
	for _, ser := range []string{"binary", "json"} {
		ca, cb := connectPair(t, alice, ra, rb, ConnectOptions{Serialization: ser, Reliable: true})
		ca.mu.Lock()
		dc := ca.dc
		ca.mu.Unlock()
		for _, bad := range [][]byte{{0xc1}, {0xda, 0xff}, []byte("{not json")} {
			// JSON only fails on broken JSON; for BinaryPack "{" is the
			// fixint 123 followed by ignored bytes, as in JavaScript.
			if (ser == "json") != (bad[0] == '{') {
				continue
			}
			if err := dc.Send(bad); err != nil {
				t.Fatal(err)
			}
			e := rb.waitMatch("conn-error", 10*time.Second, func(e *event) bool { return e.conn == cb })
			if e.err.Type != ErrInvalidMessage {
				t.Fatalf("%s: error %v", ser, e.err)
			}
		}
		if err := ca.Send(json.RawMessage(`"fine"`)); err != nil && ser == "json" {
			t.Fatal(err)
		}
		if ser == "binary" {
			if err := ca.Send("fine"); err != nil {
				t.Fatal(err)
			}
		}
		rb.waitMatch("data", 10*time.Second, func(e *event) bool { return e.conn == cb })
		if !cb.Open() {
			t.Fatalf("%s: the connection closed on a bad message", ser)
		}
	}
}
