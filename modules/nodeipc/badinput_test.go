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

	"earlynode/modules/internal/ipc/ipctest"
)

// TestBadInput feeds our node-ipc server malformed JSON, JSON null, an endless frame and a
// reset connection: the first two become node-ipc's invalid-JSON 'error' event and the
// connection goes on (as in the real library); the endless frame is cut at the size limit,
// reported, and that connection closed; the reset is a socket error. A well-behaved client is
// served throughout.
func TestBadInput(t *testing.T) {
	bin := ipctest.Node(t)
	sock := filepath.Join(t.TempDir(), "bad.sock")
	server := ipctest.Start(t, "server", filepath.Join(ipctest.Root(), "testdata/nodeipc"), bin, "badinput_server.js", sock)
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

	reset, _ := dial()
	reset.Write([]byte(`{"type":"echo","data":"unread"}` + "\f"))
	time.Sleep(100 * time.Millisecond)
	reset.Close()
	server.WaitLines(t, 10*time.Second, "error ECONNRESET read ECONNRESET")
	echo(good, goodR, "4")
	// The reset connection's socket.disconnected may follow its error by a moment.
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(server.Output(), "socket.disconnected") < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := strings.Count(server.Output(), "socket.disconnected"); n < 2 {
		t.Errorf("want the closed connections reported\n%s", server.Output())
	}
}
