package netpoll

import (
	"crypto/tls"
	"errors"
	"strings"
	"testing"

	"earlynode/loop"
)

// TestWriteLimitRefusesWhatAPeerDoesNotRead: a real peer that never reads; the stream writes
// 256 KiB pieces, far more than the socket buffers and the limit hold. The write that would
// queue past the limit fails with a WriteLimitError naming the limit, the stream is aborted
// with it (End reports it) and nothing more than the limit stays queued.
func TestWriteLimitRefusesWhatAPeerDoesNotRead(t *testing.T) {
	tests := []struct {
		name  string
		limit int
		want  string
	}{
		{"2 MiB", 2 << 20, "write queue over 2 MiB limit: peer is not reading"},
		{"300 KiB", 300 << 10, "write queue over 300 KiB limit: peer is not reading"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fd, _ := pair(t) // the peer never reads
			r := &recorder{}
			var writeErr error
			writes, most := 0, 0
			run(t, fd, r, func(l *loop.Loop, s *Stream) {
				s.SetWriteLimit(tt.limit)
				piece := pattern(256<<10, 1)
				for writes = 0; writes < 400 && writeErr == nil; writes++ {
					writeErr = s.Write(piece)
					most = max(most, s.Pending())
				}
			})
			var le *WriteLimitError
			if !errors.As(writeErr, &le) || le.Limit != tt.limit || writeErr.Error() != tt.want {
				t.Fatalf("after %d writes: Write returned %v, want %q", writes, writeErr, tt.want)
			}
			if most > tt.limit {
				t.Errorf("queued %d bytes, more than the %d limit", most, tt.limit)
			}
			if r.ends != 1 || !errors.As(r.endErr, &le) {
				t.Fatalf("End called %d times with %v, want once with the limit's error", r.ends, r.endErr)
			}
		})
	}
}

// TestWriteLimitCoversTLS: a TLSConn's records go to its stream's queue, so the same limit
// stops a TLS peer that completed its handshake and then never reads.
func TestWriteLimitCoversTLS(t *testing.T) {
	fd, peer := pair(t)
	go func() {
		tc := tls.Server(peer, serverConf(t, tls.VersionTLS13))
		tc.Handshake() // then it never reads
	}()
	r := &recorder{}
	runTLS(t, fd, clientConf(t, tls.VersionTLS13), true, r, func(l *loop.Loop, c *TLSConn) {
		c.SetWriteLimit(1 << 20)
		piece := pattern(256<<10, 2)
		for i := 0; i < 32; i++ { // 8 MiB, sent once the handshake is done
			if err := c.Write(piece); err != nil {
				t.Errorf("write %d before the handshake: %v", i, err)
			}
		}
	})
	if r.ends != 1 || r.endErr == nil || !strings.Contains(r.endErr.Error(), "over 1 MiB limit") {
		t.Fatalf("End called %d times with %v, want once with the 1 MiB limit's error", r.ends, r.endErr)
	}
}

// TestWriteLimitDefaultAppliesToNewStreams: SetDefaultWriteLimit changes the limit streams are
// made with, and 0 means none.
func TestWriteLimitDefaultAppliesToNewStreams(t *testing.T) {
	defer SetDefaultWriteLimit(DefaultWriteLimit)
	for _, n := range []int{DefaultWriteLimit, 5 << 20, 0} {
		SetDefaultWriteLimit(n)
		fd, _ := pair(t)
		var got int
		run(t, fd, &recorder{}, func(l *loop.Loop, s *Stream) {
			got = s.WriteLimit()
			s.Abort(nil)
		})
		if got != n {
			t.Errorf("after SetDefaultWriteLimit(%d) a new stream's limit is %d", n, got)
		}
	}
}

func TestFormatBytes(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{64 << 20, "64 MiB"}, {1 << 30, "1 GiB"}, {512 << 10, "512 KiB"}, {100, "100 bytes"}, {(3 << 20) + 1, "3.0 MiB"}} {
		if got := FormatBytes(tt.n); got != tt.want {
			t.Errorf("FormatBytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
