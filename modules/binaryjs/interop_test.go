package binaryjs_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// The interop session (scripts/interop/binaryjs/{client,server}.js) runs unchanged on Node 20
// with the real binaryjs 0.2.1 and on earlynode. TestInterop runs all four pairings and checks
// that each transcript equals the real-real one, except where the real library cannot carry a
// value (integers beyond 32 bits, which its decoder crashes on; docs/wire/binarypack.md, Decoding).

// realNode returns the machine's Node.js and the interop scripts' directory; Node.js and the
// pinned npm binaryjs are interop prerequisites (testenv.RequireInterop).
func realNode(t *testing.T) (string, string) {
	t.Helper()
	testenv.RequireInterop(t, testenv.NodeJS, testenv.NPM("binaryjs/package.json"))
	return testenv.NodeJSPath(), filepath.Join(testenv.InteropDir(), "binaryjs")
}

// peerProcess is a running script with its stdout collected line by line.
type peerProcess struct {
	cmd   *exec.Cmd
	lines chan string
	out   []string
	done  chan struct{}
	err   bytes.Buffer
}

func startPeer(t *testing.T, ctx context.Context, dir, bin string, args ...string) *peerProcess {
	t.Helper()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NODE_EXTRA_CA_CERTS=")
	p := &peerProcess{cmd: cmd, lines: make(chan string, 1024), done: make(chan struct{})}
	cmd.Stderr = &p.err
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
		close(p.lines)
	}()
	return p
}

// waitLine reads lines until one equals want.
func (p *peerProcess) waitLine(t *testing.T, want string, timeout time.Duration) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case l, ok := <-p.lines:
			if !ok {
				t.Fatalf("%s ended before printing %q; stderr:\n%s", p.cmd.Path, want, p.err.String())
			}
			p.out = append(p.out, l)
			if l == want {
				return
			}
		case <-deadline:
			t.Fatalf("%s did not print %q within %v", p.cmd.Path, want, timeout)
		}
	}
}

// finish waits for the process to end and returns its whole stdout.
func (p *peerProcess) finish(t *testing.T, name string) []string {
	t.Helper()
	for l := range p.lines {
		p.out = append(p.out, l)
	}
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("%s: %v\nstdout:\n%s\nstderr:\n%s", name, err, strings.Join(p.out, "\n"), p.err.String())
	}
	return p.out
}

// session runs server.js on serverBin and client.js on clientBin against it; attach puts the
// BinaryServer on the path /binaryjs of an HTTP server instead of its own port.
func session(t *testing.T, dir, serverBin, clientBin string, attach bool) (client, server []string) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	port := testenv.FreePort(t)
	args, url := []string{"server.js", fmt.Sprint(port)}, fmt.Sprintf("ws://localhost:%d", port)
	if attach {
		args, url = append(args, "attach"), url+"/binaryjs"
	}
	srv := startPeer(t, ctx, dir, serverBin, args...)
	srv.waitLine(t, "listening", 30*time.Second)
	cli := startPeer(t, ctx, dir, clientBin, "client.js", url)
	client = cli.finish(t, "client on "+filepath.Base(clientBin))
	server = srv.finish(t, "server on "+filepath.Base(serverBin))
	return client, server
}

var (
	wideLine      = regexp.MustCompile(`^wide `)
	nodeWideError = "client error Received unparsable message: RangeError: Maximum call stack size exceeded"
)

// common drops the lines about wide integers, which differ by design.
func common(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !wideLine.MatchString(l) && l != nodeWideError {
			out = append(out, l)
		}
	}
	return out
}

func TestInterop(t *testing.T) {
	node, dir := realNode(t)
	ours := testenv.Node(t)

	refClient, refServer := session(t, dir, node, node, false)
	// The reference itself must show the whole session, or the comparison proves nothing.
	for _, want := range []string{
		"open", "values id=0", "values echo Buffer 010203", "server stream id=1 meta object {\"cmd\": string \"values\", \"from\": string \"server\"}",
		"upload reply bytes=1048576 chunks=26 hash matches", "download stream id=3 size=1048576",
		"download chunks=26 bytes=1048576 buffers=true hash matches", "remote-pause drain event",
		"local-pause end readable=false", "destroy-by-client write: Stream is not writable", "close streams=0",
	} {
		if !contains(refClient, want) {
			t.Fatalf("real-real client transcript lacks %q:\n%s", want, strings.Join(refClient, "\n"))
		}
	}
	if !contains(refServer, "client close clients=0") {
		t.Fatalf("real-real server transcript incomplete:\n%s", strings.Join(refServer, "\n"))
	}

	wideEcho := []string{"wide echo number 4294967296", "wide echo number -2147483649", "wide echo number 9007199254740992"}
	pairs := []struct {
		name, server, client string
		attach               bool
	}{
		{"real client, our server", ours, node, false},
		{"our client, real server", node, ours, false},
		{"our client, our server", ours, ours, false},
		{"real client, our server attached to node.http", ours, node, true},
		{"our client, real server attached to http", node, ours, true},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			client, server := session(t, dir, p.server, p.client, p.attach)
			compareTranscripts(t, "client", common(refClient), common(client))
			compareTranscripts(t, "server", common(refServer), common(server))
			var gotWide []string
			for _, l := range client {
				if wideLine.MatchString(l) {
					gotWide = append(gotWide, l)
				}
			}
			if strings.Join(gotWide, "\n") != strings.Join(wideEcho, "\n") {
				t.Errorf("wide integers: client printed\n%s\nwant\n%s", strings.Join(gotWide, "\n"), strings.Join(wideEcho, "\n"))
			}
			if !contains(server, "wide received 3") {
				t.Errorf("server did not receive the 3 wide integers:\n%s", strings.Join(server, "\n"))
			}
		})
	}
}

func contains(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

func compareTranscripts(t *testing.T, role string, want, got []string) {
	t.Helper()
	n := len(want)
	if len(got) > n {
		n = len(got)
	}
	for i := 0; i < n; i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			t.Errorf("%s transcript differs from real-real at line %d:\n got: %q\nwant: %q\nwhole transcript:\n%s",
				role, i+1, g, w, strings.Join(got, "\n"))
			return
		}
	}
}
