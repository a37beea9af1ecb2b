// Command clusterload is the load generator of scripts/bench/cluster.sh: PeerJS signalling
// clients (gorilla/websocket) split between two PeerServer addresses, in pairs with one client
// on each address, so that every message crosses from one member of a cluster to the other
// (two addresses of one server measure the same work without a cluster).
//
//	clusterload -a 127.0.0.1:9000 -b 127.0.0.1:9001 -pairs 500 -msgs 100000 -pings 500
//
// connects the clients, waits for each one's OPEN and for the server at -b to list them all
// (GET /peerjs/peers, allow_discovery), then measures
//   - latency: -pings OFFERs, one at a time, from the first client on -a to its partner on -b,
//     each timed from its write to its arrival; the median, in ms;
//   - rate: -msgs OFFERs sent by the clients on -a to their partners, all at once, until the
//     partners have them all; messages per second.
//
// The last line of stdout is "MEDIAN_LATENCY_MS MSGS_PER_SECOND".
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

var (
	addrA = flag.String("a", "", "host:port of the first PeerServer")
	addrB = flag.String("b", "", "host:port of the second PeerServer (the same as -a: one server)")
	pairs = flag.Int("pairs", 500, "client pairs")
	msgs  = flag.Int("msgs", 100000, "OFFERs for the rate")
	pings = flag.Int("pings", 500, "OFFERs for the latency")
)

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "clusterload: "+format+"\n", args...)
	os.Exit(1)
}

func dial(addr, id string) *websocket.Conn {
	u := "ws://" + addr + "/peerjs?key=peerjs&id=" + id + "&token=t" + id + "&version=1.5.5"
	c, _, err := websocket.DefaultDialer.Dial(u, nil)
	if err != nil {
		fail("dial %s: %v", u, err)
	}
	c.SetReadDeadline(time.Now().Add(60 * time.Second))
	if _, b, err := c.ReadMessage(); err != nil || string(b) != `{"type":"OPEN"}` {
		fail("%s: no OPEN: %s %v", id, b, err)
	}
	return c
}

func main() {
	flag.Parse()
	senders := make([]*websocket.Conn, *pairs)
	receivers := make([]*websocket.Conn, *pairs)
	for i := 0; i < *pairs; i++ {
		senders[i] = dial(*addrA, "s"+strconv.Itoa(i))
		receivers[i] = dial(*addrB, "r"+strconv.Itoa(i))
	}
	for deadline := time.Now().Add(30 * time.Second); ; {
		res, err := http.Get("http://" + *addrB + "/peerjs/peers")
		var ids []string
		if err == nil {
			json.NewDecoder(res.Body).Decode(&ids)
			res.Body.Close()
		}
		if len(ids) == 2**pairs {
			break
		}
		if time.Now().After(deadline) {
			fail("the server at %s lists %d clients, not %d", *addrB, len(ids), 2**pairs)
		}
		time.Sleep(20 * time.Millisecond)
	}

	offer := func(i, n int) []byte {
		return []byte(`{"type":"OFFER","dst":"r` + strconv.Itoa(i) + `","payload":{"sdp":{"type":"offer","sdp":"v=0"},"type":"data","connectionId":"dc_` + strconv.Itoa(n) + `"}}`)
	}
	lat := make([]float64, 0, *pings)
	for k := 0; k < *pings; k++ {
		start := time.Now()
		senders[0].WriteMessage(websocket.TextMessage, offer(0, k))
		receivers[0].SetReadDeadline(time.Now().Add(10 * time.Second))
		if _, _, err := receivers[0].ReadMessage(); err != nil {
			fail("latency OFFER %d: %v", k, err)
		}
		lat = append(lat, float64(time.Since(start).Microseconds())/1000)
	}
	sort.Float64s(lat)

	per := *msgs / *pairs
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < *pairs; i++ {
		wg.Add(2)
		go func(i int) {
			defer wg.Done()
			for k := 0; k < per; k++ {
				if err := senders[i].WriteMessage(websocket.TextMessage, offer(i, k)); err != nil {
					fail("send: %v", err)
				}
			}
		}(i)
		go func(i int) {
			defer wg.Done()
			receivers[i].SetReadDeadline(time.Now().Add(120 * time.Second))
			for k := 0; k < per; k++ {
				if _, _, err := receivers[i].ReadMessage(); err != nil {
					fail("receiver %d got %d of %d: %v", i, k, per, err)
				}
			}
		}(i)
	}
	wg.Wait()
	rate := float64(per**pairs) / time.Since(start).Seconds()
	fmt.Fprintf(os.Stderr, "latency median %.3f ms (p90 %.3f ms), %d messages at %.0f msg/s\n", lat[len(lat)/2], lat[len(lat)*9/10], per**pairs, rate)
	fmt.Printf("%.3f %.0f\n", lat[len(lat)/2], rate)
}
