package websocket

import (
	"earlynode/modules/http/wire"
)

// ServerOptions are a server's choices in the handshake and for its connections.
type ServerOptions struct {
	// MaxMessage bounds a received message; 0 means no limit (see Decoder.MaxMessage).
	MaxMessage int64
	// Protocol chooses the subprotocol to answer from the client's offers (never called
	// without offers); nil, or "", answers none. The ws library `peer` runs on takes the
	// first offer; binaryjs 0.2.1's answers none.
	Protocol func(offered []string) string
}

// FirstProtocol is a ServerOptions.Protocol that takes the client's first offer, as the ws
// library does by default.
func FirstProtocol(offered []string) string { return offered[0] }

// Upgrade answers the upgrade request whose head another protocol read from t (node.http's
// server, Listen), with buffered the bytes that came after the head: when the request is a
// valid WebSocket handshake it writes the 101 answer and returns the Conn, not started (call
// Start on this turn); otherwise it answers with the HTTP error the HandshakeError names,
// closes t and returns that error.
func Upgrade(t Transport, head *wire.Head, buffered []byte, o ServerOptions) (*Conn, error) {
	r, herr := CheckRequest(head)
	if herr != nil {
		Refuse(t, herr.Status, herr.Msg, herr.Header)
		return nil, herr
	}
	protocol := ""
	if o.Protocol != nil && len(r.Protocols) > 0 {
		protocol = o.Protocol(r.Protocols)
	}
	c := newConn(t, false, o.MaxMessage, buffered)
	c.Protocol = protocol
	b := getBuffer()
	*b = AppendAccept(*b, r.Key, protocol)
	t.Write(*b)
	putBuffer(b)
	return c, nil
}

// Refuse answers a request read from t with an HTTP error (status, the plain-text msg, more
// headers) and closes t once it is written; what the client still sends is ignored.
func Refuse(t Transport, status int, msg string, header []wire.Header) {
	t.SetHandler(ignore{})
	t.Start(ignore{})
	b := getBuffer()
	*b = AppendRefusal(*b, status, msg, header)
	t.Write(*b)
	putBuffer(b)
	t.Close()
}

// ignore is the Handler of a transport that is only closing.
type ignore struct{}

func (ignore) Data([]byte) error { return nil }
func (ignore) EOF() error        { return nil }
func (ignore) End(error) error   { return nil }
