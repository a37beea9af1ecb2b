package slowpeer_test

import (
	"bytes"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestTCPEchoToAPeerThatDoesNotRead: node.tcp's `send` has no backpressure, so an echo server
// whose client sends without reading would queue the echo for ever. The connection must get
// `error` naming the 64 MiB limit and close, the server's RSS stay bounded, memory come back
// afterwards and another client still be served.
func TestTCPEchoToAPeerThatDoesNotRead(t *testing.T) {
	port := testenv.FreePort(t)
	p := startScript(t, "tcp_echo", itoa(port))
	addr := "127.0.0.1:" + itoa(port)
	w := testenv.WatchRSS(t, p, rssBound)
	_, done := floodWithoutReading(t, "tcp", addr, bytes.Repeat([]byte("x"), 64<<10))
	p.WaitLines(t, 60*time.Second, "error: write queue over 64 MiB limit: peer is not reading", "disconnect true")
	<-done
	w.Stop(t)
	echoOnce(t, "tcp", addr, []byte("still served"))
	rssReturns(t, p, 64<<20)
}
