package main

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestSocketIPCExampleServerSignals runs @crussell52/socket-ipc 0.4.0's own example server
// (examples/spam/server.js, with the require path changed to the package name and SOCKET_FILE
// defined, as its header asks) on earlynode and on Node.js 20 with the real package, sends it
// a real SIGTERM or SIGINT once a client is connected, and checks that its listener, not the
// default exit, ends it: the last line is NAME.sigterm's (NAME.sigint's), every other line is
// the example's status line, the status is 0 and the server removed its socket file.
func TestSocketIPCExampleServerSignals(t *testing.T) {
	testenv.RequireInterop(t, testenv.NodeJS, testenv.NPM("@crussell52/socket-ipc"))
	script := filepath.Join(testenv.Root(), "testdata", "examples", "socketipc_spam_server.js")
	status := regexp.MustCompile(`^~\d+ messages in last 1s from \d+ clients\.$`)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		want, err := os.ReadFile(strings.TrimSuffix(script, ".js") + "." + strings.ToLower(sigName(sig)))
		if err != nil {
			t.Fatal(err)
		}
		for _, impl := range []struct{ name, bin string }{{"earlynode", testenv.Node(t)}, {"Node.js", testenv.NodeJSPath()}} {
			t.Run(impl.name+"/"+sigName(sig), func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				sock := filepath.Join(dir, "spam.sock")
				p := testenv.Start(t, impl.name, filepath.Dir(script), impl.bin, script, dir)
				var conn net.Conn
				testenv.Eventually(t, 10*time.Second, func() bool {
					c, err := net.Dial("unix", sock)
					if err == nil {
						conn = c
					}
					return err == nil
				}, "%s never listened on %s", impl.name, sock)
				defer conn.Close()
				p.WaitLines(t, 10*time.Second, "from 1 clients.")
				if err := p.Signal(sig); err != nil {
					t.Fatal(err)
				}
				p.WaitLines(t, 10*time.Second, strings.TrimSpace(string(want)))
				conn.Close() // the server closes; the program ends when its last client leaves
				if err := p.Wait(t, 10*time.Second); err != nil {
					t.Fatalf("exit: %v (the listener should end it with status 0)\noutput:\n%s", err, p.Output())
				}
				lines := strings.Split(p.Output(), "\n")
				if last := lines[len(lines)-1]; last+"\n" != string(want) {
					t.Errorf("last line %q, want %q\noutput:\n%s", last, want, p.Output())
				}
				for _, l := range lines[:len(lines)-1] {
					if !status.MatchString(l) {
						t.Errorf("unexpected line %q\noutput:\n%s", l, p.Output())
					}
				}
				if _, err := os.Stat(sock); !os.IsNotExist(err) {
					t.Errorf("socket file still there after close: %v", err)
				}
			})
		}
	}
}

func sigName(s syscall.Signal) string {
	if s == syscall.SIGINT {
		return "SIGINT"
	}
	return "SIGTERM"
}
