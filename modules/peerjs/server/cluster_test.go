package server

import (
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"

	"earlynode/internal/testenv"
)

// startNATS runs a NATS server on port (0: a free one) for the test; stop it with Shutdown.
func startNATS(t *testing.T, port int) (*natsserver.Server, int) {
	t.Helper()
	if port == 0 {
		port = testenv.FreePort(t)
	}
	ns, err := natsserver.NewServer(&natsserver.Options{Host: "127.0.0.1", Port: port, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("NATS server not ready")
	}
	t.Cleanup(ns.Shutdown)
	return ns, port
}

// member starts a PeerServer in the cluster c.
func member(t *testing.T, c ClusterOptions, o Options) (*Server, string) {
	t.Helper()
	c.Helper = testenv.NATSHelper(t)
	o.Cluster = &c
	return startServer(t, o)
}

// knows waits until s lists every id of ids (its own and the other members').
func knows(t *testing.T, s *Server, ids ...string) {
	t.Helper()
	testenv.Eventually(t, 10*time.Second, func() bool {
		have := strings.Join(s.ClientIDs(), ",")
		for _, id := range ids {
			if !strings.Contains(","+have+",", ","+id+",") {
				return false
			}
		}
		return true
	}, "server lists %v (has %v)", ids, s.ClientIDs())
}

// forgets waits until s no longer lists id.
func forgets(t *testing.T, s *Server, id string) {
	t.Helper()
	testenv.Eventually(t, 10*time.Second, func() bool {
		for _, have := range s.ClientIDs() {
			if have == id {
				return false
			}
		}
		return true
	}, "server forgets %s", id)
}

// TestClusterSignalling: clients on two members of one cluster (on an external NATS server,
// and on the server one member embeds) behave as clients of one `peer` server: messages are
// relayed across, an id is taken cluster-wide, messages queued for an absent id reach it
// after its OPEN wherever it registers, EXPIRE comes after expire_timeout, discovery lists
// every member's ids, LEAVE crosses.
func TestClusterSignalling(t *testing.T) {
	setups := []struct {
		name    string
		cluster func(t *testing.T) ClusterOptions
	}{
		{"external NATS", func(t *testing.T) ClusterOptions {
			_, port := startNATS(t, 0)
			return ClusterOptions{Servers: []string{"nats://127.0.0.1:" + strconv.Itoa(port)}, Name: "t1"}
		}},
		{"embedded NATS", func(t *testing.T) ClusterOptions {
			return ClusterOptions{Listen: "127.0.0.1:" + strconv.Itoa(testenv.FreePort(t)), Name: "t2"}
		}},
	}
	for _, setup := range setups {
		t.Run(setup.name, func(t *testing.T) {
			c := setup.cluster(t)
			opts := Options{AllowDiscovery: true, ExpireTimeout: 300 * time.Millisecond, CleanupInterval: 50 * time.Millisecond}
			a, addrA := member(t, c, opts)
			b, addrB := member(t, c, opts)
			alice := open(t, addrA, "alice")
			bob := open(t, addrB, "bob")
			knows(t, a, "alice", "bob")
			knows(t, b, "alice", "bob")

			// Relayed both ways, byte for byte as one server writes it.
			bob.send(`{"type":"OFFER","dst":"alice","payload":{"sdp":"x"}}`)
			alice.expect(`{"type":"OFFER","src":"bob","dst":"alice","payload":{"sdp":"x"}}`)
			alice.send(`{"type":"ANSWER","dst":"bob","payload":{"sdp":"y"}}`)
			bob.expect(`{"type":"ANSWER","src":"alice","dst":"bob","payload":{"sdp":"y"}}`)
			alice.send(`{"type":"CANDIDATE","dst":"bob","payload":{"c":1}}`)
			bob.expect(`{"type":"CANDIDATE","src":"alice","dst":"bob","payload":{"c":1}}`)

			// The id is taken on the other member too.
			thief := dialRaw(t, addrB, "/peerjs", map[string]string{"key": "peerjs", "id": "alice", "token": "other"})
			if frames := thief.expectClosed(); len(frames) != 1 || frames[0] != `{"type":"ID-TAKEN","payload":{"msg":"ID is taken"}}` {
				t.Fatalf("registering alice on B: frames %q", frames)
			}

			// Queued on B for carol, who registers on A.
			bob.send(`{"type":"OFFER","dst":"carol","payload":{"n":1}}`)
			waitQueued(t, b, "carol", 1)
			carol := open(t, addrA, "carol")
			carol.expect(`{"type":"OFFER","src":"bob","dst":"carol","payload":{"n":1}}`)

			// Discovery on either member lists everyone.
			knows(t, b, "carol")
			for _, addr := range []string{addrA, addrB} {
				res, err := http.Get("http://" + addr + "/peerjs/peers")
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if string(body) != `["alice","bob","carol"]` {
					t.Errorf("peers on %s = %s", addr, body)
				}
			}

			// EXPIRE for an id registered nowhere.
			bob.send(`{"type":"OFFER","dst":"dave","payload":{}}`)
			bob.expect(`{"type":"EXPIRE","src":"dave","dst":"bob"}`)

			// LEAVE crosses; a client that closes leaves the directory.
			alice.send(`{"type":"LEAVE","dst":"bob"}`)
			bob.expect(`{"type":"LEAVE","src":"alice","dst":"bob"}`)
			carol.conn.Close()
			forgets(t, b, "carol")
		})
	}
}

// TestClusterSurvivesLosingNATS: while NATS is down each member serves its own clients, and
// an id on the other member is unknown (its messages expire); when NATS is back the members
// find each other again.
func TestClusterSurvivesLosingNATS(t *testing.T) {
	ns, port := startNATS(t, 0)
	c := ClusterOptions{Servers: []string{"nats://127.0.0.1:" + strconv.Itoa(port)}, Name: "t3"}
	opts := Options{ExpireTimeout: 300 * time.Millisecond, CleanupInterval: 50 * time.Millisecond}
	a, addrA := member(t, c, opts)
	b, addrB := member(t, c, opts)
	alice := open(t, addrA, "alice")
	ann := open(t, addrA, "ann")
	bob := open(t, addrB, "bob")
	knows(t, a, "alice", "ann", "bob")
	knows(t, b, "alice", "ann", "bob")

	ns.Shutdown()
	forgets(t, b, "alice")
	forgets(t, a, "bob")
	alice.send(`{"type":"OFFER","dst":"ann","payload":{"local":true}}`)
	ann.expect(`{"type":"OFFER","src":"alice","dst":"ann","payload":{"local":true}}`)
	bob.send(`{"type":"OFFER","dst":"alice","payload":{}}`)
	bob.expect(`{"type":"EXPIRE","src":"alice","dst":"bob"}`)

	startNATS(t, port)
	knows(t, a, "alice", "ann", "bob")
	knows(t, b, "alice", "ann", "bob")
	bob.send(`{"type":"OFFER","dst":"alice","payload":{"back":true}}`)
	alice.expect(`{"type":"OFFER","src":"bob","dst":"alice","payload":{"back":true}}`)
}

func TestMain(m *testing.M) { testenv.Main(m) }

// TestEmbeddedNATSMovesWhenItsHostCloses: the member that ran the embedded NATS server closes;
// another member starts it and the cluster goes on.
func TestEmbeddedNATSMovesWhenItsHostCloses(t *testing.T) {
	c := ClusterOptions{Listen: "127.0.0.1:" + strconv.Itoa(testenv.FreePort(t)), Name: "t4"}
	host, _ := member(t, c, Options{})
	b, addrB := member(t, c, Options{})
	d, addrD := member(t, c, Options{})
	host.Close()
	testenv.Eventually(t, 10*time.Second, func() bool {
		conn, err := net.Dial("tcp", c.Listen)
		if err == nil {
			conn.Close()
		}
		return err == nil
	}, "the embedded NATS server runs again")
	bob := open(t, addrB, "bob")
	dan := open(t, addrD, "dan")
	knows(t, b, "bob", "dan")
	knows(t, d, "bob", "dan")
	dan.send(`{"type":"OFFER","dst":"bob","payload":{}}`)
	bob.expect(`{"type":"OFFER","src":"dan","dst":"bob","payload":{}}`)
}
