package http

import (
	"bytes"
	"fmt"
	"io"
	"net"
	nethttp "net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"earlynode/loop/netpoll"
	ws "earlynode/modules/http/websocket"
	"earlynode/modules/http/wire"
	"earlynode/modules/tcp"
	"earlynode/runtime"
)

// runJS runs src in a runtime with node.tcp and node.http installed. attach(server) in the
// script calls onAttach on the loop with the server object and its port. It returns stdout,
// stderr and the exit code.
func runJS(t *testing.T, src string, onAttach func(srv goja.Value, port int)) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &errOut})
	tcp.Install(rt)
	Install(rt)
	rt.VM.Set("attach", func(c goja.FunctionCall) goja.Value {
		s, err := serverOf(c.Argument(0))
		if err != nil {
			panic(rt.NewError(err.Error()))
		}
		onAttach(c.Argument(0), s.Port())
		return goja.Undefined()
	})
	done := make(chan int, 1)
	go func() { done <- rt.RunSource("test.js", src) }()
	select {
	case code := <-done:
		return out.String(), errOut.String(), code
	case <-time.After(30 * time.Second):
		t.Fatalf("script did not finish\nstdout:\n%s\nstderr:\n%s", out.String(), errOut.String())
	}
	return "", "", -1
}

// serverScript answers plain requests with "plain <path>" and closes the server on /quit.
const serverScript = `
var server = node.http.createServer(function (req, res) {
  var body = "plain " + req.uri.path;
  res.sendHeader(200, [["Content-Length", body.length]]);
  res.sendBody(body);
  res.finish();
  if (req.uri.path == "/quit") server.close();
});
server.listen(0, "127.0.0.1");
attach(server);
`

// echoSocket answers each message with "echo:" and the message, on the loop.
type echoSocket struct {
	c *ws.Conn
}

func (e *echoSocket) Message(text bool, b []byte) error {
	out := append([]byte("echo:"), b...)
	if text {
		return e.c.WriteText(out)
	}
	return e.c.WriteBinary(out)
}

func (e *echoSocket) End(ws.CloseStatus) error { return nil }

func get(t *testing.T, port int, path string) string {
	t.Helper()
	resp, err := nethttp.Get(fmt.Sprintf("http://127.0.0.1:%d%s", port, path))
	if err != nil {
		t.Errorf("GET %s: %v", path, err)
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return fmt.Sprintf("%d %s", resp.StatusCode, b)
}

func TestAttachUpgradeHandsOverWebSocketConnections(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 10)
	handlerDone := make(chan struct{})
	stdout, stderr, code := runJS(t, serverScript, func(srv goja.Value, port int) {
		err := AttachUpgrade(srv, "/ws", func(st *netpoll.Stream, head *wire.Head, buffered []byte) error {
			defer close(handlerDone)
			c, err := ws.Upgrade(st, head, buffered, ws.ServerOptions{})
			if err != nil {
				errs <- fmt.Errorf("upgrade: %v", err)
				return nil
			}
			if head.Target != "/ws?room=1" {
				errs <- fmt.Errorf("head.Target = %q", head.Target)
			}
			// The upgraded stream is no longer the server's: closing the server lets the
			// program end while it is still open.
			st.Unref()
			return c.Start(&echoSocket{c: c})
		})
		if err != nil {
			errs <- err
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Plain requests still reach JavaScript, also an upgrade to a path nobody took.
			if got := get(t, port, "/page"); got != "200 plain /page" {
				errs <- fmt.Errorf("GET /page = %q", got)
			}
			d := websocket.Dialer{}
			if _, resp, err := d.Dial(fmt.Sprintf("ws://127.0.0.1:%d/elsewhere", port), nil); err == nil {
				errs <- fmt.Errorf("upgrade to /elsewhere succeeded")
			} else if resp == nil || resp.StatusCode != 200 {
				errs <- fmt.Errorf("upgrade to /elsewhere: %v (want the plain answer)", err)
			}
			ws, _, err := d.Dial(fmt.Sprintf("ws://127.0.0.1:%d/ws?room=1", port), nil)
			if err != nil {
				errs <- fmt.Errorf("dial /ws: %v", err)
				return
			}
			for _, m := range []string{"one", "two"} {
				ws.WriteMessage(websocket.TextMessage, []byte(m))
				_, got, err := ws.ReadMessage()
				if err != nil || string(got) != "echo:"+m {
					errs <- fmt.Errorf("echo of %q: %q, %v", m, got, err)
				}
			}
			get(t, port, "/quit")
			ws.Close()
		}()
	})
	wg.Wait()
	<-handlerDone
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

func TestAttachRouteAnswersFromGoInRequestOrder(t *testing.T) {
	errs := make(chan error, 10)
	var wg sync.WaitGroup
	_, stderr, code := runJS(t, serverScript, func(srv goja.Value, port int) {
		err := AttachRoute(srv, "/api/", func(head *wire.Head, body []byte) (int, []wire.Header, []byte) {
			switch {
			case head.Target == "/api/panic":
				panic("handler bug")
			case head.Method == "POST":
				return 201, []wire.Header{{Name: "Content-Type", Value: "text/plain"}}, append([]byte("got "), body...)
			}
			return 200, []wire.Header{{Name: "Content-Type", Value: "application/json"}}, []byte(`{"path":"` + head.Target + `"}`)
		})
		if err != nil {
			errs <- err
			return
		}
		if err := AttachRoute(goja.Undefined(), "/x", nil); err == nil {
			errs <- fmt.Errorf("AttachRoute on undefined succeeded")
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := get(t, port, "/api/peers"); got != `200 {"path":"/api/peers"}` {
				errs <- fmt.Errorf("GET /api/peers = %q", got)
			}
			resp, err := nethttp.Post(fmt.Sprintf("http://127.0.0.1:%d/api/id", port), "text/plain", strings.NewReader("a body"))
			if err != nil {
				errs <- err
			} else {
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 201 || string(b) != "got a body" {
					errs <- fmt.Errorf("POST /api/id = %d %q", resp.StatusCode, b)
				}
			}
			if got := get(t, port, "/api/panic"); !strings.HasPrefix(got, "500 ") {
				errs <- fmt.Errorf("a panicking handler gave %q, want 500", got)
			}
			// Pipelined: JavaScript's answer, Go's, JavaScript's, in the order asked.
			c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
			if err != nil {
				errs <- err
				return
			}
			c.Write([]byte("GET /a HTTP/1.1\r\n\r\nGET /api/b HTTP/1.1\r\n\r\nGET /c HTTP/1.1\r\nConnection: close\r\n\r\n"))
			all, _ := io.ReadAll(c)
			c.Close()
			var bodies []string
			for _, part := range strings.Split(string(all), "\r\n\r\n")[1:] {
				if i := strings.Index(part, "HTTP/1.1"); i >= 0 {
					part = part[:i]
				}
				bodies = append(bodies, part)
			}
			if want := []string{"plain /a", `{"path":"/api/b"}`, "plain /c"}; fmt.Sprint(bodies) != fmt.Sprint(want) {
				errs <- fmt.Errorf("pipelined answers %q, want %q", bodies, want)
			}
			get(t, port, "/quit")
		}()
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if code != 0 {
		t.Fatalf("exit %d\nstderr:\n%s", code, stderr)
	}
}

func TestUpgradeNobodyServesIsA400(t *testing.T) {
	errs := make(chan error, 4)
	src := `
var server = node.http.createServer();
server.listen(0, "127.0.0.1");
attach(server);
setTimeout(function () { server.close(); }, 300);
`
	_, stderr, code := runJS(t, src, func(srv goja.Value, port int) {
		go func() {
			c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			c.Write([]byte("GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"))
			all, _ := io.ReadAll(c)
			if !strings.HasPrefix(string(all), "HTTP/1.1 400 ") {
				errs <- fmt.Errorf("answer %q, want a 400", all)
			}
			errs <- nil
		}()
	})
	if err := <-errs; err != nil {
		t.Error(err)
	}
	if code != 0 {
		t.Fatalf("exit %d\nstderr:\n%s", code, stderr)
	}
}

func TestTargetPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/ws", "/ws"},
		{"/ws?x=1", "/ws"},
		{"/ws#a", "/ws"},
		{"*", "*"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := targetPath(tt.in); got != tt.want {
			t.Errorf("targetPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
