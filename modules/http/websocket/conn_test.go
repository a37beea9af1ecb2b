package websocket

import (
	"bufio"
	"earlynode/internal/testenv"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gobwas/ws"
	gorilla "github.com/gorilla/websocket"

	"earlynode/loop"
	"earlynode/loop/netpoll"
	"earlynode/modules/http/wire"
)

// testLoop runs a loop on a goroutine for the test; do runs fn on it and waits.
type testLoop struct {
	l    *loop.Loop
	keep *loop.Handle
	done chan error
}

func startLoop(t *testing.T) *testLoop {
	t.Helper()
	tl := &testLoop{l: loop.New(1), done: make(chan error, 1)}
	tl.keep = tl.l.NewHandle()
	go func() { tl.done <- tl.l.Run() }()
	t.Cleanup(func() {
		tl.keep.Close(nil)
		select {
		case err := <-tl.done:
			if err != nil {
				t.Errorf("loop: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("loop did not end")
		}
	})
	return tl
}

func (tl *testLoop) do(fn func()) {
	ch := make(chan struct{})
	tl.l.Post(func() error { fn(); close(ch); return nil })
	<-ch
}

// recorder is a Handler that records what a Conn delivers (on the loop) for the test
// goroutine; with echo set it answers each message with "echo:" and the message.
type recorder struct {
	c    *Conn
	echo bool
	mu   sync.Mutex
	msgs []string
	end  chan CloseStatus
}

func newRecorder(echo bool) *recorder { return &recorder{echo: echo, end: make(chan CloseStatus, 1)} }

func (r *recorder) Message(text bool, b []byte) error {
	r.mu.Lock()
	r.msgs = append(r.msgs, fmt.Sprintf("%v:%s", text, b))
	r.mu.Unlock()
	if r.echo {
		out := append([]byte("echo:"), b...)
		if text {
			return r.c.WriteText(out)
		}
		return r.c.WriteBinary(out)
	}
	return nil
}

func (r *recorder) End(s CloseStatus) error {
	r.end <- s
	return nil
}

func (r *recorder) waitEnd(t *testing.T) CloseStatus {
	t.Helper()
	select {
	case s := <-r.end:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("the connection did not end")
	}
	return CloseStatus{}
}

// echoServer listens on loopback; every upgrade on /ws gets an echoing recorder, sent on
// conns.
func echoServer(t *testing.T, tl *testLoop, max int64) (int, chan *recorder) {
	t.Helper()
	conns := make(chan *recorder, 16)
	var port int
	tl.do(func() {
		ln, err := Listen(tl.l, "127.0.0.1", 0, Service{
			Upgrade: func(st *netpoll.Stream, head *wire.Head, buffered []byte) error {
				if !strings.HasPrefix(head.Target, "/ws") {
					Refuse(st, 404, "", nil)
					return nil
				}
				c, err := Upgrade(st, head, buffered, ServerOptions{MaxMessage: max, Protocol: FirstProtocol})
				if err != nil {
					return nil
				}
				r := newRecorder(true)
				r.c = c
				conns <- r
				return c.Start(r)
			},
			Request: func(h *wire.Head) (int, []wire.Header, []byte) {
				return 200, nil, []byte("plain " + h.Target)
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		port = ln.Port()
		t.Cleanup(func() { tl.do(ln.Close) })
	})
	return port, conns
}

func TestServerEchoPingAndClosingHandshake(t *testing.T) {
	tl := startLoop(t)
	port, conns := echoServer(t, tl, 0)
	d := gorilla.Dialer{Subprotocols: []string{"chat", "superchat"}}
	c, resp, err := d.Dial(fmt.Sprintf("ws://127.0.0.1:%d/ws?x=1", port), nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := resp.Header.Get("Sec-WebSocket-Protocol"); p != "chat" {
		t.Errorf("subprotocol %q, want the first offer", p)
	}
	r := <-conns
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	for _, m := range []struct {
		kind int
		text string
	}{{gorilla.TextMessage, "hello"}, {gorilla.BinaryMessage, strings.Repeat("b", 100000)}} {
		c.WriteMessage(m.kind, []byte(m.text))
		kind, got, err := c.ReadMessage()
		if err != nil || kind != m.kind || string(got) != "echo:"+m.text {
			t.Fatalf("echo: %d %.40q %v", kind, got, err)
		}
	}
	pong := make(chan string, 1)
	c.SetPongHandler(func(s string) error { pong <- s; return nil })
	c.WriteControl(gorilla.PingMessage, []byte("are you there"), time.Now().Add(time.Second))
	go c.ReadMessage()
	select {
	case p := <-pong:
		if p != "are you there" {
			t.Fatalf("pong %q", p)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no pong")
	}
	c.WriteControl(gorilla.CloseMessage, gorilla.FormatCloseMessage(4000, "done"), time.Now().Add(time.Second))
	s := r.waitEnd(t)
	if s.Code != 4000 || s.Reason != "done" || !s.PeerClosed || s.Err != nil {
		t.Fatalf("server saw %+v", s)
	}
}

// The server closes first: its close frame follows the messages queued before it, and the
// client's answer ends the connection with the server's code.
func TestServerClosesFirst(t *testing.T) {
	tl := startLoop(t)
	port, conns := echoServer(t, tl, 0)
	c, _, err := gorilla.DefaultDialer.Dial(fmt.Sprintf("ws://127.0.0.1:%d/ws", port), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := <-conns
	tl.do(func() {
		r.c.WriteText([]byte("last words"))
		r.c.Close(1001, "going away")
		if r.c.WriteText([]byte("too late")) != ErrClosed {
			t.Error("a write after Close was taken")
		}
	})
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, b, err := c.ReadMessage(); err != nil || string(b) != "last words" {
		t.Fatalf("%q %v", b, err)
	}
	_, _, err = c.ReadMessage()
	var ce *gorilla.CloseError
	if !errors.As(err, &ce) || ce.Code != 1001 || ce.Text != "going away" {
		t.Fatalf("client read %v", err)
	}
	// gorilla answered the close frame.
	if s := r.waitEnd(t); s.Code != 1001 || !s.PeerClosed {
		t.Fatalf("server saw %+v", s)
	}
}

func TestServerFailsBrokenProtocol(t *testing.T) {
	tl := startLoop(t)
	port, conns := echoServer(t, tl, 1000)
	for _, c := range []struct {
		name  string
		write func(*gorilla.Conn)
		code  int
		err   string
	}{
		{"reserved opcode", func(c *gorilla.Conn) { c.NetConn().Write([]byte{0x83, 0x80, 1, 2, 3, 4}) }, 1002, "websocket: bad opcode 3"},
		{"too big", func(c *gorilla.Conn) { c.WriteMessage(gorilla.BinaryMessage, make([]byte, 1001)) }, 1009, "websocket: read limit exceeded"},
		{"text not UTF-8", func(c *gorilla.Conn) { c.WriteMessage(gorilla.TextMessage, []byte{0xff}) }, 1007, "websocket: invalid UTF-8 in text frame"},
	} {
		t.Run(c.name, func(t *testing.T) {
			conn, _, err := gorilla.DefaultDialer.Dial(fmt.Sprintf("ws://127.0.0.1:%d/ws", port), nil)
			if err != nil {
				t.Fatal(err)
			}
			r := <-conns
			c.write(conn)
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			_, _, err = conn.ReadMessage()
			var ce *gorilla.CloseError
			if !errors.As(err, &ce) || ce.Code != c.code {
				t.Fatalf("client read %v, want close %d", err, c.code)
			}
			conn.Close()
			s := r.waitEnd(t)
			if s.Code != ws.StatusCode(c.code) || s.Err == nil || s.Err.Error() != c.err {
				t.Fatalf("server saw %+v", s)
			}
		})
	}
}

// Bytes that come in the same packet as the handshake are the first message; a client that
// drops the connection mid-frame ends it with 1006 and no error.
func TestServerBufferedBytesAndAbruptEnd(t *testing.T) {
	tl := startLoop(t)
	port, conns := echoServer(t, tl, 0)
	conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatal(err)
	}
	head := "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
	packet := append([]byte(head), clientFrame(ws.OpText, true, "early")...)
	conn.Write(append(packet, 0x82, 0x85, 0, 0, 0, 0, 'x')) // and half a frame
	br := bufio.NewReader(conn)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	status, _ := br.ReadString('\n')
	if status != "HTTP/1.1 101 Switching Protocols\r\n" {
		t.Fatalf("answer %q", status)
	}
	accept := ""
	for {
		l, err := br.ReadString('\n')
		if err != nil || l == "\r\n" {
			break
		}
		if v, ok := strings.CutPrefix(l, "Sec-WebSocket-Accept: "); ok {
			accept = strings.TrimSpace(v)
		}
	}
	if accept != "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" { // RFC 6455 §1.3's example
		t.Fatalf("Sec-WebSocket-Accept %q", accept)
	}
	var g got
	if err := (&Decoder{}).Feed(readSome(t, br), g.sink()); err != nil || fmt.Sprint(g) != "[1:echo:early]" {
		t.Fatalf("echo %q %v", g, err)
	}
	r := <-conns
	conn.Close()
	if s := r.waitEnd(t); s.Code != 1006 || s.Err != nil || s.PeerClosed {
		t.Fatalf("server saw %+v", s)
	}
}

func readSome(t *testing.T, r io.Reader) []byte {
	t.Helper()
	b := make([]byte, 1024)
	n, err := r.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	return b[:n]
}

func TestListenAnswersPlainRequestsAndRefusals(t *testing.T) {
	tl := startLoop(t)
	port, _ := echoServer(t, tl, 0)
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/page", port))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(b) != "plain /page" {
		t.Fatalf("%d %q", resp.StatusCode, b)
	}
	key := "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
	for _, c := range []struct{ head, status string }{
		{"GET /elsewhere HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + key + "Sec-WebSocket-Version: 13\r\n\r\n", "404"},
		{"POST /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + key + "Sec-WebSocket-Version: 13\r\n\r\n", "405"},
		{"GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n", "400"},
		{"GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + key + "Sec-WebSocket-Version: 8\r\n\r\n", "400"},
		{"GET /ws HTTP/1.1\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n" + key + "Sec-WebSocket-Version: 13\r\n\r\n", "400"},
	} {
		conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			t.Fatal(err)
		}
		conn.Write([]byte(c.head))
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		all, _ := io.ReadAll(conn)
		conn.Close()
		if !strings.HasPrefix(string(all), "HTTP/1.1 "+c.status+" ") {
			t.Errorf("%q answered %q", strings.SplitN(c.head, "\r\n", 2)[0], all)
		}
	}
}

// gorillaEcho is a gorilla/websocket server that greets, then echoes.
func gorillaEcho(t *testing.T) string {
	t.Helper()
	up := gorilla.Upgrader{Subprotocols: []string{"b"}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		c.WriteMessage(gorilla.TextMessage, []byte("greeting"))
		for {
			kind, b, err := c.ReadMessage()
			if err != nil {
				return
			}
			c.WriteMessage(kind, append([]byte("echo:"), b...))
		}
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http")
}

func TestDialTalksToAnotherImplementation(t *testing.T) {
	tl := startLoop(t)
	url := gorillaEcho(t)
	r := newRecorder(false)
	opened := make(chan error, 1)
	tl.do(func() {
		Dial(tl.l, url+"/path?q=1", DialOptions{Protocols: []string{"a", "b"}, Timeout: 5 * time.Second}, func(c *Conn, err error) error {
			if err == nil {
				if c.Protocol != "b" {
					t.Errorf("protocol %q", c.Protocol)
				}
				r.c = c
				c.WriteText([]byte("one"))
				c.WriteBinary([]byte("two"))
				err = c.Start(r)
			}
			opened <- err
			return nil
		})
	})
	if err := <-opened; err != nil {
		t.Fatal(err)
	}
	testenv.Eventually(t, 5*time.Second, func() bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		return fmt.Sprint(r.msgs) == "[true:greeting true:echo:one false:echo:two]"
	}, "messages %q", "[true:greeting true:echo:one false:echo:two]")
	tl.do(func() { r.c.Close(1000, "") })
	if s := r.waitEnd(t); s.Code != 1000 || !s.PeerClosed || s.Err != nil {
		t.Fatalf("client saw %+v", s)
	}
}

func TestDialFailures(t *testing.T) {
	tl := startLoop(t)
	port, _ := echoServer(t, tl, 0)
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	refused := l.Addr().String()
	l.Close()
	for _, c := range []struct{ url, want string }{
		{fmt.Sprintf("ws://127.0.0.1:%d/nothing", port), "websocket: bad handshake"},
		{"ws://" + refused + "/", "connection refused"},
		{"http://example.com/", "bad URL"},
	} {
		errc := make(chan error, 1)
		tl.do(func() {
			Dial(tl.l, c.url, DialOptions{}, func(conn *Conn, err error) error {
				errc <- err
				return nil
			})
		})
		err := <-errc
		if err == nil || !strings.Contains(DescribeError(err), c.want) {
			t.Errorf("%s: %v, want %q", c.url, err, c.want)
		}
	}
	var de *DialError
	errc := make(chan error, 1)
	tl.do(func() {
		cancel := Dial(tl.l, fmt.Sprintf("ws://127.0.0.1:%d/ws", port), DialOptions{}, func(conn *Conn, err error) error {
			errc <- err
			return nil
		})
		cancel()
	})
	if err := <-errc; err != ErrCanceled || errors.As(err, &de) {
		t.Errorf("canceled dial: %v", err)
	}
}

// wss:// runs the same protocol over netpoll's TLS; a certificate that does not verify fails
// the dial with the TLS error.
func TestDialWSS(t *testing.T) {
	tl := startLoop(t)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := (&gorilla.Upgrader{}).Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		for {
			kind, b, err := c.ReadMessage()
			if err != nil {
				return
			}
			c.WriteMessage(kind, append([]byte("tls:"), b...))
		}
	}))
	t.Cleanup(srv.Close)
	url := "wss" + strings.TrimPrefix(srv.URL, "https") + "/"
	errc := make(chan error, 1)
	tl.do(func() {
		Dial(tl.l, url, DialOptions{Timeout: 5 * time.Second}, func(c *Conn, err error) error {
			errc <- err
			return nil
		})
	})
	if err := <-errc; err == nil || !strings.Contains(DescribeError(err), "certificate") {
		t.Fatalf("unverified certificate: %v", err)
	}
	r := newRecorder(false)
	tl.do(func() {
		Dial(tl.l, url, DialOptions{TLS: srv.Client().Transport.(*http.Transport).TLSClientConfig}, func(c *Conn, err error) error {
			if err == nil {
				r.c = c
				c.WriteText([]byte("secret"))
				err = c.Start(r)
			}
			errc <- err
			return nil
		})
	})
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	testenv.Eventually(t, 5*time.Second, func() bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		return fmt.Sprint(r.msgs) == "[true:tls:secret]"
	}, "messages %q", "[true:tls:secret]")
	tl.do(func() { r.c.Close(1000, "") })
	if s := r.waitEnd(t); s.Code != 1000 || !s.PeerClosed {
		t.Fatalf("client saw %+v", s)
	}
}
