package client

import (
	"net"
	"testing"
	"time"

	"earlynode/modules/binarypack"
	"earlynode/modules/peerjs/server"
)

// benchPair is two open Peers on loopback through our PeerServer, with
// channels fed by their events.
type benchPair struct {
	alice, bob *Peer
	open       chan *DataConnection // ConnectionOpen of either side
	incoming   chan *DataConnection // bob's Connection
	data       chan Message         // bob's ConnectionData
	aliceData  chan Message         // alice's ConnectionData
}

func newBenchPair(b *testing.B) *benchPair {
	b.Helper()
	s, err := server.New(server.Options{})
	if err != nil {
		b.Fatal(err)
	}
	addr, err := s.Listen("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	opts := localOptions(addr.(*net.TCPAddr).Port)
	p := &benchPair{
		open: make(chan *DataConnection, 16), incoming: make(chan *DataConnection, 16),
		data: make(chan Message, 1<<16), aliceData: make(chan Message, 1<<16),
	}
	opened := make(chan string, 2)
	p.alice = NewPeer("alice", opts, Events{
		Open:           func(id string) { opened <- id },
		ConnectionOpen: func(c *DataConnection) { p.open <- c },
		ConnectionData: func(c *DataConnection, m Message) { p.aliceData <- m },
	})
	p.bob = NewPeer("bob", opts, Events{
		Open:           func(id string) { opened <- id },
		Connection:     func(c *DataConnection) { p.incoming <- c },
		ConnectionOpen: func(c *DataConnection) { p.open <- c },
		ConnectionData: func(c *DataConnection, m Message) { p.data <- m },
	})
	b.Cleanup(p.alice.Destroy)
	b.Cleanup(p.bob.Destroy)
	<-opened
	<-opened
	return p
}

// connect dials bob and waits until alice's side is open.
func (p *benchPair) connect(b *testing.B, ser string) *DataConnection {
	b.Helper()
	c, err := p.alice.Connect("bob", ConnectOptions{Serialization: ser, Reliable: true})
	if err != nil {
		b.Fatal(err)
	}
	<-p.incoming
	timeout := time.After(20 * time.Second)
	for {
		select {
		case o := <-p.open:
			if o == c {
				return c
			}
		case <-timeout:
			b.Fatal("connection did not open")
		}
	}
}

// BenchmarkConnectToOpen measures connect() until the dialling side's open
// over loopback, one connection per iteration (the goal: < 100 ms).
func BenchmarkConnectToOpen(b *testing.B) {
	p := newBenchPair(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := p.connect(b, "binary")
		b.StopTimer()
		c.Close()
		b.StartTimer()
	}
}

// BenchmarkSmallMessages measures one-way binary messages of a short
// string, sent and received.
func BenchmarkSmallMessages(b *testing.B) {
	p := newBenchPair(b)
	c := p.connect(b, "binary")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := c.Send("hello, peer"); err != nil {
			b.Fatal(err)
		}
		if i%1024 == 1023 {
			for j := 0; j < 1024; j++ {
				<-p.data
			}
		}
	}
	for j := 0; j < b.N%1024; j++ {
		<-p.data
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msg/s")
}

// BenchmarkMiBMessages measures 1 MiB binary messages (chunked), sent and
// reassembled; SetBytes makes go test print MB/s.
func BenchmarkMiBMessages(b *testing.B) {
	p := newBenchPair(b)
	c := p.connect(b, "binary")
	payload := pattern(1 << 20)
	b.SetBytes(int64(len(payload)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := c.Send(payload); err != nil {
			b.Fatal(err)
		}
		if i%4 == 3 {
			for j := 0; j < 4; j++ {
				<-p.data
			}
		}
	}
	for j := 0; j < b.N%4; j++ {
		<-p.data
	}
}

// BenchmarkBinaryCodecMiB measures the codec alone on 1 MiB messages:
// chunking what the binding packs (binarypack.Packed) on one side,
// reassembling and decoding on the other.
func BenchmarkBinaryCodecMiB(b *testing.B) {
	packed, err := binarypack.Encode(pattern(1 << 20))
	if err != nil {
		b.Fatal(err)
	}
	tx, rx := newCodec(SerializationBinary), newCodec(SerializationBinary)
	b.SetBytes(1 << 20)
	b.ReportAllocs()
	for b.Loop() {
		frames, err := tx.encode(binarypack.Packed(packed))
		if err != nil {
			b.Fatal(err)
		}
		var got *Message
		for _, f := range frames {
			// pion hands each received message over in a buffer of its own.
			if got, _, err = rx.decode(frame{data: append([]byte(nil), f.data...)}); err != nil {
				b.Fatal(err)
			}
		}
		if got == nil || len(got.Value.([]byte)) != 1<<20 {
			b.Fatal("no whole message")
		}
	}
}
