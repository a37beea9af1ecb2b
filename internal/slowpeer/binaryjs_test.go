package slowpeer_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"earlynode/internal/testenv"
	"earlynode/modules/binaryjs/wire"
	"earlynode/modules/binarypack"
)

// dialBinaryJS opens a WebSocket to a BinaryServer on port at /bin and opens stream 0.
func dialBinaryJS(t *testing.T, port int) *websocket.Conn {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial("ws://127.0.0.1:"+itoa(port)+"/bin", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.NetConn().Close() })
	if err := ws.WriteMessage(websocket.BinaryMessage, packed(t, 1, nil, 0)); err != nil {
		t.Fatal(err)
	}
	return ws
}

func packed(t *testing.T, v ...any) []byte {
	t.Helper()
	b, err := binarypack.Encode(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBinaryJSEchoIgnoringFalseToAPeerThatDoesNotRead: a script that ignores write()'s false
// still must not queue without bound: past the 64 MiB write limit the client gets an error
// naming it and is closed, RSS stays bounded and memory comes back.
func TestBinaryJSEchoIgnoringFalseToAPeerThatDoesNotRead(t *testing.T) {
	port := testenv.FreePort(t)
	p := startScript(t, "binaryjs_echo", itoa(port))
	w := testenv.WatchRSS(t, p, rssBound)
	ws := dialBinaryJS(t, port)
	data := packed(t, 2, bytes.Repeat([]byte("x"), 64<<10), 0)
	done := make(chan error, 1)
	go func() {
		for { // never reads
			if err := ws.WriteMessage(websocket.BinaryMessage, data); err != nil {
				done <- err
				return
			}
		}
	}()
	p.WaitLines(t, 60*time.Second, "error: write queue over 64 MiB limit: peer is not reading", "close")
	ws.NetConn().Close()
	<-done
	w.Stop(t)
	rssReturns(t, p, 64<<20)
}

// TestBinaryJSWriteFalseIsHonest: a script that stops at write()'s false and goes on at
// 'drain' sends 256 MiB to a client that reads nothing until the script is backed up: the
// whole stream arrives, no error, and the server never holds much of it.
func TestBinaryJSWriteFalseIsHonest(t *testing.T) {
	const total = 256 << 20
	port := testenv.FreePort(t)
	p := startScript(t, "binaryjs_push", itoa(port), itoa(total>>20))
	w := testenv.WatchRSS(t, p, boundMB(150))
	ws := dialBinaryJS(t, port)
	p.WaitLines(t, 30*time.Second, "backed up")
	got := 0
	for {
		ws.SetReadDeadline(time.Now().Add(30 * time.Second))
		_, b, err := ws.ReadMessage()
		if err != nil {
			t.Fatalf("after %d bytes: %v\nserver output:\n%s", got, err, p.Output())
		}
		m, err := wire.Parse(b, &binarypack.Decoder{})
		if err != nil {
			t.Fatalf("bad message: %v", err)
		}
		if m.Type == wire.TypeData {
			d, _ := m.Payload.([]byte)
			got += len(d)
		}
		if m.Type == wire.TypeEnd {
			break
		}
	}
	w.Stop(t)
	if got != total {
		t.Fatalf("received %d bytes, want %d", got, total)
	}
	p.WaitLines(t, 10*time.Second, "sent")
}
