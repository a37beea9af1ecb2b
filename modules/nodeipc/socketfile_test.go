package nodeipc_test

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestSocketFile checks the unix socket file of a node-ipc server: its mode is Node's default
// (0777 less the umask) with read and/or write permission added for everyone as
// config.readableAll and config.writableAll ask; it is removed when the server stops; a path
// longer than the system takes is an 'error' (ENAMETOOLONG), where Node would silently cut it.
func TestSocketFile(t *testing.T) {
	bin := testenv.Node(t)
	dir := filepath.Join(testenv.Root(), "testdata/nodeipc")
	mask := syscall.Umask(0)
	syscall.Umask(mask)
	base := os.FileMode(0o777 &^ mask)
	cases := []struct {
		readable, writable string
		want               os.FileMode
	}{
		{"no", "no", base},
		{"yes", "no", base | 0o444},
		{"no", "yes", base | 0o222},
		{"yes", "yes", base | 0o666},
	}
	for _, tc := range cases {
		t.Run("readable "+tc.readable+" writable "+tc.writable, func(t *testing.T) {
			sock := filepath.Join(t.TempDir(), "perm.sock")
			p := testenv.Start(t, "server", dir, bin, "socketfile_server.js", sock, tc.readable, tc.writable)
			p.WaitLines(t, 20*time.Second, "listening")
			st, err := os.Lstat(sock)
			if err != nil || st.Mode()&os.ModeSocket == 0 {
				t.Fatalf("no socket file: %v %v", st, err)
			}
			if st.Mode().Perm() != tc.want {
				t.Errorf("mode %o, want %o", st.Mode().Perm(), tc.want)
			}
			p.WaitLines(t, 20*time.Second, "stopped")
			// The file goes when the listener has closed, which may follow the stop by a moment.
			testenv.Eventually(t, 10*time.Second, func() bool {
				_, err := os.Lstat(sock)
				return os.IsNotExist(err)
			}, "socket file %s removed after stop", sock)
		})
	}
	// Where the library unlinks whatever is at the path, only a stale socket is removed: a
	// regular file and a live server's socket stay, and the error says what is there.
	t.Run("regular file kept", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "regular")
		if err := os.WriteFile(path, []byte("data"), 0o644); err != nil {
			t.Fatal(err)
		}
		p := testenv.Start(t, "server", dir, bin, "socketfile_server.js", path, "no", "no")
		p.WaitLines(t, 20*time.Second, "error EADDRINUSE listen EADDRINUSE: address already in use (a regular file, not a socket: only a stale socket is ever removed) "+path)
		if b, err := os.ReadFile(path); err != nil || string(b) != "data" {
			t.Errorf("regular file touched: %q %v", b, err)
		}
	})
	t.Run("live server keeps its socket", func(t *testing.T) {
		sock := filepath.Join(t.TempDir(), "live.sock")
		ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		p := testenv.Start(t, "server", dir, bin, "socketfile_server.js", sock, "no", "no")
		p.WaitLines(t, 20*time.Second, "error EADDRINUSE listen EADDRINUSE: address already in use (a socket a server listens on) "+sock)
		c, err := net.Dial("unix", sock)
		if err != nil {
			t.Fatalf("the live server's socket was removed: %v", err)
		}
		c.Close()
	})
	t.Run("stale socket replaced", func(t *testing.T) {
		sock := filepath.Join(t.TempDir(), "stale.sock")
		ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
		if err != nil {
			t.Fatal(err)
		}
		ln.SetUnlinkOnClose(false)
		ln.Close() // the file stays and nobody listens: what a crashed server leaves
		p := testenv.Start(t, "server", dir, bin, "socketfile_server.js", sock, "no", "no")
		p.WaitLines(t, 20*time.Second, "listening", "stopped")
	})
	t.Run("path too long", func(t *testing.T) {
		long := filepath.Join(t.TempDir(), strings.Repeat("p", 120))
		p := testenv.Start(t, "server", dir, bin, "socketfile_server.js", long, "no", "no")
		p.WaitLines(t, 20*time.Second, "error ENAMETOOLONG listen ENAMETOOLONG")
	})
}
