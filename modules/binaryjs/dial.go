package binaryjs

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

// handshakeTimeout bounds a client's TCP connect plus WebSocket handshake.
const handshakeTimeout = 30 * time.Second

// dial connects the socket of a new BinaryClient to address (ws:// or wss://) on a goroutine;
// the loop then sees "open", or "error" and "close". insecure skips the verification of a wss://
// server's certificate (the rejectUnauthorized: false option). From the loop.
func (s *socket) dial(address string, insecure bool) {
	ctx, cancel := context.WithTimeout(context.Background(), handshakeTimeout)
	s.cancel = cancel
	s.handle = s.m.rt.Loop.NewHandle()
	target, err := dialTarget(address)
	if err != nil {
		cancel()
		s.failDial(err)
		return
	}
	var nc *bufferedConn
	d := websocket.Dialer{
		ReadBufferSize:  64 << 10,
		WriteBufferSize: 64 << 10,
		TLSClientConfig: &tls.Config{InsecureSkipVerify: insecure},
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			var nd net.Dialer
			c, err := nd.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			if tc, ok := c.(*net.TCPConn); ok {
				tc.SetNoDelay(true)
			}
			nc = newBufferedConn(c, nil)
			return nc, nil
		},
	}
	go func() {
		ws, _, err := d.DialContext(ctx, target, nil)
		cancel()
		if err != nil {
			s.handle.Post(func() error {
				if s.state != stateConnecting {
					s.failDial(nil) // closed while connecting: no error to report
				} else {
					s.failDial(fmt.Errorf("connect %s: %v", address, err))
				}
				return nil
			})
			return
		}
		s.handle.Post(func() error {
			if s.state != stateConnecting { // closed while connecting
				ws.NetConn().Close()
				s.failDial(nil)
				return nil
			}
			s.start(ws, nc)
			_, err := s.m.rt.Call(s.h.onOpen, s.h.client)
			return err
		})
	}()
}

// failDial reports a connection that never opened: "error" (when err is not nil) and "close".
func (s *socket) failDial(err error) {
	if err != nil {
		s.enqueue(inItem{kind: itemSocketError, text: err.Error()}, 0)
	}
	s.enqueue(inItem{kind: itemClosed, code: 1006}, 0)
	s.handle.Close(s.deliver)
}

// dialTarget checks a BinaryClient address: ws:// or wss://, or http(s):// taken as the same.
func dialTarget(address string) (string, error) {
	u, err := url.Parse(address)
	if err != nil {
		return "", fmt.Errorf("invalid address %q: %v", address, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "ws", "wss":
	case "http":
		u.Scheme = "ws"
	case "https":
		u.Scheme = "wss"
	default:
		return "", fmt.Errorf("invalid address %q: use ws://host:port/path or wss://", address)
	}
	if u.Host == "" {
		return "", fmt.Errorf("invalid address %q: no host", address)
	}
	return u.String(), nil
}
