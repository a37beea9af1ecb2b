package testenv

import (
	"bufio"
	"encoding/json"
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

// PeerJS in headless Chromium for tests outside modules/peerjs/client (whose own interop tests
// keep their copy). Chromium gathers no WebRTC candidates on loopback alone, so such a test
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

// Browser is PeerJS 1.5.5 in headless Chromium: scripts/interop/peerjs/driver.js with the
// page open, driven by calls to the page's window.h (harness.js), one JSON line each way.
type Browser struct {
	t     testing.TB
	stdin io.WriteCloser
	lines *bufio.Scanner
	mu    sync.Mutex
	seq   int
}

// StartBrowser launches driver.js on pageURL and waits until the page is ready. The browser
// closes when the test ends.
func StartBrowser(t testing.TB, pageURL string) *Browser {
	t.Helper()
	cmd := exec.Command(NodeJSPath(), filepath.Join(InteropDir(), "peerjs", "driver.js"), pageURL)
	cmd.Env = append(os.Environ(), "CHROMIUM="+ChromiumPath())
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
		t.Fatalf("driver.js: %v", err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			t.Log("browser| " + sc.Text())
		}
	}()
	t.Cleanup(func() {
		stdin.Close() // driver.js closes the browser and exits
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	b := &Browser{t: t, stdin: stdin, lines: bufio.NewScanner(stdout)}
	b.lines.Buffer(make([]byte, 1<<20), 16<<20)
	if !b.lines.Scan() || !strings.Contains(b.lines.Text(), `"ready":true`) {
		t.Fatalf("driver.js not ready: %q", b.lines.Text())
	}
	return b
}

// Call runs window.h[method](...args) in the page and returns its result; an error in the page
// fails the test.
func (b *Browser) Call(method string, args ...any) json.RawMessage {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.seq++
	req, err := json.Marshal(map[string]any{"id": b.seq, "method": method, "args": args})
	if err != nil {
		b.t.Fatal(err)
	}
	if _, err := b.stdin.Write(append(req, '\n')); err != nil {
		b.t.Fatalf("browser %s: %v", method, err)
	}
	for b.lines.Scan() {
		var resp struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  string          `json:"error"`
		}
		if json.Unmarshal(b.lines.Bytes(), &resp) != nil || resp.ID != b.seq {
			continue
		}
		if resp.Error != "" {
			b.t.Fatalf("browser %s%v: %s", method, args, resp.Error)
		}
		return resp.Result
	}
	b.t.Fatalf("browser %s: driver.js exited", method)
	return nil
}

// BrowserEvent is one event of the page's Peer or its connections (harness.js).
type BrowserEvent struct {
	Kind string          `json:"kind"`
	ID   string          `json:"id"`
	Conn string          `json:"conn"`
	Peer string          `json:"peer"`
	Data json.RawMessage `json:"data"`
	Type string          `json:"type"`
}

// Next takes the oldest event of kind (of the connection conn, when not ""), waiting up to
// timeout.
func (b *Browser) Next(kind, conn string, timeout time.Duration) BrowserEvent {
	b.t.Helper()
	var ev BrowserEvent
	raw := b.Call("next", kind, timeout.Milliseconds(), conn)
	if err := json.Unmarshal(raw, &ev); err != nil {
		b.t.Fatalf("browser event %s: %v", raw, err)
	}
	return ev
}
