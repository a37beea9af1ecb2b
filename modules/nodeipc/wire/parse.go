package wire

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	"earlynode/modules/internal/ipc/jsonframe"
)

// InvalidJSONMessage is the message field of the data node-ipc publishes
// with its local 'error' event for a received text that is not JSON:
// {message: InvalidJSONMessage, err: <the SyntaxError>, response: <the text>}.
const InvalidJSONMessage = "Invalid JSON response format"

// Message is one received JSON-mode message.
type Message struct {
	// Text is the message's JSON text, delimiter excluded, as well-formed
	// UTF-8 (ill-formed bytes replaced with U+FFFD, as the utf8 socket
	// encoding does).
	Text []byte
	// Type and Data are the raw JSON of the "type" and "data" members; nil
	// when absent (undefined in JavaScript), always nil when the text is not
	// an object. node-ipc publishes the event named by type with data.
	Type, Data json.RawMessage
	// Err is non-nil when node-ipc publishes an 'error' event instead (see
	// ParseError).
	Err *ParseError
}

// ParseError is a received text node-ipc turns into a local 'error' event
// with data {message: InvalidJSONMessage, err, response}.
type ParseError struct {
	// Response is the text that failed, as node-ipc's response field holds
	// it — except when Null is set.
	Response []byte
	// Null is true when the text was JSON null: node-ipc's parser then fails
	// reading null.type with a TypeError, and the response field it reports
	// is null rather than the text.
	Null bool
	// Cause is what JSON.parse would have tripped on; nil when Null.
	Cause error
}

// Error names what failed.
func (e *ParseError) Error() string {
	if e.Null {
		return InvalidJSONMessage + ": message is null"
	}
	return InvalidJSONMessage + ": " + e.Cause.Error()
}

// Unwrap returns the cause, a *jsonframe.SyntaxError or nil.
func (e *ParseError) Unwrap() error { return e.Cause }

// ParseMessage reads one message text (delimiter excluded) as node-ipc's
// js-message does. Text that is not valid UTF-8 is first made well-formed
// (in a new buffer); otherwise the returned slices alias text.
func ParseMessage(text []byte) Message {
	if !utf8.Valid(text) {
		text = jsonframe.AppendWellFormedUTF8(nil, text)
	}
	m, err := jsonframe.ObjectMembers(text, "type", "data")
	if err != nil {
		return Message{Text: text, Err: &ParseError{Response: bytes.Clone(text), Cause: err}}
	}
	if m.IsNull {
		return Message{Text: text, Err: &ParseError{Response: bytes.Clone(text), Null: true}}
	}
	return Message{Text: text, Type: m.First, Data: m.Second}
}
