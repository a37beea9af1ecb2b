package client

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// The binding's interop tests run our `node` binary with a script that
// uses require("peerjs"): testdata/peerjs/harness.js, driven with the same
// calls and events as the PeerJS 1.5.5 harness (testenv.JSPeer), and
// testdata/peerjs/peerserver.js, our PeerServer in JavaScript.

// testdataPeerjs is testdata/peerjs, where the scripts live.
func testdataPeerjs(t *testing.T) string {
	t.Helper()
	return filepath.Join(testenv.Root(), "testdata", "peerjs")
}

// startOurPeerServer runs testdata/peerjs/peerserver.js on host and returns
// its port.
func startOurPeerServer(t *testing.T, host string) int {
	t.Helper()
	dir := testdataPeerjs(t)
	cmd := exec.Command(testenv.Node(t), "peerserver.js", "0", host)
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = &testLogWriter{t: t, prefix: "our PeerServer| "}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		if sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		for sc.Scan() {
		}
	}()
	select {
	case line := <-lines:
		var got struct {
			Listening int
			Error     string
		}
		if err := json.Unmarshal([]byte(line), &got); err != nil || got.Listening == 0 {
			t.Fatalf("peerserver.js: %q", line)
		}
		return got.Listening
	case <-time.After(20 * time.Second):
		t.Fatal("peerserver.js did not start")
	}
	return 0
}

// startOurPeer runs testdata/peerjs/harness.js, which dials back to a
// listener of the test on host, and returns it as a testenv.JSPeer: the same
// calls and events as the PeerJS harness, over that connection.
func startOurPeer(t *testing.T, host string) *testenv.JSPeer {
	t.Helper()
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	cmd := exec.Command(testenv.Node(t), "harness.js", fmt.Sprint(l.Addr().(*net.TCPAddr).Port), host)
	cmd.Dir = testdataPeerjs(t)
	cmd.Stdout = &testLogWriter{t: t, prefix: "our harness| "}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := l.Accept()
		if err == nil {
			accepted <- c
		}
		close(accepted)
	}()
	var conn net.Conn
	select {
	case conn = <-accepted:
	case <-time.After(20 * time.Second):
	}
	if conn == nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("harness.js did not connect back")
	}
	p := testenv.NewJSPeer(t, cmd, conn, conn)
	t.Cleanup(func() {
		conn.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	p.WaitReady("harness.js")
	return p
}

// testLogWriter logs each write of a child process.
type testLogWriter struct {
	t      *testing.T
	prefix string
	mu     sync.Mutex
}

func (w *testLogWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		w.t.Log(w.prefix + line)
	}
	return len(p), nil
}

// harnessSide is one end of an exercise: a harness and what it is.
type harnessSide struct {
	name string
	h    *testenv.JSPeer
	ours bool // our binding (binary data arrives as ArrayBuffer)
	id   string
	// options are added to the Peer options of start (our binding's own,
	// such as iceTimeouts).
	options map[string]any
}

// bindingCase is one serialization's traffic: values sent as harness
// specs, and what the receiver describes for each.
type bindingCase struct {
	ser      string // as the dialling side asks
	wantSer  string // as the answering side reports it
	reliable bool
	sends    []any
	want     func(receiverOurs, senderOurs bool) []any
}

func bindingCases() []bindingCase {
	obj := map[string]any{"a": []any{1.0, 2.5, nil, true}, "s": "héllo 😀"}
	return []bindingCase{
		{
			ser: "binary", wantSer: "binary", reliable: true,
			sends: []any{"héllo 😀", 42, obj, map[string]any{"buf": map[string]any{"$buffer": []int{1, 2, 3}}},
				[]any{1, -2147483649, 4294967296, 1.5}, map[string]any{"$pattern": 40000}},
			want: func(receiverOurs, senderOurs bool) []any {
				chunked := "Uint8Array" // PeerJS reassembles chunks into a Uint8Array
				if receiverOurs {
					chunked = "ArrayBuffer"
				}
				return []any{"héllo 😀", 42.0, obj, map[string]any{"buf": bytesDesc([]byte{1, 2, 3}, "ArrayBuffer")},
					[]any{1.0, -2147483649.0, 4294967296.0, 1.5}, bytesDesc(pattern(40000), chunked)}
			},
		},
		{
			ser: "json", wantSer: "json", reliable: false,
			sends: []any{map[string]any{"x": []any{1, "two", nil}, "y": map[string]any{"z": true}}, "é"},
			want: func(bool, bool) []any {
				return []any{map[string]any{"x": []any{1.0, "two", nil}, "y": map[string]any{"z": true}}, "é"}
			},
		},
		{
			ser: "raw", wantSer: "raw", reliable: true,
			sends: []any{"text é", map[string]any{"$buffer": []int{4, 5, 6}}},
			want: func(bool, bool) []any {
				return []any{"text é", bytesDesc([]byte{4, 5, 6}, "ArrayBuffer")}
			},
		},
	}
}

// startSide starts a harness's Peer on the server at host:port with an id
// from the server, and returns the id.
func startSide(t *testing.T, s *harnessSide, host string, port int) {
	t.Helper()
	s.h.UseTest(t)
	opts := map[string]any{
		"host": host, "port": port, "path": "/", "key": "peerjs", "secure": false,
		"config": map[string]any{"iceServers": []any{}}, "debug": 1,
	}
	for k, v := range s.options {
		opts[k] = v
	}
	s.h.Call("start", "", opts)
	s.id = s.h.Next("open").ID
	if len(s.id) != 36 {
		t.Fatalf("%s opened as %q, want a server-made UUID", s.name, s.id)
	}
}

// exerciseHarnesses runs every case with a dialling and b answering: the
// connection's label, metadata, serialization and reliability on the
// answering side, values both ways (a chunked binary message among them),
// and close (PeerJS's flush handshake for binary and json).
func exerciseHarnesses(t *testing.T, a, b *harnessSide) {
	for _, tc := range bindingCases() {
		t.Run(a.name+" dials "+b.name+"/"+tc.ser, func(t *testing.T) {
			a.h.UseTest(t)
			b.h.UseTest(t)
			meta := map[string]any{"from": a.name, "ser": tc.ser, "n": []any{1.0, 2.0}}
			var started struct{ Conn, Label, Serialization string }
			wantLabel := "lbl-" + tc.ser
			var raw json.RawMessage
			if a.ours && tc.ser == "raw" {
				// The seed's form, with its name for raw: connect(id, "none", meta).
				raw = a.h.Call("connectSeed", b.id, "none", meta)
				wantLabel = ""
			} else {
				raw = a.h.Call("connect", b.id, map[string]any{
					"label": wantLabel, "metadata": meta, "serialization": tc.ser, "reliable": tc.reliable,
				})
			}
			if err := json.Unmarshal(raw, &started); err != nil {
				t.Fatal(err)
			}
			if wantLabel == "" {
				wantLabel = started.Conn
			}
			ev := b.h.Next("connection")
			if ev.Conn != started.Conn || ev.Peer != a.id || ev.Label != wantLabel || ev.Serialization != tc.wantSer || ev.Reliable != tc.reliable {
				t.Fatalf("%s saw connection %+v (dialled as %+v)", b.name, ev, started)
			}
			wantMeta, _ := json.Marshal(meta)
			assertJSONEqual(t, "metadata at "+b.name, ev.Metadata, wantMeta)
			b.h.Next("conn-open", ev.Conn)
			a.h.Next("conn-open", started.Conn)
			send := func(from, to *harnessSide, conn string) {
				want := tc.want(to.ours, from.ours)
				// One message at a time: unordered channels may reorder.
				for i, spec := range tc.sends {
					from.h.Call("send", conn, spec)
					got := to.h.Next("data", conn)
					var v any
					if err := json.Unmarshal(got.Data, &v); err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(v, want[i]) {
						t.Errorf("%s -> %s message %d: got %s, want %v", from.name, to.name, i, got.Data, want[i])
					}
				}
			}
			send(a, b, started.Conn)
			send(b, a, started.Conn)
			a.h.Call("close", started.Conn, tc.ser != "raw")
			b.h.Next("conn-close", started.Conn)
			a.h.Next("conn-close", started.Conn)
		})
	}
}

// exerciseBinding runs the cases both ways between x and y through the
// PeerServer at host:port, then dials an id nobody has (with expire, the
// server answers EXPIRE quickly), and destroys y under an open connection.
func exerciseBinding(t *testing.T, x, y *harnessSide, host string, port int, expire bool) {
	startSide(t, x, host, port)
	startSide(t, y, host, port)
	t.Logf("%s is %s, %s is %s, through %s:%d", x.name, x.id, y.name, y.id, host, port)
	exerciseHarnesses(t, x, y)
	exerciseHarnesses(t, y, x)
	x.h.UseTest(t)
	y.h.UseTest(t)
	if expire {
		for _, s := range []*harnessSide{x, y} {
			s.h.Call("connect", "nobody-here", map[string]any{})
			if ev := s.h.Next("error"); ev.Type != "peer-unavailable" || ev.Message != "Could not connect to peer nobody-here" {
				t.Fatalf("%s: error %+v, want peer-unavailable", s.name, ev)
			}
		}
	}
	var started struct{ Conn string }
	if err := json.Unmarshal(x.h.Call("connect", y.id, map[string]any{"serialization": "binary", "reliable": true}), &started); err != nil {
		t.Fatal(err)
	}
	y.h.Next("connection")
	y.h.Next("conn-open", started.Conn)
	x.h.Next("conn-open", started.Conn)
	y.h.Call("destroy")
	y.h.Next("close")
	x.h.Next("conn-close", started.Conn)
}

// TestBindingTwoProcesses connects two of our Peers, each in a node
// process of its own running require("peerjs"), through our PeerServer in
// a third, over loopback: every serialization both ways, metadata, labels,
// a chunked message, close, peer-unavailable, and a peer that goes away.
func TestBindingTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs node processes")
	}
	testenv.Node(t)
	host := "127.0.0.1"
	port := startOurPeerServer(t, host)
	x := &harnessSide{name: "ours1", h: startOurPeer(t, host), ours: true}
	exerciseBinding(t, x, &harnessSide{name: "ours2", h: startOurPeer(t, host), ours: true}, host, port, true)

	// A peer whose process dies: no goodbye on any layer, so the other
	// side learns it from ICE (disconnected, then failed) and closes. With
	// pion's default timeouts that takes about 30 s; the surviving side
	// here asks for short ones (iceTimeouts, client.ICETimeouts): it hears
	// nothing for 1 s, then fails 1 s later. The keepalive, well below
	// those, keeps a live but idle pair from going quiet.
	t.Run("a killed process", func(t *testing.T) {
		w := &harnessSide{name: "ours3", h: startOurPeer(t, host), ours: true, options: map[string]any{
			"iceTimeouts": map[string]any{"disconnected": 1000, "failed": 1000, "keepAlive": 200},
		}}
		z := &harnessSide{name: "ours4", h: startOurPeer(t, host), ours: true}
		startSide(t, w, host, port)
		startSide(t, z, host, port)
		var started struct{ Conn string }
		if err := json.Unmarshal(w.h.Call("connect", z.id, map[string]any{"serialization": "binary", "reliable": true}), &started); err != nil {
			t.Fatal(err)
		}
		z.h.Next("conn-open", started.Conn)
		w.h.Next("conn-open", started.Conn)
		killed := time.Now()
		z.h.Kill()
		w.h.Call("next", "conn-close", 20000, started.Conn)
		t.Logf("the dead peer's connection closed %v after the kill", time.Since(killed).Round(time.Millisecond))
		if ev := w.h.Next("conn-error", started.Conn); ev.Type != "negotiation-failed" {
			t.Fatalf("error for the dead connection: %+v", ev)
		}
		w.h.Call("send", started.Conn, "after")
		if ev := w.h.Next("conn-error", started.Conn); ev.Type != "not-open-yet" {
			t.Fatalf("send after the close: %+v", ev)
		}
	})
}

// TestBindingBrowserInterop connects our node running require("peerjs")
// with PeerJS 1.5.5 in headless Chromium, both ways, through our
// PeerServer (in JavaScript, in a node process) and through the real npm
// `peer` 1.0.2. It is gated and runs in a network namespace as
// TestBrowserInterop does.
func TestBindingBrowserInterop(t *testing.T) {
	if !testenv.InNetns() {
		requireNetnsInterop(t, true, "playwright-core/package.json")
		testenv.RunInNetns(t, "TestBindingBrowserInterop", testenv.BinEnv+"="+testenv.Node(t))
		return
	}
	pageURL := testenv.ServePeerJSPage(t)
	t.Run("our PeerServer", func(t *testing.T) {
		port := startOurPeerServer(t, testenv.NetnsIP)
		exerciseBinding(t,
			&harnessSide{name: "ours", h: startOurPeer(t, testenv.NetnsIP), ours: true},
			&harnessSide{name: "chromium", h: testenv.StartBrowser(t, pageURL)},
			testenv.NetnsIP, port, true)
	})
	t.Run("real peer 1.0.2 server", func(t *testing.T) {
		port := startRealPeerServer(t)
		exerciseBinding(t,
			&harnessSide{name: "chromium", h: testenv.StartBrowser(t, pageURL)},
			&harnessSide{name: "ours", h: startOurPeer(t, testenv.NetnsIP), ours: true},
			testenv.NetnsIP, port, false)
	})
}

// TestBindingNodeInterop is TestBindingBrowserInterop with PeerJS 1.5.5 on
// Node.js and @roamhq/wrtc 0.10.0 instead of Chromium.
func TestBindingNodeInterop(t *testing.T) {
	if !testenv.InNetns() {
		requireNetnsInterop(t, false, "@roamhq/wrtc/package.json", "ws/package.json")
		testenv.RunInNetns(t, "TestBindingNodeInterop", testenv.BinEnv+"="+testenv.Node(t))
		return
	}
	port := startOurPeerServer(t, testenv.NetnsIP)
	exerciseBinding(t,
		&harnessSide{name: "ours", h: startOurPeer(t, testenv.NetnsIP), ours: true},
		&harnessSide{name: "node", h: testenv.StartNodePeer(t)},
		testenv.NetnsIP, port, true)
}
