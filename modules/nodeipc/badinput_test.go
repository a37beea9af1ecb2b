package nodeipc_test

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestBadInput feeds our node-ipc server malformed JSON, JSON null, a message nested too deep,
// an endless frame and a reset connection: the first two become node-ipc's invalid-JSON 'error'
// event and the connection goes on (as in the real library), the deep one an 'error' event
// with a RangeError naming the limit, the connection going on too; the endless frame is cut at the size limit,
// reported, and that connection closed; the reset is a socket error. A well-behaved client is
// served throughout.
func TestBadInput(t *testing.T) {
	bin := testenv.Node(t)
	sock := filepath.Join(t.TempDir(), "bad.sock")
	server := testenv.Start(t, "server", filepath.Join(testenv.Root(), "testdata/nodeipc"), bin, "badinput_server.js", sock)
	server.WaitLines(t, 20*time.Second, "listening")
	dial := func() (*net.UnixConn, *bufio.Reader) {
		c, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: sock, Net: "unix"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c, bufio.NewReader(c)
	}
	good, goodR := dial()
	echo := func(c *net.UnixConn, r *bufio.Reader, n string) {
		t.Helper()
		c.Write([]byte(`{"type":"echo","data":` + n + "}\f"))
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		got, err := r.ReadString('\f')
		if want := `{"type":"echo","data":` + n + "}\f"; err != nil || got != want {
			t.Fatalf("echo: got %q %v, want %q", got, err, want)
		}
	}
	echo(good, goodR, "1")

	bad, badR := dial()
	bad.Write([]byte("garbage\f"))
	server.WaitLines(t, 10*time.Second, `error invalid JSON: response="garbage" err=SyntaxError socket=true`)
	bad.Write([]byte("null\f"))
	server.WaitLines(t, 10*time.Second, `error invalid JSON: response=null err=TypeError socket=true`)
	echo(bad, badR, `"the same connection still works"`)
	echo(good, goodR, "2")
	// Nested past the depth limit: refused at once with an 'error' event, not echoed (which
	// stalled every client).
	bad.Write([]byte(`{"type":"echo","data":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}\f"))
	server.WaitLines(t, 10*time.Second, "error undefined a message received nests arrays and objects more than 1000 levels deep (the limit)")
	echo(bad, badR, `"still works"`)
	echo(good, goodR, "2.5")

	endless, endlessR := dial()
	go func() {
		chunk := bytes.Repeat([]byte("x"), 1<<20)
		for i := 0; i < 3; i++ {
			if _, err := endless.Write(chunk); err != nil {
				return
			}
		}
	}()
	endless.SetReadDeadline(time.Now().Add(30 * time.Second))
	io.Copy(io.Discard, endlessR)
	server.WaitLines(t, 30*time.Second, "error ERR_IPC_MESSAGE_TOO_LARGE")
	echo(good, goodR, "3")

	// A unix socket closed with unread data resets its peer (ECONNRESET): close it once the
	// server's echo has arrived, unread.
	reset, _ := dial()
	reset.Write([]byte(`{"type":"echo","data":"unread"}` + "\f"))
	testenv.WaitReadable(t, reset, 10*time.Second)
	reset.Close()
	server.WaitLines(t, 10*time.Second, "error ECONNRESET read ECONNRESET")
	echo(good, goodR, "4")
	// Both closed connections (the endless one and the reset one) are reported; the reset
	// connection's socket.disconnected may follow its error by a moment.
	server.WaitLines(t, 10*time.Second, "socket.disconnected", "socket.disconnected")
}
