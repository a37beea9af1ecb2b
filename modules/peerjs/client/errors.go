package client

import "fmt"

// ErrorType names a kind of error, with the strings PeerJS 1.5.5 uses in
// its error objects' `type` property.
type ErrorType string

// The error types of a Peer (PeerJS PeerErrorType).
const (
	// ErrInvalidID: the id given to NewPeer breaks the id rule.
	ErrInvalidID ErrorType = "invalid-id"
	// ErrInvalidKey: the server refused the key (0.x servers only).
	ErrInvalidKey ErrorType = "invalid-key"
	// ErrUnavailableID: the id is registered by someone else.
	ErrUnavailableID ErrorType = "unavailable-id"
	// ErrServerError: the server refused the client or could not give an id.
	ErrServerError ErrorType = "server-error"
	// ErrNetwork: the signalling connection could not be made or was lost.
	ErrNetwork ErrorType = "network"
	// ErrPeerUnavailable: the peer dialled is not connected to the server.
	ErrPeerUnavailable ErrorType = "peer-unavailable"
	// ErrDisconnected: the Peer is disconnected from the server and cannot
	// make new connections.
	ErrDisconnected ErrorType = "disconnected"
	// ErrSocketError: the signalling socket failed.
	ErrSocketError ErrorType = "socket-error"
	// ErrWebRTC: the WebRTC layer failed (session descriptions, candidates).
	ErrWebRTC ErrorType = "webrtc"
)

// The error types of a DataConnection (PeerJS BaseConnectionErrorType and
// DataConnectionErrorType), plus one of earlynode's own.
const (
	// ErrNegotiationFailed: ICE failed; the connection closes.
	ErrNegotiationFailed ErrorType = "negotiation-failed"
	// ErrConnectionClosed: the peer connection was closed under the
	// DataConnection.
	ErrConnectionClosed ErrorType = "connection-closed"
	// ErrNotOpenYet: Send before the connection opened (or after it closed).
	ErrNotOpenYet ErrorType = "not-open-yet"
	// ErrMessageTooBig: a JSON message of 16300 bytes or more.
	ErrMessageTooBig ErrorType = "message-too-big"
	// ErrInvalidMessage: a message from the remote peer that cannot be
	// decoded in the connection's serialization (PeerJS would throw). The
	// message is dropped and the connection stays open.
	ErrInvalidMessage ErrorType = "invalid-message"
	// ErrInvalidSerialization: an unknown serialization name.
	ErrInvalidSerialization ErrorType = "invalid-serialization"
)

// Error is an error of a Peer or a DataConnection.
type Error struct {
	// Type is the kind of error, the JavaScript error's `type`.
	Type ErrorType
	// Message says what failed, in PeerJS's words where it has some.
	Message string
	// Cause is the underlying error, when there is one.
	Cause error
}

// Error returns the message, followed by the cause in parentheses.
func (e *Error) Error() string {
	if e.Cause != nil {
		return fmt.Sprintf("%s (%v)", e.Message, e.Cause)
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// newError builds an *Error with a formatted message.
func newError(t ErrorType, cause error, format string, args ...any) *Error {
	return &Error{Type: t, Message: fmt.Sprintf(format, args...), Cause: cause}
}
