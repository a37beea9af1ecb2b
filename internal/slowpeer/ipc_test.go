package slowpeer_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestIPCEchoToAPeerThatDoesNotRead: socket-ipc's `send` and node-ipc's `emit` have no
// backpressure, so an echo server whose client sends without reading would queue its answers
// for ever. The connection must get an error naming the 64 MiB limit and close, the server's
// RSS stay bounded, memory come back afterwards and another client still be served.
func TestIPCEchoToAPeerThatDoesNotRead(t *testing.T) {
	payload := strings.Repeat("x", 64<<10)
	tests := []struct {
		name, script  string
		frame, small  string
		errLine, more string
	}{
		{"socket-ipc", "socketipc_echo",
			`{"topic":"echo","message":"` + payload + `"}` + "\x00\x00",
			`{"topic":"echo","message":"still served"}` + "\x00\x00",
			"error: write queue over 64 MiB limit: peer is not reading", ""},
		{"node-ipc", "nodeipc_echo",
			`{"type":"echo","data":"` + payload + `"}` + "\f",
			`{"type":"echo","data":"still served"}` + "\f",
			"error: write queue over 64 MiB limit: peer is not reading", "socket.disconnected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sock := filepath.Join(t.TempDir(), "echo.sock")
			p := startScript(t, tt.script, sock)
			w := testenv.WatchRSS(t, p, rssBound)
			_, done := floodWithoutReading(t, "unix", sock, []byte(tt.frame))
			want := []string{tt.errLine}
			if tt.more != "" {
				want = append(want, tt.more)
			}
			p.WaitLines(t, 60*time.Second, want...)
			<-done
			w.Stop(t)
			echoOnce(t, "unix", sock, []byte(tt.small))
			rssReturns(t, p, 64<<20)
		})
	}
}
