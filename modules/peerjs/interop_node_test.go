package peerjs

import (
	"net"
	"os"
	"testing"

	"earlynode/modules/peerjs/server"
)

// TestNodeInterop connects our Peer with PeerJS 1.5.5 running in Node.js
// on @roamhq/wrtc 0.10.0 (PROTOCOLS.md §5.10), both ways, with every
// serialization, through our PeerServer and through the real `peer` 1.0.2.
// It runs beside TestBrowserInterop, in the same kind of network namespace.
func TestNodeInterop(t *testing.T) {
	if os.Getenv(inNetnsEnv) == "" {
		requireInterop(t, false, "@roamhq/wrtc/package.json", "ws/package.json")
		runInNetns(t, "TestNodeInterop")
		return
	}
	t.Run("our PeerServer", func(t *testing.T) {
		s, err := server.New(server.Options{})
		if err != nil {
			t.Fatal(err)
		}
		addr, err := s.Listen(netnsIP + ":0")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		exerciseJSPeer(t, startNodePeer(t), netnsIP, addr.(*net.TCPAddr).Port, netnsOptions())
	})
	t.Run("real peer 1.0.2 server", func(t *testing.T) {
		exerciseJSPeer(t, startNodePeer(t), netnsIP, startRealPeerServer(t), netnsOptions())
	})
}
