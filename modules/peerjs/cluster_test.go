package peerjs_test

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"earlynode/internal/testenv"
)

func TestMain(m *testing.M) { testenv.Main(m) }

func testdata(name string) string {
	return filepath.Join(testenv.Root(), "modules", "peerjs", "testdata", name)
}

// clusterServer starts an earlynode PeerServer process in the cluster described by cluster, on
// 127.0.0.1 or on host.
func clusterServer(t *testing.T, name string, cluster map[string]any, host ...string) (*testenv.Proc, int) {
	t.Helper()
	port := testenv.FreePort(t)
	js, _ := json.Marshal(cluster)
	args := append([]string{testdata("cluster_server.js"), strconv.Itoa(port), string(js)}, host...)
	p := testenv.Start(t, name, t.TempDir(), testenv.Node(t), args...)
	p.WaitLines(t, 20*time.Second, "listening")
	return p, port
}

// peer starts an earlynode Peer process (cluster_peer.js) on the PeerServer at addr
// ("[host:]port").
func peer(t *testing.T, addr string, args ...string) *testenv.Proc {
	t.Helper()
	return testenv.Start(t, args[1], t.TempDir(), testenv.Node(t), append([]string{testdata("cluster_peer.js"), addr}, args...)...)
}

// clusterSetup is one way of joining PeerServers: the NATS server a member embeds, or a
// nats-server process of the test's own (nats is then that process).
type clusterSetup struct {
	name  string
	start func(t *testing.T) (cluster map[string]any, nats *testenv.NATSServer)
}

var clusterSetups = []clusterSetup{
	{"embedded NATS", func(t *testing.T) (map[string]any, *testenv.NATSServer) {
		return map[string]any{"listen": "127.0.0.1:" + strconv.Itoa(testenv.FreePort(t)), "name": "e2e"}, nil
	}},
	{"nats-server process", func(t *testing.T) (map[string]any, *testenv.NATSServer) {
		ns := testenv.StartNATSServer(t, 0)
		return map[string]any{"servers": []string{ns.URL}, "name": "e2e"}, ns
	}},
}

// peers returns the ids the PeerServer at addr ("[host:]port") lists (discovery), nil when it
// does not answer.
func peers(addr string) []string {
	if !strings.Contains(addr, ":") {
		addr = "127.0.0.1:" + addr
	}
	res, err := http.Get("http://" + addr + "/peerjs/peers")
	if err != nil {
		return nil
	}
	defer res.Body.Close()
	var ids []string
	json.NewDecoder(res.Body).Decode(&ids)
	return ids
}

// lists reports whether the PeerServer at addr lists id.
func lists(addr, id string) bool {
	for _, have := range peers(addr) {
		if have == id {
			return true
		}
	}
	return false
}

// TestPeersOnTwoClusterMembers: two PeerServer processes joined by NATS (the one a member
// embeds, and a real nats-server process), earlynode Peers on different members open a
// DataConnection over WebRTC and exchange messages both ways; an id held on one member is
// taken on the other. With the nats-server killed (SIGKILL), the members forget each other's
// ids and go on serving their own peers; started again on the same port, it brings them
// together again and messages cross.
func TestPeersOnTwoClusterMembers(t *testing.T) {
	for _, setup := range clusterSetups {
		t.Run(setup.name, func(t *testing.T) {
			cluster, nats := setup.start(t)
			a, portA := clusterServer(t, "server A", cluster)
			b, portB := clusterServer(t, "server B", cluster)
			addrA, addrB := strconv.Itoa(portA), strconv.Itoa(portB)

			alice := peer(t, addrA, "answer", "alice")
			alice.WaitLines(t, 20*time.Second, "open alice")
			// B learns of alice through NATS; an OFFER sent before then would wait in B's queue
			// only expire_timeout (1 s), too short a promise on a loaded machine.
			testenv.Eventually(t, 10*time.Second, func() bool { return lists(addrB, "alice") }, "B lists alice")
			bob := peer(t, addrB, "call", "bob", "alice")
			bob.WaitLines(t, 30*time.Second, `bob got {"echo":{"from":"bob","text":"hello across the cluster"}}`)
			alice.WaitLines(t, 5*time.Second, `alice got {"from":"bob","text":"hello across the cluster"}`)
			bob.Wait(t, 10*time.Second)

			thief := peer(t, addrB, "claim", "alice")
			thief.WaitLines(t, 20*time.Second, "error unavailable-id")
			thief.Wait(t, 10*time.Second)

			if nats != nil {
				nats.Kill(t)
				testenv.Eventually(t, 10*time.Second, func() bool { return !lists(addrB, "alice") }, "B forgets alice without NATS")
				dora := peer(t, addrB, "answer", "dora")
				dora.WaitLines(t, 20*time.Second, "open dora")
				erin := peer(t, addrB, "call", "erin", "dora")
				erin.WaitLines(t, 30*time.Second, `erin got {"echo":{"from":"erin","text":"hello across the cluster"}}`)

				nats.Start(t)
				testenv.Eventually(t, 20*time.Second, func() bool { return lists(addrB, "alice") && lists(addrA, "dora") }, "the members find each other again")
				carol := peer(t, addrB, "call", "carol", "alice")
				carol.WaitLines(t, 30*time.Second, `carol got {"echo":{"from":"carol","text":"hello across the cluster"}}`)
			}
			a.Kill()
			b.Kill()
		})
	}
}

// TestClusterUnderWorkers: `node --workers 2` with a clustered PeerServer on one port (the
// workers share it; the first embeds NATS): signalling clients spread over both workers by
// the kernel, in pairs, each pair relaying OFFER and ANSWER, lose no message.
func TestClusterUnderWorkers(t *testing.T) {
	const pairs = 250
	port := testenv.FreePort(t)
	cluster, _ := json.Marshal(map[string]any{"listen": "127.0.0.1:" + strconv.Itoa(testenv.FreePort(t)), "name": "workers"})
	srv := testenv.Start(t, "node --workers 2", t.TempDir(), testenv.Node(t), "--workers", "2", testdata("cluster_server.js"), strconv.Itoa(port), string(cluster))
	srv.WaitLines(t, 20*time.Second, "listening", "listening")
	addr := "127.0.0.1:" + strconv.Itoa(port)

	clients := make([]*websocket.Conn, 2*pairs)
	for i := range clients {
		u := "ws://" + addr + "/peerjs?key=peerjs&id=c" + strconv.Itoa(i) + "&token=t" + strconv.Itoa(i)
		c, _, err := websocket.DefaultDialer.Dial(u, nil)
		if err != nil {
			t.Fatalf("client %d: %v", i, err)
		}
		defer c.Close()
		c.SetReadDeadline(time.Now().Add(20 * time.Second))
		if _, b, err := c.ReadMessage(); err != nil || string(b) != `{"type":"OPEN"}` {
			t.Fatalf("client %d: %s %v", i, b, err)
		}
		clients[i] = c
	}
	// Both workers hold some of them, and each lists all of them (discovery goes to either).
	testenv.Eventually(t, 20*time.Second, func() bool { return len(peers(addr)) == 2*pairs }, "discovery lists all %d clients", 2*pairs)
	on0, on1 := strings.Count(srv.Output(), "on worker 0"), strings.Count(srv.Output(), "on worker 1")
	if on0+on1 != 2*pairs || on0 == 0 || on1 == 0 {
		t.Fatalf("connections on worker 0: %d, on worker 1: %d; want %d spread over both", on0, on1, 2*pairs)
	}
	t.Logf("clients on worker 0: %d, on worker 1: %d", on0, on1)

	for i := 0; i < pairs; i++ {
		a, b := 2*i, 2*i+1
		offer := `{"type":"OFFER","dst":"c` + strconv.Itoa(b) + `","payload":{"n":` + strconv.Itoa(i) + `}}`
		if err := clients[a].WriteMessage(websocket.TextMessage, []byte(offer)); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < pairs; i++ {
		a, b := 2*i, 2*i+1
		want := `{"type":"OFFER","src":"c` + strconv.Itoa(a) + `","dst":"c` + strconv.Itoa(b) + `","payload":{"n":` + strconv.Itoa(i) + `}}`
		if _, got, err := clients[b].ReadMessage(); err != nil || string(got) != want {
			t.Fatalf("pair %d: got %s (%v), want %s", i, got, err, want)
		}
		answer := `{"type":"ANSWER","dst":"c` + strconv.Itoa(a) + `","payload":{"n":` + strconv.Itoa(i) + `}}`
		clients[b].WriteMessage(websocket.TextMessage, []byte(answer))
	}
	for i := 0; i < pairs; i++ {
		a, b := 2*i, 2*i+1
		want := `{"type":"ANSWER","src":"c` + strconv.Itoa(b) + `","dst":"c` + strconv.Itoa(a) + `","payload":{"n":` + strconv.Itoa(i) + `}}`
		if _, got, err := clients[a].ReadMessage(); err != nil || string(got) != want {
			t.Fatalf("pair %d: got %s (%v), want %s", i, got, err, want)
		}
	}
}
