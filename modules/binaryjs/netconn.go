package binaryjs

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"earlynode/modules/http/wire"
)

// bufferedConn is a net.Conn whose writes, once the WebSocket handshake is done, collect in a
// buffer that the socket's writer flushes after each batch of messages: a burst of small
// messages costs one write system call. Control frames (close, ping, pong), which gorilla
// writes in one piece from any goroutine, are flushed at once.
type bufferedConn struct {
	net.Conn
	mu       sync.Mutex
	bw       *bufio.Writer
	buffered bool
	replay   []byte // bytes read before the hand-over, returned first by Read
}

func newBufferedConn(c net.Conn, replay []byte) *bufferedConn {
	return &bufferedConn{Conn: c, bw: bufio.NewWriterSize(c, 64<<10), replay: replay}
}

// startBuffering switches from direct writes (the handshake) to buffered ones.
func (c *bufferedConn) startBuffering() {
	c.mu.Lock()
	c.buffered = true
	c.mu.Unlock()
}

func (c *bufferedConn) Read(p []byte) (int, error) {
	if len(c.replay) > 0 {
		n := copy(p, c.replay)
		c.replay = c.replay[n:]
		return n, nil
	}
	return c.Conn.Read(p)
}

func (c *bufferedConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.buffered {
		return c.Conn.Write(p)
	}
	n, err := c.bw.Write(p)
	if err == nil && len(p) > 0 && p[0]&0x80 != 0 && p[0]&0x0f >= 0x8 {
		err = c.bw.Flush() // a control frame: FIN bit and opcode 8, 9 or 10
	}
	return n, err
}

// Flush writes out what is buffered.
func (c *bufferedConn) Flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bw.Flush()
}

// hijackedResponse is the http.ResponseWriter and http.Hijacker gorilla's Upgrader needs, over
// a connection that node.http already took the request head from (attach mode). Error
// responses are written straight to the connection.
type hijackedResponse struct {
	conn   *bufferedConn
	header http.Header
	status int
	body   bytes.Buffer
}

func (w *hijackedResponse) Header() http.Header { return w.header }

func (w *hijackedResponse) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *hijackedResponse) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(p)
}

// Hijack hands the connection to gorilla, with an empty reader (the bytes node.http read past
// the head are replayed by the connection itself).
func (w *hijackedResponse) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return w.conn, bufio.NewReadWriter(bufio.NewReaderSize(w.conn, 16), bufio.NewWriterSize(w.conn, 16)), nil
}

// sendError writes the error response gorilla produced, if any, and closes the connection.
func (w *hijackedResponse) sendError() {
	if w.status != 0 {
		var b bytes.Buffer
		fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", w.status, http.StatusText(w.status))
		w.header.Set("Connection", "close")
		w.header.Set("Content-Length", fmt.Sprint(w.body.Len()))
		w.header.Write(&b)
		b.WriteString("\r\n")
		b.Write(w.body.Bytes())
		w.conn.Write(b.Bytes())
	}
	w.conn.Close()
}

// requestOf builds the *http.Request gorilla's Upgrader reads from a node.http request head.
func requestOf(head *wire.Head) (*http.Request, error) {
	u, err := url.ParseRequestURI(head.Target)
	if err != nil {
		return nil, fmt.Errorf("bad request target %q: %v", head.Target, err)
	}
	r := &http.Request{
		Method:     head.Method,
		URL:        u,
		RequestURI: head.Target,
		Proto:      "HTTP/" + head.Version,
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     http.Header{},
	}
	if head.Version == "1.0" {
		r.ProtoMinor = 0
	}
	for _, h := range head.Headers {
		r.Header.Add(h.Name, h.Value)
		if strings.EqualFold(h.Name, "Host") {
			r.Host = h.Value
		}
	}
	return r, nil
}
