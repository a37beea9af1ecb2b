package nodeipc_test

import (
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
	t.Run("path too long", func(t *testing.T) {
		long := filepath.Join(t.TempDir(), strings.Repeat("p", 120))
		p := testenv.Start(t, "server", dir, bin, "socketfile_server.js", long, "no", "no")
		p.WaitLines(t, 20*time.Second, "error ENAMETOOLONG listen ENAMETOOLONG")
	})
}
