package peerjs_test

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestBrowserAcrossClusterMembers: PeerJS 1.5.5 in headless Chromium, connected to cluster
// member A (an earlynode PeerServer process), and earlynode Peers connected to member B open
// DataConnections both ways over WebRTC, and messages flow both ways on each: the browser
// dials alice (B), who echoes what it gets; bob (B) dials the browser, which answers. Both
// cluster setups: the NATS server a member embeds and a nats-server process. It is an interop
// test (testenv.RequireInterop) and runs in a network namespace of its own, as Chromium needs.
func TestBrowserAcrossClusterMembers(t *testing.T) {
	if !testenv.InNetns() {
		testenv.RequireInterop(t, testenv.BrowserPrereqs()...)
		testenv.RunInNetns(t, "TestBrowserAcrossClusterMembers", testenv.NATSServerEnv+"="+testenv.NATSServerBin(t))
		return
	}
	page := testenv.ServePeerJSPage(t)
	for _, setup := range clusterSetups {
		t.Run(setup.name, func(t *testing.T) {
			cluster, _ := setup.start(t)
			_, portA := clusterServer(t, "server A", cluster, testenv.NetnsIP)
			_, portB := clusterServer(t, "server B", cluster, testenv.NetnsIP)
			addrA, addrB := testenv.NetnsIP+":"+strconv.Itoa(portA), testenv.NetnsIP+":"+strconv.Itoa(portB)
			alice := peer(t, addrB, "answer", "alice")
			alice.WaitLines(t, 20*time.Second, "open alice")

			web := testenv.StartBrowser(t, page)
			web.Call("start", "web", map[string]any{
				"host": testenv.NetnsIP, "port": portA, "path": "/", "key": "peerjs", "secure": false,
				"config": map[string]any{"iceServers": []any{}}, "debug": 1,
			})
			if ev := web.Next("open"); ev.ID != "web" {
				t.Fatalf("the browser's Peer opened as %q", ev.ID)
			}
			testenv.Eventually(t, 10*time.Second, func() bool { return lists(addrB, "web") && lists(addrA, "alice") },
				"both members list web and alice")

			// The browser (A) dials alice (B) and gets its message echoed.
			var started struct{ Conn string }
			if err := json.Unmarshal(web.Call("connect", "alice", map[string]any{"serialization": "json"}), &started); err != nil {
				t.Fatal(err)
			}
			web.Next("conn-open", started.Conn)
			web.Call("send", started.Conn, map[string]any{"from": "web", "text": "hello from Chromium"})
			alice.WaitLines(t, 20*time.Second, `alice got {"from":"web","text":"hello from Chromium"}`)
			if ev := web.Next("data", started.Conn); string(ev.Data) != `{"echo":{"from":"web","text":"hello from Chromium"}}` {
				t.Fatalf("the browser got %s", ev.Data)
			}

			// bob (B) dials the browser (A), which answers what it gets.
			bob := peer(t, addrB, "call", "bob", "web")
			conn := web.Next("connection")
			if conn.Peer != "bob" {
				t.Fatalf("the browser's connection is from %q", conn.Peer)
			}
			web.Next("conn-open", conn.Conn)
			ev := web.Next("data", conn.Conn)
			if string(ev.Data) != `{"from":"bob","text":"hello across the cluster"}` {
				t.Fatalf("the browser got %s from bob", ev.Data)
			}
			web.Call("send", conn.Conn, map[string]any{"echo": json.RawMessage(ev.Data)})
			bob.WaitLines(t, 20*time.Second, `bob got {"echo":{"from":"bob","text":"hello across the cluster"}}`)
			bob.Wait(t, 10*time.Second)
		})
	}
}
