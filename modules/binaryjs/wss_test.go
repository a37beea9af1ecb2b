package binaryjs_test

import (
	"context"
	"net/http"
	"net/http/httptest"
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

// TestWSS connects our BinaryClient to a wss:// server (Go, TLS with a self-signed certificate)
// that speaks BinaryJS: a stream with meta, one data message, end; it expects the client's
// answer on the same stream. Without rejectUnauthorized: false the certificate is refused.
func TestWSS(t *testing.T) {
	answers := make(chan string, 1)
	up := websocket.Upgrader{}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer ws.Close()
		for _, m := range [][]any{{1, binarypack.Map{{Key: "tls", Value: true}}, 1}, {2, "secure hello", 1}, {5, nil, 1}} {
			b, _ := binarypack.Encode(m)
			ws.WriteMessage(websocket.BinaryMessage, b)
		}
		for {
			_, b, err := ws.ReadMessage()
			if err != nil {
				return
			}
			if m, err := wire.Parse(b, &binarypack.Decoder{}); err == nil && m.Type == wire.TypeData {
				answers <- m.Payload.(string)
			}
		}
	}))
	defer srv.Close()
	url := "wss" + strings.TrimPrefix(srv.URL, "https") + "/"
	dir, _ := filepath.Abs("../../testdata/binaryjs")
	run := func(args ...string) string {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, testenv.Node(t), append([]string{"wss_client.js", url}, args...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return string(out)
	}
	if got, want := run(), "error (certificate)\nclose\n"; got != want {
		t.Errorf("with verification: got\n%s\nwant\n%s", got, want)
	}
	want := "open\nstream 1 meta {\"tls\":true}\ndata secure hello\nend\nstream close\nclose\n"
	if got := run("insecure"); got != want {
		t.Errorf("rejectUnauthorized false: got\n%s\nwant\n%s", got, want)
	}
	select {
	case a := <-answers:
		if a != "thanks" {
			t.Errorf("server got %q", a)
		}
	case <-time.After(5 * time.Second):
		t.Error("the server got no answer")
	}
}

// TestServerVanishes: the server drops the TCP connection in the middle of a stream, without a
// closing handshake; our client reports close on the stream and on itself, and exits.
func TestServerVanishes(t *testing.T) {
	up := websocket.Upgrader{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		for _, m := range [][]any{{1, "upload", 1}, {2, "part", 1}} {
			b, _ := binarypack.Encode(m)
			ws.WriteMessage(websocket.BinaryMessage, b)
		}
		ws.ReadMessage() // the client's answer to "part"
		ws.NetConn().Close()
	}))
	defer srv.Close()
	dir, _ := filepath.Abs("../../testdata/binaryjs")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, testenv.Node(t), "wss_client.js", "ws"+strings.TrimPrefix(srv.URL, "http")+"/")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if want := "open\nstream 1 meta \"upload\"\ndata part\nstream close\nclose\n"; string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
