package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"earlynode/modules/internal/ipc/jsonframe"
)

// DefaultMaxMessageSize is the message size limit NewDecoder uses when given
// 0: 64 MiB of JSON text.
const DefaultMaxMessageSize = 64 << 20

// Envelope is one received message.
type Envelope struct {
	// Text is the message's JSON text, delimiter excluded, as well-formed
	// UTF-8 (ill-formed bytes replaced with U+FFFD as socket.setEncoding('utf8')
	// does): JSON.parse(Text) is the library's message wrapper.
	Text []byte
	// Topic and Message are the raw JSON of the wrapper's "topic" and
	// "message" members; nil when absent (undefined in JavaScript), always nil
	// when the text is not an object.
	Topic, Message json.RawMessage
	// IsNull is true for the text "null": the library then fails reading
	// wrapper.message with a TypeError, emits it as 'error' and destroys the
	// socket.
	IsNull bool
}

// Decoder turns the bytes received on one socket into envelopes, as the
// library's JSON transcoder decoder does: whatever the chunking, every
// complete message is returned once, in order.
type Decoder struct {
	split     *jsonframe.Splitter
	envelopes []Envelope
}

// NewDecoder returns a decoder for one connection that refuses messages
// longer than maxMessageSize bytes (DefaultMaxMessageSize when 0 or less).
func NewDecoder(maxMessageSize int) *Decoder {
	if maxMessageSize <= 0 {
		maxMessageSize = DefaultMaxMessageSize
	}
	split, err := jsonframe.NewSplitter([]byte(Delimiter), maxMessageSize)
	if err != nil {
		panic(fmt.Sprintf("socketipc/wire: %v", err)) // unreachable: the arguments are valid
	}
	return &Decoder{split: split}
}

// Decode takes the next chunk read from the socket and returns the messages
// it completes. The envelopes and their slices stay valid until the next
// call.
//
// Like the library, Decode handles a chunk as a whole: if one of the messages
// it completes is not JSON, Decode returns no envelopes and a *DecodeError for
// the first bad one (the library then destroys the socket); the messages of
// that chunk are dropped and the partial message after them is kept. A
// message longer than the limit is skipped and reported, after the chunk's
// other envelopes, with an error wrapping ErrFrameTooLarge.
func (d *Decoder) Decode(chunk []byte) ([]Envelope, error) {
	d.split.Feed(chunk)
	d.envelopes = d.envelopes[:0]
	var tooLarge error
	for {
		text, ok, err := d.split.Next()
		if err != nil {
			if tooLarge == nil {
				tooLarge = fmt.Errorf("socketipc/wire: %w", err)
			}
			continue
		}
		if !ok {
			return d.envelopes, tooLarge
		}
		env, err := parseEnvelope(text)
		if err != nil {
			d.dropComplete()
			d.envelopes = d.envelopes[:0]
			return nil, err
		}
		d.envelopes = append(d.envelopes, env)
	}
}

// dropComplete discards the complete messages left in the buffer, keeping
// the partial one, as the library does after a bad message.
func (d *Decoder) dropComplete() {
	for {
		if _, ok, err := d.split.Next(); !ok && err == nil {
			return
		}
	}
}

// Buffered returns how many bytes of an incomplete message the decoder holds.
func (d *Decoder) Buffered() int { return d.split.Buffered() }

// parseEnvelope checks one message text and finds its members.
func parseEnvelope(text []byte) (Envelope, error) {
	if !utf8.Valid(text) {
		text = jsonframe.AppendWellFormedUTF8(nil, text)
	}
	m, err := jsonframe.ObjectMembers(text, "topic", "message")
	if err != nil {
		return Envelope{}, &DecodeError{RawData: bytes.Clone(text), Cause: err}
	}
	return Envelope{Text: text, Topic: m.First, Message: m.Second, IsNull: m.IsNull}, nil
}
