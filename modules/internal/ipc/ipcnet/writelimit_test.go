package ipcnet

import (
	"crypto/tls"
	"errors"
	"net"
	"testing"
	"time"

	"earlynode/loop"
	"earlynode/loop/netpoll"
)

// TestWritesWaitingForATLSHandshakeAreBounded: a TLS client whose server accepts the TCP
// connection and never answers the handshake keeps what is written waiting; past the write
// limit the connection fails with an error naming it, rather than holding every write.
func TestWritesWaitingForATLSHandshakeAreBounded(t *testing.T) {
	defer netpoll.SetDefaultWriteLimit(netpoll.DefaultWriteLimit)
	netpoll.SetDefaultWriteLimit(1 << 20)
	ln, err := net.Listen("tcp", "127.0.0.1:0") // the kernel accepts; nobody handshakes
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	l := loop.New(0)
	var events []string
	var cerr error
	c := Dial(l, DialOptions{Network: "tcp", Address: ln.Addr().String(), TLS: &tls.Config{ServerName: "127.0.0.1"}},
		copyChunk, &errCatcher{recorder: &recorder{name: "client", log: &events}, err: &cerr})
	piece := make([]byte, 256<<10)
	writes := 0
	var tick func() error
	tick = func() error {
		if c.Destroyed() || writes > 400 {
			return nil
		}
		c.Write(piece)
		writes++
		l.SetTimer(time.Millisecond, tick)
		return nil
	}
	l.Post(tick)
	runLoop(t, l)
	var op *OpError
	var le *netpoll.WriteLimitError
	if !errors.As(cerr, &op) || !errors.As(cerr, &le) || op.Message() != "write queue over 1 MiB limit: peer is not reading" {
		t.Fatalf("after %d writes: error %v, want an error naming the 1 MiB limit", writes, cerr)
	}
}
