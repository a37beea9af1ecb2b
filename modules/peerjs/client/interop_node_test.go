package client

import (
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestNodeInterop connects our Peer with PeerJS 1.5.5 running in Node.js
// on @roamhq/wrtc 0.10.0 (docs/wire/peerjs.md, Interop harness), both ways, with every
// serialization, through our PeerServer and through the real `peer` 1.0.2.
// It runs beside TestBrowserInterop, in the same kind of network namespace.
func TestNodeInterop(t *testing.T) {
	if !testenv.InNetns() {
		requireNetnsInterop(t, false, "@roamhq/wrtc/package.json", "ws/package.json")
		testenv.RunInNetns(t, "TestNodeInterop")
		return
	}
	t.Run("our PeerServer", func(t *testing.T) {
		exerciseJSPeer(t, testenv.StartNodePeer(t), testenv.NetnsIP, startOurServer(t), netnsOptions(), true)
	})
	t.Run("real peer 1.0.2 server", func(t *testing.T) {
		exerciseJSPeer(t, testenv.StartNodePeer(t), testenv.NetnsIP, startRealPeerServer(t), netnsOptions(), false)
	})
	t.Run("our Peer's errors from real peer 1.0.2", func(t *testing.T) {
		opts := netnsOptions()
		opts.Host, opts.Port = testenv.NetnsIP, startRealPeerServer(t)
		alice, ra := openPeer(t, "alice", opts)
		_, rdup := newTestPeer(t, "alice", opts)
		expectError(t, rdup, ErrUnavailableID, `ID "alice" is taken`)
		rdup.wait("close")
		badKey := opts
		badKey.Key = "nope"
		_, rkey := newTestPeer(t, "keyed", badKey)
		expectError(t, rkey, ErrServerError, "Invalid key provided")
		rkey.wait("close")
		// peer 1.0.2 expires the OFFER after 5 s (+ up to 1 s).
		c, err := alice.Connect("ghost", ConnectOptions{})
		if err != nil {
			t.Fatal(err)
		}
		e := ra.waitMatch("error", 15*time.Second, nil)
		if e.err.Type != ErrPeerUnavailable || e.err.Message != "Could not connect to peer ghost" {
			t.Fatalf("error %v", e.err)
		}
		ra.waitMatch("conn-close", 5*time.Second, func(e *event) bool { return e.conn == c })
	})
}
