package peerjs_test

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"earlynode/internal/testenv"
)

// loadClients is how many signalling clients TestClusterLoad connects: 1,000 in a normal run,
// 10,000 in soak mode (EARLYNODE_SOAK=1, as internal/soak).
func loadClients() int {
	if os.Getenv("EARLYNODE_SOAK") == "1" {
		return 10000
	}
	return 1000
}

// raiseFileLimit makes room for n more descriptors in this process (and in the node processes
// it starts, which inherit the limit), or fails the test when the hard limit does not allow it.
func raiseFileLimit(t *testing.T, n uint64) {
	t.Helper()
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	want := n + 512 // the test's own files, pipes and the servers' listeners
	if uint64(lim.Cur) >= want {
		return
	}
	if uint64(lim.Max) < want {
		t.Fatalf("RLIMIT_NOFILE hard limit %d < %d descriptors for %d clients (ulimit -Hn)", lim.Max, want, n)
	}
	setLimit(&lim.Cur, want)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
}

// setLimit sets an rlimit field, uint64 on Linux and int64 on the BSDs (where infinity is
// -1, which reads as the largest uint64 above).
func setLimit[T int64 | uint64](field *T, v uint64) { *field = T(v) }

// dialSignalling connects a PeerJS signalling client with id to the PeerServer at addr and
// waits for its OPEN.
func dialSignalling(addr, id string) (*websocket.Conn, error) {
	c, _, err := websocket.DefaultDialer.Dial("ws://"+addr+"/peerjs?key=peerjs&id="+id+"&token=t"+id+"&version=1.5.5", nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", id, err)
	}
	c.SetReadDeadline(time.Now().Add(60 * time.Second))
	if _, b, err := c.ReadMessage(); err != nil || string(b) != `{"type":"OPEN"}` {
		c.Close()
		return nil, fmt.Errorf("%s: no OPEN: %s %v", id, b, err)
	}
	return c, nil
}

// TestClusterLoad: signalling clients (loadClients) spread over a 2-member cluster (two
// PeerServer processes, NATS embedded by one), in pairs with one client on each member; in
// every pair one side sends an OFFER (from A in even pairs, from B in odd ones) and the other
// answers it with an ANSWER, all pairs at once: every message crosses the cluster, and none is
// lost or altered.
func TestClusterLoad(t *testing.T) {
	n := loadClients()
	pairs := n / 2
	raiseFileLimit(t, uint64(n))
	cluster := map[string]any{"listen": "127.0.0.1:" + strconv.Itoa(testenv.FreePort(t)), "name": "load"}
	_, portA := clusterServer(t, "server A", cluster)
	_, portB := clusterServer(t, "server B", cluster)
	addrs := [2]string{"127.0.0.1:" + strconv.Itoa(portA), "127.0.0.1:" + strconv.Itoa(portB)}

	// clients[m][i] is pair i's client on member m, id "m<m>-<i>".
	var clients [2][]*websocket.Conn
	for m := range clients {
		clients[m] = make([]*websocket.Conn, pairs)
	}
	id := func(m, i int) string { return "m" + strconv.Itoa(m) + "-" + strconv.Itoa(i) }
	began := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	const dialers = 32
	for d := 0; d < dialers; d++ {
		wg.Add(1)
		go func(d int) {
			defer wg.Done()
			for k := d; k < n; k += dialers {
				m, i := k%2, k/2
				c, err := dialSignalling(addrs[m], id(m, i))
				if err != nil {
					errs <- err
					return
				}
				clients[m][i] = c
			}
		}(d)
	}
	wg.Wait()
	t.Cleanup(func() {
		for _, cs := range clients {
			for _, c := range cs {
				if c != nil {
					c.Close()
				}
			}
		}
	})
	select {
	case err := <-errs:
		t.Fatal(err)
	default:
	}
	for _, addr := range addrs {
		testenv.Eventually(t, 60*time.Second, func() bool { return len(peers(addr)) == n }, "%s lists all %d clients", addr, n)
	}
	t.Logf("%d clients connected and known to both members in %v", n, time.Since(began).Round(time.Millisecond))

	began = time.Now()
	for i := 0; i < pairs; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			from, to := i%2, 1-i%2 // even pairs offer from A, odd ones from B
			offerer, answerer := clients[from][i], clients[to][i]
			src, dst := id(from, i), id(to, i)
			payload := `{"sdp":{"type":"offer","sdp":"v=0 ` + strconv.Itoa(i) + `"},"type":"data","connectionId":"dc_` + strconv.Itoa(i) + `"}`
			if err := offerer.WriteMessage(websocket.TextMessage, []byte(`{"type":"OFFER","dst":"`+dst+`","payload":`+payload+`}`)); err != nil {
				errs <- fmt.Errorf("pair %d: %v", i, err)
				return
			}
			answerer.SetReadDeadline(time.Now().Add(60 * time.Second))
			want := `{"type":"OFFER","src":"` + src + `","dst":"` + dst + `","payload":` + payload + `}`
			if _, got, err := answerer.ReadMessage(); err != nil || string(got) != want {
				errs <- fmt.Errorf("pair %d: %s got %s (%v), want %s", i, dst, got, err, want)
				return
			}
			if err := answerer.WriteMessage(websocket.TextMessage, []byte(`{"type":"ANSWER","dst":"`+src+`","payload":{"n":`+strconv.Itoa(i)+`}}`)); err != nil {
				errs <- fmt.Errorf("pair %d: %v", i, err)
				return
			}
			offerer.SetReadDeadline(time.Now().Add(60 * time.Second))
			want = `{"type":"ANSWER","src":"` + dst + `","dst":"` + src + `","payload":{"n":` + strconv.Itoa(i) + `}}`
			if _, got, err := offerer.ReadMessage(); err != nil || string(got) != want {
				errs <- fmt.Errorf("pair %d: %s got %s (%v), want %s", i, src, got, err, want)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	lost := 0
	for err := range errs {
		if lost < 10 {
			t.Error(err)
		}
		lost++
	}
	if lost > 0 {
		t.Fatalf("%d of %d pairs failed", lost, pairs)
	}
	t.Logf("%d OFFERs and %d ANSWERs crossed the cluster in %v", pairs, pairs, time.Since(began).Round(time.Millisecond))
}
