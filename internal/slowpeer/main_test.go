package slowpeer_test

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestMain removes the node binary the tests built.
func TestMain(m *testing.M) { testenv.Main(m) }

// rssBound is the most a server may hold while one peer does not read, with the default
// 64 MiB write limit: the queue, its copies in flight and the runtime's own.
var rssBound = boundMB(300)

// boundMB returns n MB, or $SLOWPEER_RSS_MB when set: a larger bound lets one measure how far
// a server without the limits grows before it is killed.
func boundMB(n int64) int64 {
	if v, err := strconv.ParseInt(os.Getenv("SLOWPEER_RSS_MB"), 10, 64); err == nil && v > 0 {
		n = v
	}
	return n << 20
}

// startScript runs testdata/NAME.js on the built binary with args and waits for its
// "listening" line.
func startScript(t *testing.T, name string, args ...string) *testenv.Proc {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("testdata", name+".js"))
	if err != nil {
		t.Fatal(err)
	}
	p := testenv.Start(t, name, t.TempDir(), testenv.Node(t), append([]string{script}, args...)...)
	p.WaitLines(t, 30*time.Second, "listening")
	return p
}

// floodWithoutReading connects to addr and writes piece over and over, never reading, until
// the connection fails (the server closed it) or the test ends; conn is the connection.
func floodWithoutReading(t *testing.T, network, addr string, piece []byte) (conn net.Conn, done <-chan error) {
	t.Helper()
	c, err := net.Dial(network, addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	ch := make(chan error, 1)
	go func() {
		for {
			if _, err := c.Write(piece); err != nil {
				ch <- err
				return
			}
		}
	}()
	return c, ch
}

// rssReturns waits until the process's RSS is back under bound, once the connection that had
// queued much is closed (the runtime gives memory back when idle).
func rssReturns(t *testing.T, p *testenv.Proc, bound int64) {
	t.Helper()
	var last int64
	if !testenv.Poll(60*time.Second, func() bool {
		n, err := testenv.RSS(p.Pid())
		last = n
		return err == nil && n < bound
	}) {
		t.Fatalf("%s: RSS still %d MB a minute after the connection closed, want under %d MB", p.Name, last>>20, bound>>20)
	}
	t.Logf("%s: RSS back to %d MB", p.Name, last>>20)
}

// echoOnce sends msg on a new connection to addr and reads it back: a well-behaved client.
func echoOnce(t *testing.T, network, addr string, msg []byte) {
	t.Helper()
	c, err := net.Dial(network, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(30 * time.Second))
	if _, err := c.Write(msg); err != nil {
		t.Fatal(err)
	}
	got := make([]byte, len(msg))
	if _, err := io.ReadFull(c, got); err != nil || string(got) != string(msg) {
		t.Fatalf("well-behaved client: read %q, %v; want %q", got, err, msg)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
