// Command ceiling is the Go ceiling of the PeerJS 1 MiB benchmark (scripts/bench/peerjs.sh):
// plain pion/webrtc, no JavaScript and no PeerJS codec. Two PeerConnections in this process
// open one ordered, reliable data channel over loopback (a PeerJS DataConnection with
// reliable: true), and one side sends N messages of 1 MiB, each cut into the data channel
// messages of PeerJS's "binary" serialization (16,300 bytes), with the flow control of
// earlynode's DataConnection (send while the channel's backlog is at most 8 MiB; the
// backlog-low callback at 4 MiB resumes). It prints MB/s (10^6 bytes) from the first send to
// the last byte received, after one message of warm-up, as ours.js and node.js do.
//
// pion is set up as earlynode's Peer sets it up (loopback host candidates, no mDNS, and
// client.TuneSettingEngine), and the garbage collector as cmd/node sets it (GOGC 400), so
// that the figure says what pion allows earlynode; -defaults leaves out
// client.TuneSettingEngine. The data path is pion's alone.
//
//	go run ./scripts/bench/peerjs/ceiling [-n 50] [-chunk 16300] [-defaults]
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/pion/ice/v4"
	"github.com/pion/webrtc/v4"

	"earlynode/modules/peerjs/client"
)

const (
	messageSize   = 1 << 20
	highWater     = 8 << 20 // earlynode's maxBufferedAmount
	lowWater      = highWater / 2
	setupDeadline = 30 * time.Second
)

func main() {
	n := flag.Int("n", 50, "messages of 1 MiB to time")
	chunk := flag.Int("chunk", 16300, "bytes per data channel message")
	defaults := flag.Bool("defaults", false, "pion's default SettingEngine instead of earlynode's settings")
	flag.Parse()
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400) // as cmd/node runs
	}
	mbps, err := run(newAPI(*defaults), *n, *chunk)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ceiling:", err)
		os.Exit(1)
	}
	fmt.Printf("%.2f\n", mbps)
}

// newAPI returns pion with host candidates on loopback and no mDNS (what iceServers: [] on
// one machine needs) and, unless defaults, earlynode's tuning.
func newAPI(defaults bool) *webrtc.API {
	se := webrtc.SettingEngine{}
	se.SetIncludeLoopbackCandidate(true)
	se.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	if !defaults {
		client.TuneSettingEngine(&se)
	}
	return webrtc.NewAPI(webrtc.WithSettingEngine(se))
}

// run connects two PeerConnections, warms up with one message, then times n.
func run(api *webrtc.API, n, chunk int) (float64, error) {
	a, err := api.NewPeerConnection(webrtc.Configuration{})
	if err != nil {
		return 0, err
	}
	defer a.Close()
	b, err := api.NewPeerConnection(webrtc.Configuration{})
	if err != nil {
		return 0, err
	}
	defer b.Close()
	a.OnICECandidate(func(c *webrtc.ICECandidate) {
		if c != nil {
			_ = b.AddICECandidate(c.ToJSON())
		}
	})
	b.OnICECandidate(func(c *webrtc.ICECandidate) {
		if c != nil {
			_ = a.AddICECandidate(c.ToJSON())
		}
	})

	// The receiver counts bytes and reports each whole message (the warm-up's too).
	got := make(chan struct{}, n+1)
	b.OnDataChannel(func(dc *webrtc.DataChannel) {
		var have int
		dc.OnMessage(func(m webrtc.DataChannelMessage) {
			have += len(m.Data)
			for have >= messageSize {
				have -= messageSize
				got <- struct{}{}
			}
		})
	})

	ordered := true
	dc, err := a.CreateDataChannel("dc_ceiling", &webrtc.DataChannelInit{Ordered: &ordered})
	if err != nil {
		return 0, err
	}
	opened := make(chan struct{})
	dc.OnOpen(func() { close(opened) })
	if err := negotiate(a, b); err != nil {
		return 0, err
	}
	select {
	case <-opened:
	case <-time.After(setupDeadline):
		return 0, errors.New("the data channel did not open")
	}

	s := newSender(dc, chunk)
	if err := s.send(1); err != nil {
		return 0, err
	}
	<-got
	t0 := time.Now()
	if err := s.send(n); err != nil {
		return 0, err
	}
	for i := 0; i < n; i++ {
		<-got
	}
	return float64(n) * messageSize / 1e6 / time.Since(t0).Seconds(), nil
}

// negotiate runs the offer and the answer between a and b.
func negotiate(a, b *webrtc.PeerConnection) error {
	offer, err := a.CreateOffer(nil)
	if err != nil {
		return err
	}
	if err := a.SetLocalDescription(offer); err != nil {
		return err
	}
	if err := b.SetRemoteDescription(offer); err != nil {
		return err
	}
	answer, err := b.CreateAnswer(nil)
	if err != nil {
		return err
	}
	if err := b.SetLocalDescription(answer); err != nil {
		return err
	}
	return a.SetRemoteDescription(answer)
}

// sender writes 1 MiB messages in chunks with the backlog limit of earlynode's
// DataConnection.
type sender struct {
	dc    *webrtc.DataChannel
	chunk int
	msg   []byte
	mu    sync.Mutex
	low   *sync.Cond // signalled when the backlog drops to lowWater
}

func newSender(dc *webrtc.DataChannel, chunk int) *sender {
	s := &sender{dc: dc, chunk: chunk, msg: make([]byte, messageSize)}
	for i := range s.msg {
		s.msg[i] = byte(i * 7)
	}
	s.low = sync.NewCond(&s.mu)
	dc.SetBufferedAmountLowThreshold(lowWater)
	dc.OnBufferedAmountLow(func() {
		s.mu.Lock()
		s.low.Broadcast()
		s.mu.Unlock()
	})
	return s
}

// send writes k messages, waiting while the backlog is over highWater.
func (s *sender) send(k int) error {
	for i := 0; i < k; i++ {
		for off := 0; off < len(s.msg); off += s.chunk {
			s.mu.Lock()
			for s.dc.BufferedAmount() > highWater {
				s.low.Wait()
			}
			s.mu.Unlock()
			if err := s.dc.Send(s.msg[off:min(off+s.chunk, len(s.msg))]); err != nil {
				return err
			}
		}
	}
	return nil
}
