package server

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// hostServer is a minimal HTTP server that is not net/http's: it reads the
// request head itself and hands the request over the way earlynode's own
// HTTP server does, through ServeHTTPRequest and ServeUpgrade.
func hostServer(t *testing.T, s *Server) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			go serveHostConn(s, conn)
		}
	}()
	return l.Addr().String()
}

// serveHostConn reads one request head from conn and routes it.
func serveHostConn(s *Server, conn net.Conn) {
	br := bufio.NewReader(conn)
	line, err := br.ReadString('\n')
	if err != nil {
		conn.Close()
		return
	}
	parts := strings.Fields(line)
	if len(parts) != 3 {
		conn.Close()
		return
	}
	var headers []HeaderField
	upgrade := false
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			conn.Close()
			return
		}
		l = strings.TrimRight(l, "\r\n")
		if l == "" {
			break
		}
		name, value, _ := strings.Cut(l, ":")
		value = strings.TrimSpace(value)
		headers = append(headers, HeaderField{name, value})
		if strings.EqualFold(name, "Upgrade") && strings.EqualFold(value, "websocket") {
			upgrade = true
		}
	}
	if upgrade {
		buffered, _ := br.Peek(br.Buffered())
		_ = s.ServeUpgrade(conn, UpgradeRequest{Method: parts[0], Target: parts[1], Header: headers}, append([]byte(nil), buffered...))
		return
	}
	defer conn.Close()
	resp, ok := s.ServeHTTPRequest(Request{Method: parts[0], Target: parts[1], Header: headers})
	if !ok {
		fmt.Fprintf(conn, "HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\nConnection: close\r\n\r\nhost")
		return
	}
	fmt.Fprintf(conn, "HTTP/1.1 %d %s\r\n", resp.Status, http.StatusText(resp.Status))
	for _, f := range resp.Header {
		fmt.Fprintf(conn, "%s: %s\r\n", f.Name, f.Value)
	}
	fmt.Fprintf(conn, "Connection: close\r\n\r\n")
	conn.Write(resp.Body)
}

func TestAttachedToAnotherHTTPServer(t *testing.T) {
	s, err := New(Options{Path: "/myapp"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addr := hostServer(t, s)

	resp, err := http.Get("http://" + addr + "/myapp/peerjs/id")
	if err != nil {
		t.Fatal(err)
	}
	id, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(id) != 36 {
		t.Fatalf("id: %d %q", resp.StatusCode, id)
	}
	resp, err = http.Get("http://" + addr + "/elsewhere")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 || string(body) != "host" {
		t.Fatalf("the host's own route: %d %q", resp.StatusCode, body)
	}

	alice := dialRaw(t, addr, "/myapp/peerjs", map[string]string{"key": "peerjs", "id": "alice", "token": "a"})
	alice.expect(`{"type":"OPEN"}`)
	bob := dialRaw(t, addr, "/myapp/peerjs", map[string]string{"key": "peerjs", "id": "bob", "token": "b"})
	bob.expect(`{"type":"OPEN"}`)
	alice.send(`{"type":"OFFER","dst":"bob","payload":{"via":"host"}}`)
	bob.expect(`{"type":"OFFER","src":"alice","dst":"bob","payload":{"via":"host"}}`)
}

// maskedTextFrame builds a client-to-server WebSocket text frame.
func maskedTextFrame(payload string) []byte {
	key := [4]byte{1, 2, 3, 4}
	f := []byte{0x81, 0x80 | byte(len(payload))}
	f = append(f, key[:]...)
	for i := 0; i < len(payload); i++ {
		f = append(f, payload[i]^key[i%4])
	}
	return f
}

// The bytes a host read past the request head (here: a first frame sent in
// the same packet as the handshake) must reach the WebSocket.
func TestUpgradeReplaysBufferedBytes(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addr := hostServer(t, s)
	bob := dialPeer(t, addr, "bob")
	bob.expect(`{"type":"OPEN"}`)

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	head := "GET /peerjs?key=peerjs&id=alice&token=t HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
	packet := append([]byte(head), maskedTextFrame(`{"type":"OFFER","dst":"bob","payload":"early"}`)...)
	if _, err := conn.Write(packet); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	conn.SetReadDeadline(time.Now().Add(2 * time.Second))
	status, err := br.ReadString('\n')
	if err != nil || !strings.HasPrefix(status, "HTTP/1.1 101") {
		t.Fatalf("handshake answer %q, %v", status, err)
	}
	bob.expect(`{"type":"OFFER","src":"alice","dst":"bob","payload":"early"}`)
}

func TestBadUpgradesAreAnswered(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addr := hostServer(t, s)
	tests := []struct {
		name, head, wantStatus string
	}{
		{"wrong path", "GET /other HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", "HTTP/1.1 400"},
		{"no key", "GET /peerjs HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n", "HTTP/1.1 400"},
		{"post", "POST /peerjs HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", "HTTP/1.1 405"},
		{"old version", "GET /peerjs HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n", "HTTP/1.1 400"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.Write([]byte(tt.head))
			conn.SetReadDeadline(time.Now().Add(2 * time.Second))
			all, _ := io.ReadAll(conn)
			if !strings.HasPrefix(string(all), tt.wantStatus) {
				t.Fatalf("answer %q, want %s", all, tt.wantStatus)
			}
		})
	}
}
