package client

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

	"earlynode/internal/testenv"
)

// The browser interop test runs in a private network namespace
// (docs/architecture.md, Tests): headless Chromium gathers no WebRTC candidates on
// loopback alone. The test re-executes its own binary under `unshare -n`
// with a veth pair; the namespace, and with it the pair, disappears when
// the test exits. No real interface is touched.
const (
	// inNetnsEnv marks the re-executed test binary inside the namespace.
	inNetnsEnv = "EARLYNODE_PEERJS_IN_NETNS"
	// netnsIP is the namespace's address; everything listens on it.
	netnsIP = "198.18.0.1"
)

// netnsSetup configures the namespace: loopback up, a veth pair with
// 198.18.0.1/24 and .2/24, a default route over it.
const netnsSetup = `set -e
ip link set lo up
ip link add enp0 type veth peer name enp1
ip addr add 198.18.0.1/24 dev enp0
ip addr add 198.18.0.2/24 dev enp1
ip link set enp0 up
ip link set enp1 up
ip route add default via 198.18.0.2 dev enp0
`

// requireNetnsInterop gates the PeerJS tests that run in a network
// namespace of their own (testenv.RequireInterop: under CI=true a missing
// prerequisite fails them, else they are skipped): the namespace (asked for
// with EARLYNODE_PEERJS_INTEROP=1 or CI=true; root), Node.js, PeerJS 1.5.5
// and peer 1.0.2 with the npm packages pkgs, and Chromium for a browser.
func requireNetnsInterop(t *testing.T, browser bool, pkgs ...string) {
	t.Helper()
	prereqs := []testenv.Prereq{testenv.Netns, testenv.NodeJS,
		testenv.NPM(append([]string{"peerjs/dist/peerjs.min.js", "peer/package.json"}, pkgs...)...)}
	if browser {
		prereqs = append(prereqs, testenv.Chromium)
	}
	testenv.RequireInterop(t, prereqs...)
}

// runInNetns re-executes the current test binary, limited to the named
// test, inside a new network namespace, with env added to its environment,
// and fails t if that run fails.
func runInNetns(t *testing.T, testName string, env ...string) {
	t.Helper()
	args := []string{"-n", "--", "/bin/sh", "-c", netnsSetup + `exec "$@"`, "sh",
		os.Args[0], "-test.run", "^" + testName + "$", "-test.v", "-test.timeout", "8m"}
	cmd := exec.Command("unshare", args...)
	cmd.Env = append(append(os.Environ(), inNetnsEnv+"=1"), env...)
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

// serveInteropPage serves page.html, harness.js and PeerJS's browser bundle
// on the namespace's address and returns the page URL.
func serveInteropPage(t *testing.T) string {
	t.Helper()
	dir := testenv.InteropDir()
	files := map[string]string{
		"/":              filepath.Join(dir, "peerjs", "page.html"),
		"/harness.js":    filepath.Join(dir, "peerjs", "harness.js"),
		"/peerjs.min.js": filepath.Join(dir, "node_modules", "peerjs", "dist", "peerjs.min.js"),
	}
	l, err := net.Listen("tcp", netnsIP+":0")
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

// jsPeer is a running PeerJS 1.5.5 harness: driver.js (headless Chromium
// with the page open) or node-driver.js (Node.js with @roamhq/wrtc). Both
// speak the same line protocol.
type jsPeer struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  *bufio.Scanner
	mu     sync.Mutex
	nextID int
}

// startBrowser launches driver.js on the page and waits until it is ready.
func startBrowser(t *testing.T, pageURL string) *jsPeer {
	t.Helper()
	cmd := exec.Command(testenv.NodeJSPath(), filepath.Join(testenv.InteropDir(), "peerjs", "driver.js"), pageURL)
	cmd.Env = append(os.Environ(), "CHROMIUM="+testenv.ChromiumPath())
	return startJSPeer(t, cmd)
}

// startNodePeer launches node-driver.js and waits until it is ready.
func startNodePeer(t *testing.T) *jsPeer {
	t.Helper()
	return startJSPeer(t, exec.Command(testenv.NodeJSPath(), filepath.Join(testenv.InteropDir(), "peerjs", "node-driver.js")))
}

// startJSPeer starts a harness command and waits for its ready line.
func startJSPeer(t *testing.T, cmd *exec.Cmd) *jsPeer {
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
	b := &jsPeer{t: t, cmd: cmd, stdin: stdin, lines: bufio.NewScanner(stdout)}
	b.lines.Buffer(make([]byte, 1<<20), 16<<20)
	t.Cleanup(func() {
		stdin.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	if !b.lines.Scan() {
		t.Fatalf("%v exited before it was ready", cmd.Args)
	}
	var ready struct {
		Ready   bool   `json:"ready"`
		Version string `json:"version"`
		Error   string `json:"error"`
	}
	if err := json.Unmarshal(b.lines.Bytes(), &ready); err != nil || !ready.Ready {
		t.Fatalf("%v not ready: %s", cmd.Args, b.lines.Bytes())
	}
	t.Logf("PeerJS 1.5.5 ready in %s", ready.Version)
	return b
}

// call runs window.h[method](...args) in the page and returns its result.
func (b *jsPeer) call(method string, args ...any) json.RawMessage {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.nextID++
	id := b.nextID
	req, err := json.Marshal(map[string]any{"id": id, "method": method, "args": args})
	if err != nil {
		b.t.Fatal(err)
	}
	if _, err := b.stdin.Write(append(req, '\n')); err != nil {
		b.t.Fatalf("PeerJS harness %s: %v", method, err)
	}
	for b.lines.Scan() {
		var resp struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  string          `json:"error"`
		}
		if err := json.Unmarshal(b.lines.Bytes(), &resp); err != nil || resp.ID != id {
			b.t.Logf("driver output ignored: %s", b.lines.Bytes())
			continue
		}
		if resp.Error != "" {
			b.t.Fatalf("PeerJS harness %s%v: %s", method, args, resp.Error)
		}
		return resp.Result
	}
	b.t.Fatalf("PeerJS harness %s: the harness exited", method)
	return nil
}

// browserEvent is one event taken from the harness's queue.
type browserEvent struct {
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

// next takes the oldest event of the kind from the page, waiting up to 20 s.
// With a connection id, only that connection's events count.
func (b *jsPeer) next(kind string, conn ...string) browserEvent {
	b.t.Helper()
	var ev browserEvent
	c := ""
	if len(conn) > 0 {
		c = conn[0]
	}
	raw := b.call("next", kind, 20000, c)
	if err := json.Unmarshal(raw, &ev); err != nil {
		b.t.Fatalf("PeerJS harness event %s: %v", raw, err)
	}
	return ev
}

// startRealPeerServer runs npm `peer` 1.0.2 on the namespace's address.
func startRealPeerServer(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", netnsIP+":0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(testenv.NodeJSPath(), filepath.Join(testenv.InteropDir(), "peerjs", "real-server.js"), netnsIP, fmt.Sprint(port))
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatalf("node real-server.js: %v", err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			t.Log("peer 1.0.2| " + sc.Text())
		}
	}()
	t.Cleanup(func() {
		stdin.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	sc := bufio.NewScanner(stdout)
	if !sc.Scan() || !strings.Contains(sc.Text(), `"listening"`) {
		t.Fatalf("real-server.js did not start: %q", sc.Text())
	}
	go io.Copy(io.Discard, stdout)
	return port
}
