package websocket

import (
	"fmt"
	"io"
	"net"
	"testing"
	"time"

	"earlynode/loop/netpoll"
	"earlynode/modules/http/wire"
)

// TestListenHeadDeadline: an upgrade request whose head trickles in (a line every 20 ms, each
// resetting the idle timer) is answered 408 and closed once Service.HeadTimeout passes.
func TestListenHeadDeadline(t *testing.T) {
	tests := []struct {
		name  string
		first string // written at once
		drip  string // then written every 20 ms
	}{
		{"nothing sent", "", ""},
		{"an upgrade head a header at a time", "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\n", "X-Slow: y\r\n"},
		{"a request line a byte at a time", "G", "E"},
	}
	if DefaultHeadTimeout != 60*time.Second {
		t.Errorf("DefaultHeadTimeout %v, want 60s (node.http's headersTimeout)", DefaultHeadTimeout)
	}
	tl := startLoop(t)
	var port int
	tl.do(func() {
		ln, err := Listen(tl.l, "127.0.0.1", 0, Service{
			HeadTimeout: 250 * time.Millisecond,
			Upgrade: func(st *netpoll.Stream, head *wire.Head, buffered []byte) error {
				Refuse(st, 404, "", nil)
				return nil
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		port = ln.Port()
		t.Cleanup(func() { tl.do(ln.Close) })
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			start := time.Now()
			c.Write([]byte(tt.first))
			stop := make(chan struct{})
			defer close(stop)
			if tt.drip != "" {
				go func() {
					tick := time.NewTicker(20 * time.Millisecond)
					defer tick.Stop()
					for {
						select {
						case <-stop:
							return
						case <-tick.C:
							if _, err := c.Write([]byte(tt.drip)); err != nil {
								return
							}
						}
					}
				}()
			}
			c.SetReadDeadline(time.Now().Add(20 * time.Second))
			got, err := io.ReadAll(c)
			want := "HTTP/1.1 408 Request Time-out\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
			if string(got) != want {
				t.Fatalf("got %q, %v; want %q", got, err, want)
			}
			if took := time.Since(start); took < 200*time.Millisecond {
				t.Errorf("answered after %v, before the deadline", took)
			}
		})
	}
}
