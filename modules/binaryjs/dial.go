package binaryjs

import (
	"crypto/tls"
	"fmt"
	"net/url"
	"strings"
	"time"

	"earlynode/modules/http/websocket"
)

// handshakeTimeout bounds a client's TCP connect plus WebSocket handshake.
const handshakeTimeout = 30 * time.Second

// dial connects the socket of a new BinaryClient to address (ws:// or wss://); the loop then
// sees "open", or "error" and "close". insecure skips the verification of a wss:// server's
// certificate (the rejectUnauthorized: false option).
func (s *socket) dial(address string, insecure bool) {
	target, err := dialTarget(address)
	if err != nil {
		s.failDial(err)
		return
	}
	o := websocket.DialOptions{Timeout: handshakeTimeout, MaxMessage: s.maxMsg}
	if insecure {
		o.TLS = &tls.Config{InsecureSkipVerify: true}
	}
	s.cancel = websocket.Dial(s.m.rt.Loop, target, o, func(c *websocket.Conn, err error) error {
		s.cancel = nil
		switch {
		case err != nil && s.state != stateConnecting:
			s.failDial(nil) // closed while connecting: no error to report
			return nil
		case err != nil:
			s.failDial(fmt.Errorf("connect %s: %v", address, websocket.DescribeError(err)))
			return nil
		case s.state != stateConnecting: // closed while connecting
			c.Abort()
			s.failDial(nil)
			return nil
		}
		s.open(c)
		if _, err := s.m.rt.Call(s.h.onOpen, s.h.client); err != nil {
			c.Start(s)
			return err
		}
		return c.Start(s)
	})
}

// failDial reports, on a later turn, a connection that never opened: "error" (when err is not
// nil) and "close".
func (s *socket) failDial(err error) {
	s.m.rt.Post(func() error {
		if err != nil && s.h.client != nil {
			if _, e := s.m.rt.Call(s.h.onErr, s.h.client, s.m.rt.NewError(err.Error())); e != nil {
				return e
			}
		}
		return s.ended(1006, "")
	})
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
