package binaryjs_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"earlynode/internal/testenv"
	"earlynode/modules/binaryjs/wire"
	"earlynode/modules/binarypack"
)

// badServer is our node running testdata/binaryjs/badinput_server.js, with its output lines.
type badServer struct {
	port  int
	lines chan string
	seen  []string
}

const badMaxMessage = 4096

func startBadServer(t *testing.T) *badServer {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	dir, _ := filepath.Abs("../../testdata/binaryjs")
	s := &badServer{port: testenv.FreePort(t), lines: make(chan string, 1024)}
	cmd := exec.CommandContext(ctx, testenv.Node(t), "badinput_server.js", fmt.Sprint(s.port), fmt.Sprint(badMaxMessage))
	cmd.Dir = dir
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if stderr.Len() > 0 {
			t.Logf("server stderr:\n%s", stderr.String())
		}
	})
	s.expect(t, "listening")
	return s
}

// expect waits for the next lines to include want (lines before it are kept for the report).
func (s *badServer) expect(t *testing.T, want string) {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case l, ok := <-s.lines:
			if !ok {
				t.Fatalf("server exited before printing %q; it printed:\n%s", want, strings.Join(s.seen, "\n"))
			}
			s.seen = append(s.seen, l)
			if l == want {
				return
			}
		case <-timeout:
			t.Fatalf("server did not print %q; it printed:\n%s", want, strings.Join(s.seen, "\n"))
		}
	}
}

func (s *badServer) dial(t *testing.T) *websocket.Conn {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial(fmt.Sprintf("ws://127.0.0.1:%d/bin", s.port), nil)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

func frame(t *testing.T, v ...any) []byte {
	t.Helper()
	b, err := binarypack.Encode(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// echoWorks opens stream id on ws, sends a value and reads it back: the connection still works.
func echoWorks(t *testing.T, ws *websocket.Conn, id int64) {
	t.Helper()
	send(t, ws, frame(t, 1, "still there?", id))
	send(t, ws, frame(t, 2, "ping", id))
	ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		mt, b, err := ws.ReadMessage()
		if err != nil {
			t.Fatalf("no echo on stream %d: %v", id, err)
		}
		if mt != websocket.BinaryMessage {
			t.Fatalf("server sent a non-binary frame %q", b)
		}
		m, err := wire.Parse(b, &binarypack.Decoder{})
		if err != nil {
			t.Fatalf("server sent a bad message %x: %v", b, err)
		}
		if m.Type == wire.TypeData && m.Payload == "ping" && m.StreamID == id {
			return
		}
	}
}

func send(t *testing.T, ws *websocket.Conn, b []byte) {
	t.Helper()
	if err := ws.WriteMessage(websocket.BinaryMessage, b); err != nil {
		t.Fatal(err)
	}
}

func closeGracefully(ws *websocket.Conn) {
	ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second))
	ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		if _, _, err := ws.ReadMessage(); err != nil {
			break
		}
	}
	ws.Close()
}

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBadInput sends each kind of bad input on its own connection and checks the error event
// the server's client object emits, that the connection goes on when it can (the next stream
// is echoed) and that a bystander connection is served throughout.
func TestBadInput(t *testing.T) {
	srv := startBadServer(t)
	bystander := srv.dial(t)
	srv.expect(t, "client 0 connected")
	echoWorks(t, bystander, 0)

	cases := []struct {
		name  string
		frame []byte
		text  bool
		want  string // the error line after "client N error: "
	}{
		{"garbage bytes", []byte{0xc1, 0xff, 0x00}, false, "Received unparsable message: binarypack: unknown type byte: 0xc1 at offset 0"},
		{"text frame", []byte("hello"), true, "Received unparsable message: a text frame (BinaryJS messages are binary frames)"},
		{"truncated BinaryPack", mustHex(t, "9302b56865"), false, "Received unparsable message: binarypack: truncated input: fixstr needs 5 bytes, 2 left at offset 2"},
		{"not an array", []byte{0x01}, false, "Received non-array message"},
		{"two parts", frame(t, 1, 2), false, "Received message with wrong part count: 2"},
		{"type not a number", frame(t, "data", nil, 0), false, "Received message with non-number type: data"},
		{"unknown message type", frame(t, 9, nil, 0), false, "Unrecognized message type received: 9"},
		{"data for an unknown stream", frame(t, 2, "x", 99), false, "Received `data` message for unknown stream: 99"},
		{"pause for an unknown stream", frame(t, 3, nil, 99), false, "Received `pause` message for unknown stream: 99"},
		{"resume for an unknown stream", frame(t, 4, nil, 99), false, "Received `resume` message for unknown stream: 99"},
		{"end for an unknown stream", frame(t, 5, nil, 99), false, "Received `end` message for unknown stream: 99"},
		{"close for an unknown stream", frame(t, 6, nil, 99), false, "Received `close` message for unknown stream: 99"},
		{"uint64 stream id", mustHex(t, "9302a0cfffffffffffffffff"), false, "Received `data` message for unknown stream: 18446744073709552000"},
		{"int64 stream id", mustHex(t, "9302a0d3ffffffffffffffff"), false, "Received `data` message for unknown stream: -1"},
		{"payload nested 1001 deep", append(append([]byte{0x93, 0x02}, bytes.Repeat([]byte{0x91}, 1001)...), 0xc0, 0x00), false,
			"Received unparsable message: binarypack: nesting too deep: fixarray at depth 1002 exceeds the limit of 1001 at offset 1002"},
	}
	for i, c := range cases {
		id := i + 1
		t.Run(c.name, func(t *testing.T) {
			ws := srv.dial(t)
			srv.expect(t, fmt.Sprintf("client %d connected", id))
			mt := websocket.BinaryMessage
			if c.text {
				mt = websocket.TextMessage
			}
			if err := ws.WriteMessage(mt, c.frame); err != nil {
				t.Fatal(err)
			}
			srv.expect(t, fmt.Sprintf("client %d error: %s", id, c.want))
			echoWorks(t, ws, 0) // the connection goes on
			closeGracefully(ws)
			srv.expect(t, fmt.Sprintf("client %d close 1000, clients left 1", id))
		})
	}
	next := len(cases) + 1
	var id int

	id = next
	next++
	t.Run("message over the size limit", func(t *testing.T) {
		ws := srv.dial(t)
		srv.expect(t, fmt.Sprintf("client %d connected", id))
		send(t, ws, frame(t, 1, nil, 0))
		srv.expect(t, fmt.Sprintf("client %d stream 0 meta null", id))
		send(t, ws, frame(t, 2, make([]byte, badMaxMessage+1), 0))
		srv.expect(t, fmt.Sprintf("client %d error: Received message larger than the limit of %d bytes", id, badMaxMessage))
		srv.expect(t, fmt.Sprintf("client %d stream 0 close", id))
		srv.expect(t, fmt.Sprintf("client %d close 1009, clients left 1", id))
		ws.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, _, err := ws.ReadMessage()
		if ce, ok := err.(*websocket.CloseError); !ok || ce.Code != websocket.CloseMessageTooBig {
			t.Errorf("client saw %v, want close 1009", err)
		}
		ws.Close()
	})

	id = next
	next++
	t.Run("more open streams than the limit", func(t *testing.T) {
		ws := srv.dial(t)
		srv.expect(t, fmt.Sprintf("client %d connected", id))
		for i := 0; i <= 4096; i++ {
			send(t, ws, frame(t, 1, nil, i))
		}
		// Past the limit the oldest stream (0) is destroyed to make room: closed here and
		// for the peer; the new one (4096) is open.
		srv.expect(t, fmt.Sprintf("client %d stream 0 close", id))
		ws.SetReadDeadline(time.Now().Add(10 * time.Second))
		for {
			_, b, err := ws.ReadMessage()
			if err != nil {
				t.Fatalf("no close for the evicted stream: %v", err)
			}
			if m, err := wire.Parse(b, &binarypack.Decoder{}); err == nil && m.Type == wire.TypeClose && m.StreamID == int64(0) {
				break
			}
		}
		echoWorks(t, ws, 5000)
		closeGracefully(ws)
		srv.expect(t, fmt.Sprintf("client %d close 1000, clients left 1", id))
	})

	id = next
	next++
	t.Run("broken WebSocket framing", func(t *testing.T) {
		ws := srv.dial(t)
		srv.expect(t, fmt.Sprintf("client %d connected", id))
		// A frame with the reserved opcode 3, written under gorilla.
		ws.NetConn().Write([]byte{0x83, 0x80, 1, 2, 3, 4})
		srv.expect(t, fmt.Sprintf("client %d error: websocket: bad opcode 3", id))
		srv.expect(t, fmt.Sprintf("client %d close 1002, clients left 1", id))
		ws.Close()
	})

	id = next
	next++
	t.Run("peer vanishes mid-stream", func(t *testing.T) {
		ws := srv.dial(t)
		srv.expect(t, fmt.Sprintf("client %d connected", id))
		send(t, ws, frame(t, 1, "upload", 0))
		send(t, ws, frame(t, 2, make([]byte, 1000), 0))
		srv.expect(t, fmt.Sprintf("client %d stream 0 meta \"upload\"", id))
		ws.NetConn().Close() // no close frame
		srv.expect(t, fmt.Sprintf("client %d stream 0 close", id))
		srv.expect(t, fmt.Sprintf("client %d close 1006, clients left 1", id))
	})

	t.Run("plain HTTP and wrong path", func(t *testing.T) {
		for path, want := range map[string]int{"/bin": http.StatusUpgradeRequired, "/other": http.StatusNotFound} {
			resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d%s", srv.port, path))
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Errorf("GET %s: status %d, want %d", path, resp.StatusCode, want)
			}
		}
		if _, _, err := websocket.DefaultDialer.Dial(fmt.Sprintf("ws://127.0.0.1:%d/other", srv.port), nil); err == nil {
			t.Error("an upgrade on another path was accepted")
		}
	})

	id = next
	next++
	t.Run("half a frame, then silence", func(t *testing.T) {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", srv.port))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "GET /bin HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
			"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
		br := bufio.NewReader(c)
		status, _ := br.ReadString('\n')
		if !strings.Contains(status, "101") {
			t.Fatalf("handshake answered %q", status)
		}
		srv.expect(t, fmt.Sprintf("client %d connected", id))
		c.Write([]byte{0x82, 0x85, 0, 0, 0, 0, 0x93}) // 5 bytes announced, 1 sent
		// Meanwhile the bystander is served.
		echoWorks(t, bystander, 2)
		c.Close()
		srv.expect(t, fmt.Sprintf("client %d close 1006, clients left 1", id))
	})

	// The bystander was served all along and still is.
	echoWorks(t, bystander, 4)
	send(t, bystander, frame(t, 2, "quit", 4))
	srv.expect(t, "client 0 close 1000, clients left 0")
}
