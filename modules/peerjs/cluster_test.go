package peerjs_test

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"

	"earlynode/internal/testenv"
)

func TestMain(m *testing.M) { testenv.Main(m) }

func testdata(name string) string {
	return filepath.Join(testenv.Root(), "modules", "peerjs", "testdata", name)
}

// clusterServer starts an earlynode PeerServer process in the cluster described by cluster.
func clusterServer(t *testing.T, name string, cluster map[string]any) (*testenv.Proc, int) {
	t.Helper()
	port := testenv.FreePort(t)
	js, _ := json.Marshal(cluster)
	p := testenv.Start(t, name, t.TempDir(), testenv.Node(t), testdata("cluster_server.js"), strconv.Itoa(port), string(js))
	p.WaitLines(t, 20*time.Second, "listening")
	return p, port
}

// peer starts an earlynode Peer process (cluster_peer.js).
func peer(t *testing.T, port int, args ...string) *testenv.Proc {
	t.Helper()
	return testenv.Start(t, args[1], t.TempDir(), testenv.Node(t), append([]string{testdata("cluster_peer.js"), strconv.Itoa(port)}, args...)...)
}

// TestPeersOnTwoClusterMembers: two PeerServer processes joined by NATS (the one a member
// embeds, and a NATS server of the test's own), earlynode Peers on different members open a
// DataConnection over WebRTC and exchange messages both ways; an id held on one member is
// taken on the other; with the test's NATS stopped and started again, the members find each
// other again.
func TestPeersOnTwoClusterMembers(t *testing.T) {
	setups := []struct {
		name    string
		cluster func(t *testing.T) (map[string]any, func(), func())
	}{
		{"embedded NATS", func(t *testing.T) (map[string]any, func(), func()) {
			return map[string]any{"listen": "127.0.0.1:" + strconv.Itoa(testenv.FreePort(t)), "name": "e2e"}, nil, nil
		}},
		{"NATS server of the test", func(t *testing.T) (map[string]any, func(), func()) {
			port := testenv.FreePort(t)
			var ns *natsserver.Server
			start := func() {
				var err error
				ns, err = natsserver.NewServer(&natsserver.Options{Host: "127.0.0.1", Port: port, NoLog: true, NoSigs: true})
				if err != nil {
					t.Fatal(err)
				}
				go ns.Start()
				if !ns.ReadyForConnections(10 * time.Second) {
					t.Fatal("NATS server not ready")
				}
			}
			start()
			t.Cleanup(func() { ns.Shutdown() })
			return map[string]any{"servers": []string{"nats://127.0.0.1:" + strconv.Itoa(port)}, "name": "e2e"},
				func() { ns.Shutdown() }, start
		}},
	}
	for _, setup := range setups {
		t.Run(setup.name, func(t *testing.T) {
			cluster, stopNATS, startNATS := setup.cluster(t)
			a, portA := clusterServer(t, "server A", cluster)
			b, portB := clusterServer(t, "server B", cluster)

			alice := peer(t, portA, "answer", "alice")
			alice.WaitLines(t, 20*time.Second, "open alice")
			bob := peer(t, portB, "call", "bob", "alice")
			bob.WaitLines(t, 30*time.Second, `bob got {"echo":{"from":"bob","text":"hello across the cluster"}}`)
			alice.WaitLines(t, 5*time.Second, `alice got {"from":"bob","text":"hello across the cluster"}`)
			bob.Wait(t, 10*time.Second)

			thief := peer(t, portB, "claim", "alice")
			thief.WaitLines(t, 20*time.Second, "error unavailable-id")
			thief.Wait(t, 10*time.Second)

			if stopNATS != nil {
				stopNATS()
				startNATS()
				carol := peer(t, portB, "call", "carol", "alice")
				carol.WaitLines(t, 30*time.Second, `carol got {"echo":{"from":"carol","text":"hello across the cluster"}}`)
			}
			a.Kill()
			b.Kill()
		})
	}
}
