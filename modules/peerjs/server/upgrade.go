package server

import (
	"fmt"
	"net"
	"net/http"
	"strings"

	"earlynode/loop/netpoll"
	"earlynode/modules/http/websocket"
	"earlynode/modules/http/wire"
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

// ServeStream takes over a connection on the server's loop (a netpoll.Stream that node.http
// handed over, say) on which a host server has read the head of an upgrade request, with
// buffered the bytes that followed the head: it answers the WebSocket handshake, registers
// the client and reads its messages on the loop. A bad handshake is answered with an HTTP
// error and the connection closed; ServeStream then returns why. Call it on the loop.
func (s *Server) ServeStream(t websocket.Transport, head *wire.Head, buffered []byte) error {
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		websocket.Refuse(t, http.StatusNotFound, "", nil)
		return errClosed
	}
	if !s.MatchUpgrade(head.Target) {
		websocket.Refuse(t, http.StatusBadRequest, "", nil)
		return fmt.Errorf("peerjs server: upgrade for %q, not %q", head.Target, s.wsPath)
	}
	conn, err := websocket.Upgrade(t, head, buffered, websocket.ServerOptions{
		MaxMessage: s.opts.MaxMessageSize,
		Protocol:   websocket.FirstProtocol, // as the ws library answers by default
	})
	if err != nil {
		return fmt.Errorf("peerjs server: websocket handshake: %w", err)
	}
	query := ""
	if _, q, ok := strings.Cut(head.Target, "?"); ok {
		query, _, _ = strings.Cut(q, "#")
	}
	return s.accept(conn, query)
}

// ServeUpgrade takes over conn, a Go connection on which a host server (not node.http) has
// read the head of req, and possibly the bytes in buffered that followed it: conn moves to
// the server's loop (netpoll.Adopt) and is served as ServeStream serves. It returns once the
// handshake is answered, with the reason of a bad one. With Options.Loop, call it on the
// loop; without, from any goroutine.
func (s *Server) ServeUpgrade(conn net.Conn, req UpgradeRequest, buffered []byte) error {
	head := &wire.Head{Method: req.Method, Target: req.Target, Version: "1.1", ContentLength: -1, Upgrade: true}
	for _, f := range req.Header {
		head.Headers = append(head.Headers, wire.Header{Name: f.Name, Value: f.Value})
	}
	var err error
	if !s.onLoop(func() {
		var st *netpoll.Stream
		if st, err = netpoll.Adopt(s.l, conn); err != nil {
			return
		}
		err = s.ServeStream(st, head, buffered)
	}) {
		conn.Close()
		return errClosed
	}
	return err
}

// ownUpgrade takes an upgrade request to a port of the server's own (Listen).
func (s *Server) ownUpgrade(st *netpoll.Stream, head *wire.Head, buffered []byte) error {
	s.ServeStream(st, head, buffered)
	return nil
}

// ownRequest answers a plain request to a port of the server's own: the HTTP API, and 404 as
// Express words it for anything else.
func (s *Server) ownRequest(head *wire.Head) (int, []wire.Header, []byte) {
	req := Request{Method: head.Method, Target: head.Target}
	for _, h := range head.Headers {
		req.Header = append(req.Header, HeaderField{h.Name, h.Value})
	}
	resp, ok := s.ServeHTTPRequest(req)
	if !ok {
		path := head.Target
		if i := strings.IndexAny(path, "?#"); i >= 0 {
			path = path[:i]
		}
		return http.StatusNotFound, []wire.Header{{Name: "Content-Type", Value: "text/plain; charset=utf-8"}},
			[]byte("Cannot " + head.Method + " " + path + "\n")
	}
	hs := make([]wire.Header, len(resp.Header))
	for i, f := range resp.Header {
		hs[i] = wire.Header{Name: f.Name, Value: f.Value}
	}
	return resp.Status, hs, resp.Body
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
