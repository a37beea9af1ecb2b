package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net"
	"reflect"
	"testing"
	"time"

	"github.com/pion/webrtc/v4"

	"earlynode/internal/testenv"
	"earlynode/modules/binarypack"
	"earlynode/modules/peerjs/server"
)

// TestBrowserInterop connects our Peer with PeerJS 1.5.5 in headless
// Chromium, both ways, with every serialization, metadata, labels, a
// chunked binary message and close, through our PeerServer and through the
// real npm `peer` 1.0.2 server. It runs when CI=true or
// EARLYNODE_PEERJS_INTEROP=1 (see requireNetnsInterop), as root, in a network
// namespace of its own.
func TestBrowserInterop(t *testing.T) {
	if !testenv.InNetns() {
		requireNetnsInterop(t, true, "playwright-core/package.json")
		testenv.RunInNetns(t, "TestBrowserInterop")
		return
	}
	pageURL := testenv.ServePeerJSPage(t)
	t.Run("our PeerServer", func(t *testing.T) {
		exerciseJSPeer(t, testenv.StartBrowser(t, pageURL), testenv.NetnsIP, startOurServer(t), netnsOptions(), true)
	})
	t.Run("real peer 1.0.2 server", func(t *testing.T) {
		port := startRealPeerServer(t)
		exerciseJSPeer(t, testenv.StartBrowser(t, pageURL), testenv.NetnsIP, port, netnsOptions(), false)
	})
}

// startOurServer runs our PeerServer on the namespace's address, with a
// short expire_timeout, and returns its port.
func startOurServer(t *testing.T) int {
	t.Helper()
	s, err := server.New(server.Options{ExpireTimeout: time.Second, CleanupInterval: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	addr, err := s.Listen(testenv.NetnsIP + ":0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return addr.(*net.TCPAddr).Port
}

// pattern returns n bytes with byte i = (i*7) & 255, as harness.js makes
// them for {"$pattern": n}.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return b
}

// bytesDesc is how harness.js describes received binary data.
func bytesDesc(b []byte, class string) map[string]any {
	h := fnv.New32a()
	h.Write(b)
	return map[string]any{"$bytes": float64(len(b)), "fnv": fmt.Sprintf("%08x", h.Sum32()), "type": class}
}

// interopCase is one serialization's traffic in both directions.
type interopCase struct {
	ser      string // as given to connect on both sides
	wantSer  string // as PeerJS reports it on the answering side
	reliable bool
	// goSends are values our Peer sends; browserGets are their
	// descriptions in the page.
	goSends     []any
	browserGets []any
	// browserSends are harness.js specs the page sends; goGets checks what
	// our Peer received.
	browserSends []any
	goGets       func(t *testing.T, i int, m Message)
}

func interopCases() []interopCase {
	obj := binarypack.Map{{Key: "a", Value: []any{int64(1), 2.5, nil, true}}, {Key: "s", Value: "héllo 😀"}}
	return []interopCase{
		{
			ser: "binary", wantSer: "binary", reliable: true,
			goSends: []any{"héllo 😀", int64(42), obj, []byte{1, 2, 3}, pattern(40000)},
			browserGets: []any{"héllo 😀", 42.0,
				map[string]any{"a": []any{1.0, 2.5, nil, true}, "s": "héllo 😀"},
				bytesDesc([]byte{1, 2, 3}, "ArrayBuffer"),
				bytesDesc(pattern(40000), "Uint8Array")},
			browserSends: []any{"héllo 😀", 42, map[string]any{"a": []any{1, 2.5, nil, true}, "s": "héllo 😀"},
				map[string]any{"buf": map[string]any{"$buffer": []int{1, 2, 3}}}, map[string]any{"$pattern": 40000}},
			goGets: func(t *testing.T, i int, m Message) {
				want := []any{"héllo 😀", int64(42), obj,
					binarypack.Map{{Key: "buf", Value: []byte{1, 2, 3}}}, pattern(40000)}[i]
				if !reflect.DeepEqual(m.Value, want) {
					t.Errorf("binary message %d from the browser: %#v", i, m.Value)
				}
			},
		},
		{
			ser: "json", wantSer: "json", reliable: false,
			goSends:      []any{json.RawMessage(`{"x":[1,"two",null],"y":{"z":true}}`), "plain"},
			browserGets:  []any{map[string]any{"x": []any{1.0, "two", nil}, "y": map[string]any{"z": true}}, "plain"},
			browserSends: []any{map[string]any{"x": []any{1, "two", nil}}, "é"},
			goGets: func(t *testing.T, i int, m Message) {
				want := []string{`{"x":[1,"two",null]}`, `"é"`}[i]
				if string(m.Data) != want {
					t.Errorf("json message %d from the browser: %s, want %s", i, m.Data, want)
				}
			},
		},
		{
			ser: "raw", wantSer: "raw", reliable: true,
			goSends:      []any{"text é", []byte{1, 2, 3}},
			browserGets:  []any{"text é", bytesDesc([]byte{1, 2, 3}, "ArrayBuffer")},
			browserSends: []any{"text é", map[string]any{"$buffer": []int{4, 5, 6}}},
			goGets: func(t *testing.T, i int, m Message) {
				if i == 0 && (!m.Text || string(m.Data) != "text é") || i == 1 && (m.Text || !bytes.Equal(m.Data, []byte{4, 5, 6})) {
					t.Errorf("raw message %d from the browser: %q (text %v)", i, m.Data, m.Text)
				}
			},
		},
	}
}

// netnsOptions are our Peer's options inside the namespace: host
// candidates only, no mDNS.
func netnsOptions() Options {
	return Options{Config: &webrtc.Configuration{}, DisableMDNS: true}
}

// exerciseJSPeer runs every case both ways between our Peer (goOpts, with
// the server's host and port filled in) and a PeerJS harness, through the
// PeerServer at host:port. With expire, the server expires queued messages
// quickly, and dialling an absent peer is checked too.
func exerciseJSPeer(t *testing.T, b *testenv.JSPeer, host string, port int, goOpts Options, expire bool) {
	// The harness asks the server for its id (in the page, a cross-origin
	// fetch that needs the server's CORS headers).
	b.Call("start", "", map[string]any{
		"host": host, "port": port, "path": "/", "key": "peerjs", "secure": false,
		"config": map[string]any{"iceServers": []any{}}, "debug": 1,
	})
	webID := b.Next("open").ID
	if len(webID) != 36 {
		t.Fatalf("browser peer opened as %q, want a server-made UUID", webID)
	}
	// Our Peer asks the server for its id.
	goOpts.Host, goOpts.Port, goOpts.Path = host, port, "/"
	goPeer, rec := newTestPeer(t, "", goOpts)
	goID := rec.wait("open").id
	t.Logf("our Peer opened as %s, the PeerJS peer as %s, through %s:%d", goID, webID, host, port)

	for _, tc := range interopCases() {
		t.Run("Go dials PeerJS/"+tc.ser, func(t *testing.T) {
			rec.t = t
			b.UseTest(t)
			meta := json.RawMessage(fmt.Sprintf(`{"from":"go","ser":%q,"n":[1,2]}`, tc.ser))
			goSer := tc.ser
			if goSer == "raw" {
				goSer = "none" // the seed's name, offered as 1.5's "raw"
			}
			c, err := goPeer.Connect(webID, ConnectOptions{Label: "go-" + tc.ser, Metadata: meta, Serialization: goSer, Reliable: tc.reliable})
			if err != nil {
				t.Fatal(err)
			}
			ev := b.Next("connection")
			if ev.Peer != goID || ev.Label != "go-"+tc.ser || ev.Serialization != tc.wantSer || ev.Reliable != tc.reliable || ev.Conn != c.ConnectionID() {
				t.Fatalf("browser saw connection %+v", ev)
			}
			assertJSONEqual(t, "metadata in the browser", ev.Metadata, meta)
			b.Next("conn-open", ev.Conn)
			rec.waitMatch("conn-open", 20*time.Second, func(e *event) bool { return e.conn == c })
			exchange(t, b, rec, c, ev.Conn, tc)
			c.Close()
			b.Next("conn-close", ev.Conn)
			rec.waitMatch("conn-close", 10*time.Second, func(e *event) bool { return e.conn == c })
		})
		t.Run("PeerJS dials Go/"+tc.ser, func(t *testing.T) {
			rec.t = t
			b.UseTest(t)
			var started struct {
				Conn, Label, Serialization string
			}
			raw := b.Call("connect", goID, map[string]any{
				"label": "web-" + tc.ser, "metadata": map[string]any{"from": "web", "ser": tc.ser},
				"serialization": tc.ser, "reliable": tc.reliable,
			})
			if err := json.Unmarshal(raw, &started); err != nil {
				t.Fatal(err)
			}
			e := rec.waitMatch("connection", 20*time.Second, func(e *event) bool { return e.conn.ConnectionID() == started.Conn })
			c := e.conn
			if c.Peer() != webID || c.Label() != "web-"+tc.ser || string(c.Serialization()) != tc.wantSer || c.Reliable() != tc.reliable || c.Originator() {
				t.Fatalf("our side of the connection: peer %q label %q serialization %q reliable %v", c.Peer(), c.Label(), c.Serialization(), c.Reliable())
			}
			assertJSONEqual(t, "metadata in Go", c.Metadata(), json.RawMessage(fmt.Sprintf(`{"from":"web","ser":%q}`, tc.ser)))
			rec.waitMatch("conn-open", 20*time.Second, func(e *event) bool { return e.conn == c })
			b.Next("conn-open", started.Conn)
			exchange(t, b, rec, c, started.Conn, tc)
			// Binary and JSON close with PeerJS's flush handshake (our side
			// closes on reading it); raw has none and closes the channel.
			b.Call("close", started.Conn, tc.ser != "raw")
			rec.waitMatch("conn-close", 20*time.Second, func(e *event) bool { return e.conn == c })
			b.Next("conn-close", started.Conn)
		})
	}
	// Dialling an id nobody has: the server's EXPIRE reaches PeerJS as
	// peer-unavailable (our server is run with a short expire_timeout).
	if expire {
		b.Call("connect", "nobody-here", map[string]any{})
		if ev := b.Next("error"); ev.Type != "peer-unavailable" || ev.Message != "Could not connect to peer nobody-here" {
			t.Fatalf("PeerJS error %+v, want peer-unavailable", ev)
		}
	}
	// The remote side disappears: destroying the PeerJS peer closes our
	// open connection.
	rec.t = t
	b.UseTest(t)
	c, err := goPeer.Connect(webID, ConnectOptions{Serialization: "binary", Reliable: true})
	if err != nil {
		t.Fatal(err)
	}
	ev := b.Next("connection")
	rec.waitMatch("conn-open", 20*time.Second, func(e *event) bool { return e.conn == c })
	b.Next("conn-open", ev.Conn)
	b.Call("destroy")
	b.Next("close")
	rec.waitMatch("conn-close", 30*time.Second, func(e *event) bool { return e.conn == c })
}

// exchange sends the case's values both ways on an open connection.
func exchange(t *testing.T, b *testenv.JSPeer, rec *recorder, c *DataConnection, browserConn string, tc interopCase) {
	t.Helper()
	// One message at a time: with reliable false the channel is unordered.
	for i, v := range tc.goSends {
		if err := c.Send(v); err != nil {
			t.Fatalf("Send(%T): %v", v, err)
		}
		ev := b.Next("data", browserConn)
		var got any
		if err := json.Unmarshal(ev.Data, &got); err != nil {
			t.Fatal(err)
		}
		if want := tc.browserGets[i]; !reflect.DeepEqual(got, want) {
			t.Errorf("PeerJS got message %d = %s, want %v", i, ev.Data, want)
		}
	}
	for i, spec := range tc.browserSends {
		b.Call("send", browserConn, spec)
		e := rec.waitMatch("data", 20*time.Second, func(e *event) bool { return e.conn == c })
		tc.goGets(t, i, e.msg)
	}
}

// assertJSONEqual compares two JSON texts as values.
func assertJSONEqual(t *testing.T, what string, got, want json.RawMessage) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: %s: %v", what, got, err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("%s = %s, want %s", what, got, want)
	}
}
