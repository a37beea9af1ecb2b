package websocket

import (
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"strconv"
	"strings"

	"earlynode/modules/http/wire"
)

// acceptGUID is what RFC 6455 §4.2.2 appends to the client's key before hashing it.
const acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

// AcceptKey returns the Sec-WebSocket-Accept value answering the client's Sec-WebSocket-Key.
func AcceptKey(key string) string {
	sum := sha1.Sum([]byte(key + acceptGUID))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// newKey returns a fresh Sec-WebSocket-Key: 16 random bytes in base64.
func newKey() string {
	var b [16]byte
	rand.Read(b[:])
	return base64.StdEncoding.EncodeToString(b[:])
}

// HandshakeError is an upgrade request that cannot be answered with 101: Status (400, 405,
// 426) and Msg go back to the client as the body of the refusal.
type HandshakeError struct {
	Status int
	Msg    string
	Header []wire.Header // more headers for the refusal (Sec-WebSocket-Version after a bad version)
}

func (e *HandshakeError) Error() string { return "websocket: handshake refused: " + e.Msg }

// Request is what CheckRequest found in a valid upgrade request.
type Request struct {
	Key       string   // Sec-WebSocket-Key
	Protocols []string // Sec-WebSocket-Protocol, in the client's order
}

// CheckRequest checks that a request head asks for a WebSocket as RFC 6455 §4.2.1 says (GET,
// Connection: Upgrade, Upgrade: websocket, a 16-byte Sec-WebSocket-Key, version 13), with the
// statuses and messages of the ws library that `peer` 1.0.2 serves with.
func CheckRequest(h *wire.Head) (Request, *HandshakeError) {
	var r Request
	if h.Method != "GET" {
		return r, &HandshakeError{Status: 405, Msg: "Invalid HTTP method"}
	}
	if h.Version != "1.1" {
		return r, &HandshakeError{Status: 400, Msg: "Invalid HTTP version"}
	}
	upgrade, connection, version := false, false, ""
	for _, f := range h.Headers {
		switch {
		case strings.EqualFold(f.Name, "Upgrade"):
			upgrade = upgrade || hasToken(f.Value, "websocket")
		case strings.EqualFold(f.Name, "Connection"):
			connection = connection || hasToken(f.Value, "upgrade")
		case strings.EqualFold(f.Name, "Sec-WebSocket-Key"):
			r.Key = strings.TrimSpace(f.Value)
		case strings.EqualFold(f.Name, "Sec-WebSocket-Version"):
			version = strings.TrimSpace(f.Value)
		case strings.EqualFold(f.Name, "Sec-WebSocket-Protocol"):
			for _, p := range strings.Split(f.Value, ",") {
				if p = strings.TrimSpace(p); p != "" {
					r.Protocols = append(r.Protocols, p)
				}
			}
		}
	}
	if !upgrade || !connection {
		return r, &HandshakeError{Status: 400, Msg: "Invalid Upgrade header"}
	}
	if k, err := base64.StdEncoding.DecodeString(r.Key); err != nil || len(k) != 16 {
		return r, &HandshakeError{Status: 400, Msg: "Missing or invalid Sec-WebSocket-Key header"}
	}
	if version != "13" {
		return r, &HandshakeError{Status: 400, Msg: "Missing or invalid Sec-WebSocket-Version header",
			Header: []wire.Header{{Name: "Sec-WebSocket-Version", Value: "13"}}}
	}
	return r, nil
}

// hasToken reports whether a comma-separated header value holds token (case-insensitively).
func hasToken(value, token string) bool {
	for _, t := range strings.Split(value, ",") {
		if strings.EqualFold(strings.TrimSpace(t), token) {
			return true
		}
	}
	return false
}

// AppendAccept appends the 101 answer to a request with key, naming protocol when it is not "".
func AppendAccept(dst []byte, key, protocol string) []byte {
	dst = append(dst, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "...)
	dst = append(dst, AcceptKey(key)...)
	if protocol != "" {
		dst = append(dst, "\r\nSec-WebSocket-Protocol: "...)
		dst = append(dst, protocol...)
	}
	return append(dst, "\r\n\r\n"...)
}

// AppendRefusal appends a complete answer refusing a request: status, the given headers, a
// plain-text body msg (the status text when empty), and Connection: close.
func AppendRefusal(dst []byte, status int, msg string, header []wire.Header) []byte {
	if msg == "" {
		msg = wire.StatusText(status)
	}
	dst = append(dst, "HTTP/1.1 "...)
	dst = strconv.AppendInt(dst, int64(status), 10)
	dst = append(dst, ' ')
	dst = append(dst, wire.StatusText(status)...)
	dst = append(dst, "\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: "...)
	dst = strconv.AppendInt(dst, int64(len(msg)), 10)
	dst = append(dst, "\r\n"...)
	for _, h := range header {
		dst = append(dst, h.Name...)
		dst = append(dst, ": "...)
		dst = append(dst, h.Value...)
		dst = append(dst, "\r\n"...)
	}
	dst = append(dst, "\r\n"...)
	return append(dst, msg...)
}

// appendUpgradeRequest appends a client's upgrade request for target on host.
func appendUpgradeRequest(dst []byte, target, host, key string, o *DialOptions) []byte {
	dst = append(dst, "GET "...)
	dst = append(dst, target...)
	dst = append(dst, " HTTP/1.1\r\nHost: "...)
	dst = append(dst, host...)
	dst = append(dst, "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "...)
	dst = append(dst, key...)
	dst = append(dst, "\r\nSec-WebSocket-Version: 13\r\n"...)
	if len(o.Protocols) > 0 {
		dst = append(dst, "Sec-WebSocket-Protocol: "...)
		dst = append(dst, strings.Join(o.Protocols, ", ")...)
		dst = append(dst, "\r\n"...)
	}
	for _, h := range o.Header {
		dst = append(dst, h.Name...)
		dst = append(dst, ": "...)
		dst = append(dst, h.Value...)
		dst = append(dst, "\r\n"...)
	}
	return append(dst, "\r\n"...)
}

// checkAnswer checks the server's answer to an upgrade request made with key (RFC 6455
// §4.1): 101, Upgrade: websocket, Connection: Upgrade and the right Sec-WebSocket-Accept. It
// returns the protocol the server chose.
func checkAnswer(h *wire.Head, key string, o *DialOptions) (string, error) {
	if h.StatusCode != 101 {
		return "", &DialError{Msg: "bad handshake", Status: h.StatusCode}
	}
	upgrade, connection, accept, protocol := false, false, "", ""
	for _, f := range h.Headers {
		switch {
		case strings.EqualFold(f.Name, "Upgrade"):
			upgrade = upgrade || hasToken(f.Value, "websocket")
		case strings.EqualFold(f.Name, "Connection"):
			connection = connection || hasToken(f.Value, "upgrade")
		case strings.EqualFold(f.Name, "Sec-WebSocket-Accept"):
			accept = strings.TrimSpace(f.Value)
		case strings.EqualFold(f.Name, "Sec-WebSocket-Protocol"):
			protocol = strings.TrimSpace(f.Value)
		case strings.EqualFold(f.Name, "Sec-WebSocket-Extensions"):
			return "", &DialError{Msg: "bad handshake: the server chose an extension nobody asked for", Status: 101}
		}
	}
	if !upgrade || !connection || accept != AcceptKey(key) {
		return "", &DialError{Msg: "bad handshake", Status: 101}
	}
	if protocol != "" {
		ok := false
		for _, p := range o.Protocols {
			ok = ok || p == protocol
		}
		if !ok {
			return "", &DialError{Msg: "bad handshake: the server chose a protocol nobody asked for", Status: 101}
		}
	}
	return protocol, nil
}

// DialError is a failed client handshake: the server answered, but not with a WebSocket.
type DialError struct {
	Msg    string
	Status int // the status the server answered with
}

func (e *DialError) Error() string { return "websocket: " + e.Msg }
