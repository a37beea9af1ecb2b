package server

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// UpgradeRequest is the head of an HTTP request asking for a WebSocket,
// already read by a host server.
type UpgradeRequest struct {
	// Method is the request method; a WebSocket handshake needs "GET".
	Method string
	// Target is the request target: path and query.
	Target string
	// Header holds the request headers in received order.
	Header []HeaderField
}

// MatchUpgrade reports whether an upgrade request for target (path and
// query) belongs to this server: its path is exactly WebSocketPath.
func (s *Server) MatchUpgrade(target string) bool {
	path := target
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	return path == s.wsPath
}

// ServeUpgrade takes over conn, on which a host server has read the head of
// req (and possibly the bytes in buffered, which followed the head). It
// completes the WebSocket handshake, registers the client and serves it in
// a goroutine of its own; ServeUpgrade returns once the handshake is
// answered. On a bad handshake (wrong path, not a WebSocket request) it
// writes an HTTP error to conn, closes it and returns the reason.
func (s *Server) ServeUpgrade(conn net.Conn, req UpgradeRequest, buffered []byte) error {
	if !s.MatchUpgrade(req.Target) {
		writeRawError(conn, http.StatusBadRequest)
		return fmt.Errorf("peerjs server: upgrade for %q, not %q", req.Target, s.wsPath)
	}
	u, err := url.ParseRequestURI(req.Target)
	if err != nil {
		writeRawError(conn, http.StatusBadRequest)
		return fmt.Errorf("peerjs server: upgrade target %q: %w", req.Target, err)
	}
	hr := &http.Request{
		Method:     req.Method,
		URL:        u,
		RequestURI: req.Target,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     make(http.Header),
		RemoteAddr: conn.RemoteAddr().String(),
	}
	for _, f := range req.Header {
		hr.Header.Add(f.Name, f.Value)
	}
	hr.Host = hr.Header.Get("Host")
	w := &hijackWriter{conn: &prefixedConn{Conn: conn, prefix: buffered}, header: make(http.Header)}
	ws, err := s.upgrader.Upgrade(w, hr, nil)
	if err != nil {
		w.finish()
		return fmt.Errorf("peerjs server: websocket handshake: %w", err)
	}
	go s.accept(ws, u.RawQuery)
	return nil
}

// writeRawError answers a connection with a bare HTTP error and closes it.
func writeRawError(conn net.Conn, status int) {
	text := http.StatusText(status)
	_ = conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "HTTP/1.1 %d %s\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s",
		status, text, len(text), text)
	_ = conn.Close()
}

// hijackWriter is the http.ResponseWriter and http.Hijacker that lets
// gorilla/websocket's Upgrader work on a connection a non-net/http server
// has accepted. Error answers are written to the connection as a raw
// HTTP/1.1 response.
type hijackWriter struct {
	conn     net.Conn
	header   http.Header
	status   int
	body     bytes.Buffer
	hijacked bool
}

// Header returns the headers of an error answer.
func (w *hijackWriter) Header() http.Header { return w.header }

// WriteHeader records the status of an error answer.
func (w *hijackWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

// Write collects the body of an error answer.
func (w *hijackWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.body.Write(p)
}

// Hijack hands the connection to the Upgrader, with an empty read buffer:
// bytes the host had buffered are replayed by the connection itself.
func (w *hijackWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	if w.hijacked {
		return nil, nil, errors.New("peerjs server: connection already hijacked")
	}
	w.hijacked = true
	return w.conn, bufio.NewReadWriter(bufio.NewReader(w.conn), bufio.NewWriter(w.conn)), nil
}

// finish sends a recorded error answer (when the Upgrader refused before
// hijacking) and closes the connection.
func (w *hijackWriter) finish() {
	if w.hijacked {
		return
	}
	status := w.status
	if status == 0 {
		status = http.StatusBadRequest
	}
	var head strings.Builder
	fmt.Fprintf(&head, "HTTP/1.1 %d %s\r\nConnection: close\r\n", status, http.StatusText(status))
	w.header.Del("Content-Length")
	_ = w.header.Write(&head)
	fmt.Fprintf(&head, "Content-Length: %d\r\n\r\n", w.body.Len())
	_ = w.conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	_, _ = w.conn.Write(append([]byte(head.String()), w.body.Bytes()...))
	_ = w.conn.Close()
}

// prefixedConn is a net.Conn whose first reads return prefix: the bytes a
// host server read past the request head.
type prefixedConn struct {
	net.Conn
	prefix []byte
}

// Read returns the remaining prefix first, then reads the connection.
func (c *prefixedConn) Read(p []byte) (int, error) {
	if len(c.prefix) > 0 {
		n := copy(p, c.prefix)
		c.prefix = c.prefix[n:]
		return n, nil
	}
	return c.Conn.Read(p)
}

// parseQuery splits a raw query string as URLSearchParams does: "+" is a
// space, bad percent escapes are kept literally, and a repeated name keeps
// its last value (PeerServer uses Object.fromEntries).
func parseQuery(raw string) map[string]string {
	out := make(map[string]string)
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		name, value, _ := strings.Cut(part, "=")
		out[lenientUnescape(name)] = lenientUnescape(value)
	}
	return out
}

// lenientUnescape decodes "+" and valid %XX escapes and keeps anything else.
func lenientUnescape(s string) string {
	if !strings.ContainsAny(s, "+%") {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			b.WriteByte(' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unhex returns the value of the hexadecimal digit c.
func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}
