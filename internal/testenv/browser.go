package testenv

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// PeerJS 1.5.5 as a test's peer, in headless Chromium or on Node.js. Chromium gathers no WebRTC candidates on loopback alone, so such a test
// runs in a private network namespace with a veth pair (docs/architecture.md, Tests): it
// re-executes its own test binary under `unshare -n`; the namespace, and the pair, disappear
// when that run exits. No real interface is touched.

// InNetnsEnv marks a test binary re-executed inside its network namespace by RunInNetns.
const InNetnsEnv = "EARLYNODE_TEST_IN_NETNS"

// NetnsIP is the namespace's address; what the browser must reach listens on it.
const NetnsIP = "198.18.0.1"

// netnsSetup brings loopback up and adds the veth pair with 198.18.0.1/24 and .2/24 and a
// default route over it.
const netnsSetup = `set -e
ip link set lo up
ip link add enp0 type veth peer name enp1
ip addr add 198.18.0.1/24 dev enp0
ip addr add 198.18.0.2/24 dev enp1
ip link set enp0 up
ip link set enp1 up
ip route add default via 198.18.0.2 dev enp0
`

// BrowserPrereqs are what a PeerJS-in-Chromium test needs (pass them to RequireInterop): the
// namespace, Node.js, PeerJS 1.5.5 and playwright-core, Chromium.
func BrowserPrereqs() []Prereq {
	return []Prereq{Netns, NodeJS, NPM("peerjs/dist/peerjs.min.js", "playwright-core/package.json"), Chromium}
}

// InNetns reports whether this test binary is the run inside the network namespace.
func InNetns() bool { return os.Getenv(InNetnsEnv) != "" }

// RunInNetns re-executes the current test binary, limited to the named top-level test, inside
// a new network namespace, with env added to its environment (and the node binary Node built,
// so that it is not built again), logs its output and fails t if that run fails.
func RunInNetns(t *testing.T, testName string, env ...string) {
	t.Helper()
	args := []string{"-n", "--", "/bin/sh", "-c", netnsSetup + `exec "$@"`, "sh",
		os.Args[0], "-test.run", "^" + testName + "$", "-test.v", "-test.timeout", "8m"}
	cmd := exec.Command("unshare", args...)
	cmd.Env = append(append(os.Environ(), InNetnsEnv+"=1", BinEnv+"="+Node(t)), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatalf("unshare: %v", err)
	}
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		t.Log("netns| " + sc.Text())
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%s inside the network namespace failed: %v", testName, err)
	}
}

// ServePeerJSPage serves scripts/interop/peerjs's page.html and harness.js with PeerJS's
// browser bundle on the namespace's address and returns the page's URL.
func ServePeerJSPage(t testing.TB) string {
	t.Helper()
	dir := InteropDir()
	files := map[string]string{
		"/":              filepath.Join(dir, "peerjs", "page.html"),
		"/harness.js":    filepath.Join(dir, "peerjs", "harness.js"),
		"/peerjs.min.js": filepath.Join(NodeModules(), "peerjs", "dist", "peerjs.min.js"),
	}
	l, err := net.Listen("tcp", NetnsIP+":0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path, ok := files[r.URL.Path]
		if r.URL.Path == "/favicon.ico" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(path, ".js") {
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		}
		http.ServeFile(w, r, path)
	})}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return "http://" + l.Addr().String() + "/"
}

// JSPeer is PeerJS 1.5.5 driven through scripts/interop/peerjs's line protocol, one JSON line
// each way: in headless Chromium (StartBrowser: driver.js with the page open, calls going to
// the page's window.h, harness.js) or on Node.js with @roamhq/wrtc (StartNodePeer:
// node-driver.js). It ends when the test ends.
type JSPeer struct {
	t     testing.TB
	cmd   *exec.Cmd
	stdin io.Writer
	lines *bufio.Scanner
	mu    sync.Mutex
	seq   int
}

// StartBrowser launches driver.js on pageURL and waits until the page is ready.
func StartBrowser(t testing.TB, pageURL string) *JSPeer {
	t.Helper()
	cmd := exec.Command(NodeJSPath(), filepath.Join(InteropDir(), "peerjs", "driver.js"), pageURL)
	cmd.Env = append(os.Environ(), "CHROMIUM="+ChromiumPath())
	return startJSPeer(t, cmd)
}

// StartNodePeer launches node-driver.js (PeerJS on Node.js) and waits until it is ready.
func StartNodePeer(t testing.TB) *JSPeer {
	t.Helper()
	return startJSPeer(t, exec.Command(NodeJSPath(), filepath.Join(InteropDir(), "peerjs", "node-driver.js")))
}

// startJSPeer starts a driver command and waits for its ready line.
func startJSPeer(t testing.TB, cmd *exec.Cmd) *JSPeer {
	t.Helper()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("%v: %v", cmd.Args, err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			t.Log("driver| " + sc.Text())
		}
	}()
	t.Cleanup(func() {
		stdin.Close() // the driver closes its Peer (and browser) and exits
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	p := NewJSPeer(t, cmd, stdin, stdout)
	p.WaitReady(fmt.Sprint(cmd.Args))
	return p
}

// NewJSPeer speaks the harness's line protocol over w and r with the harness process cmd:
// calls written to w, answers read from r (a driver's standard streams, or a connection from
// earlynode's own harness).
func NewJSPeer(t testing.TB, cmd *exec.Cmd, w io.Writer, r io.Reader) *JSPeer {
	p := &JSPeer{t: t, cmd: cmd, stdin: w, lines: bufio.NewScanner(r)}
	p.lines.Buffer(make([]byte, 1<<20), 16<<20)
	return p
}

// WaitReady reads the harness's first line, which must say it is ready; name says which
// harness in a failure.
func (p *JSPeer) WaitReady(name string) {
	p.t.Helper()
	if !p.lines.Scan() {
		p.t.Fatalf("%s exited before it was ready", name)
	}
	var ready struct {
		Ready   bool   `json:"ready"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(p.lines.Bytes(), &ready); err != nil || !ready.Ready {
		p.t.Fatalf("%s not ready: %s", name, p.lines.Bytes())
	}
	if ready.Version != "" {
		p.t.Logf("%s ready in %s", name, ready.Version)
	}
}

// UseTest makes failures of later calls fail t (a subtest) instead.
func (p *JSPeer) UseTest(t testing.TB) { p.t = t }

// Kill kills the harness's process, with no goodbye on any layer.
func (p *JSPeer) Kill() { p.cmd.Process.Kill() }

// Call runs the harness's method with args and returns its result; an error in the harness
// fails the test.
func (p *JSPeer) Call(method string, args ...any) json.RawMessage {
	p.t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seq++
	req, err := json.Marshal(map[string]any{"id": p.seq, "method": method, "args": args})
	if err != nil {
		p.t.Fatal(err)
	}
	if _, err := p.stdin.Write(append(req, '\n')); err != nil {
		p.t.Fatalf("PeerJS harness %s: %v", method, err)
	}
	for p.lines.Scan() {
		var resp struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  string          `json:"error"`
		}
		if json.Unmarshal(p.lines.Bytes(), &resp) != nil || resp.ID != p.seq {
			p.t.Logf("driver output ignored: %s", p.lines.Bytes())
			continue
		}
		if resp.Error != "" {
			p.t.Fatalf("PeerJS harness %s%v: %s", method, args, resp.Error)
		}
		return resp.Result
	}
	p.t.Fatalf("PeerJS harness %s: the driver exited", method)
	return nil
}

// PeerJSEvent is one event of the harness's Peer or its connections (harness.js).
type PeerJSEvent struct {
	Kind          string          `json:"kind"`
	ID            string          `json:"id"`
	Conn          string          `json:"conn"`
	Peer          string          `json:"peer"`
	Label         string          `json:"label"`
	Metadata      json.RawMessage `json:"metadata"`
	Serialization string          `json:"serialization"`
	Reliable      bool            `json:"reliable"`
	Data          json.RawMessage `json:"data"`
	Type          string          `json:"type"`
	Message       string          `json:"message"`
}

// nextTimeout is how long Next waits for an event (in the harness).
const nextTimeout = 30 * time.Second

// Next takes the oldest event of kind, waiting up to 30 s; with a connection id, only that
// connection's events count.
func (p *JSPeer) Next(kind string, conn ...string) PeerJSEvent {
	p.t.Helper()
	c := ""
	if len(conn) > 0 {
		c = conn[0]
	}
	var ev PeerJSEvent
	raw := p.Call("next", kind, nextTimeout.Milliseconds(), c)
	if err := json.Unmarshal(raw, &ev); err != nil {
		p.t.Fatalf("PeerJS harness event %s: %v", raw, err)
	}
	return ev
}
