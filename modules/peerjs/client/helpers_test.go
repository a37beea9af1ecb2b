package client

import (
	"fmt"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/pion/webrtc/v4"

	"earlynode/modules/peerjs/server"
)

// event is one recorded callback.
type event struct {
	kind string // open, connection, error, disconnected, close, conn-open, data, conn-error, conn-close
	id   string
	conn *DataConnection
	msg  Message
	err  *Error
	used bool
}

// recorder records a Peer's events for tests.
type recorder struct {
	t      *testing.T
	name   string
	mu     sync.Mutex
	cond   *sync.Cond
	events []*event
}

func newRecorder(t *testing.T, name string) *recorder {
	r := &recorder{t: t, name: name}
	r.cond = sync.NewCond(&r.mu)
	return r
}

func (r *recorder) add(e *event) {
	r.mu.Lock()
	r.events = append(r.events, e)
	r.cond.Broadcast()
	r.mu.Unlock()
}

// hooks returns Events that record into r.
func (r *recorder) hooks() Events {
	return Events{
		Open:            func(id string) { r.add(&event{kind: "open", id: id}) },
		Connection:      func(c *DataConnection) { r.add(&event{kind: "connection", conn: c}) },
		Error:           func(err *Error) { r.add(&event{kind: "error", err: err}) },
		Disconnected:    func(id string) { r.add(&event{kind: "disconnected", id: id}) },
		Close:           func() { r.add(&event{kind: "close"}) },
		ConnectionOpen:  func(c *DataConnection) { r.add(&event{kind: "conn-open", conn: c}) },
		ConnectionData:  func(c *DataConnection, m Message) { r.add(&event{kind: "data", conn: c, msg: m}) },
		ConnectionError: func(c *DataConnection, err *Error) { r.add(&event{kind: "conn-error", conn: c, err: err}) },
		ConnectionClose: func(c *DataConnection) { r.add(&event{kind: "conn-close", conn: c}) },
	}
}

// wait returns the first unused event of the given kind that also passes
// match (nil matches all), waiting up to d.
func (r *recorder) waitMatch(kind string, d time.Duration, match func(*event) bool) *event {
	r.t.Helper()
	deadline := time.Now().Add(d)
	timer := time.AfterFunc(d, func() { r.mu.Lock(); r.cond.Broadcast(); r.mu.Unlock() })
	defer timer.Stop()
	r.mu.Lock()
	defer r.mu.Unlock()
	for {
		for _, e := range r.events {
			if !e.used && e.kind == kind && (match == nil || match(e)) {
				e.used = true
				return e
			}
		}
		if time.Now().After(deadline) {
			var kinds []string
			for _, e := range r.events {
				s := e.kind
				if e.err != nil {
					s += "(" + string(e.err.Type) + ": " + e.err.Error() + ")"
				}
				kinds = append(kinds, s)
			}
			r.t.Fatalf("%s: no %q event within %v; events: %v", r.name, kind, d, kinds)
		}
		r.cond.Wait()
	}
}

// wait is waitMatch without a predicate and with a 15 s limit.
func (r *recorder) wait(kind string) *event {
	r.t.Helper()
	return r.waitMatch(kind, 15*time.Second, nil)
}

// testServer runs our PeerServer on loopback.
func testServer(t *testing.T, opts server.Options) (*server.Server, int) {
	t.Helper()
	s, err := server.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	addr, err := s.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, addr.(*net.TCPAddr).Port
}

// localOptions are Peer options for a server on loopback, with host
// candidates only.
func localOptions(port int) Options {
	return Options{
		Host: "127.0.0.1", Port: port, Path: "/",
		Config:          &webrtc.Configuration{},
		IncludeLoopback: true, DisableMDNS: true,
	}
}

// newTestPeer starts a Peer with a recorder, destroyed at cleanup.
func newTestPeer(t *testing.T, id string, opts Options) (*Peer, *recorder) {
	t.Helper()
	r := newRecorder(t, fmt.Sprintf("peer %q", id))
	p := NewPeer(id, opts, r.hooks())
	t.Cleanup(p.Destroy)
	return p, r
}

// openPeer starts a Peer and waits for its open event.
func openPeer(t *testing.T, id string, opts Options) (*Peer, *recorder) {
	t.Helper()
	p, r := newTestPeer(t, id, opts)
	if e := r.wait("open"); id != "" && e.id != id {
		t.Fatalf("open with id %q, want %q", e.id, id)
	}
	return p, r
}
