package wire

import (
	"fmt"

	"earlynode/modules/internal/ipc/jsonframe"
)

// DefaultMaxMessageSize is the message size limit NewDecoder uses when given
// 0: 64 MiB of JSON text.
const DefaultMaxMessageSize = 64 << 20

// ErrFrameTooLarge is wrapped by the error Decode returns for a message
// longer than the decoder's limit. node-ipc has no limit.
var ErrFrameTooLarge = jsonframe.ErrFrameTooLarge

// Decoder turns the bytes received in JSON mode on one stream socket into
// messages.
//
// It returns every message as soon as its delimiter arrives. node-ipc itself
// parses only when a received chunk ends exactly with the delimiter and
// otherwise keeps buffering, so with a busy sender it delivers the same
// messages in the same order, later; and a single-character check means
// node-ipc 9.2.1 never delivers anything when the delimiter is longer than
// one UTF-16 code unit, while this decoder splits on any delimiter.
type Decoder struct {
	split    *jsonframe.Splitter
	messages []Message
}

// NewDecoder returns a decoder for one connection, for messages ended by
// delimiter (DefaultDelimiter when empty) and at most maxMessageSize bytes
// long (DefaultMaxMessageSize when 0 or less).
func NewDecoder(delimiter string, maxMessageSize int) *Decoder {
	if delimiter == "" {
		delimiter = DefaultDelimiter
	}
	if maxMessageSize <= 0 {
		maxMessageSize = DefaultMaxMessageSize
	}
	split, err := jsonframe.NewSplitter([]byte(delimiter), maxMessageSize)
	if err != nil {
		panic(fmt.Sprintf("nodeipc/wire: %v", err)) // unreachable: the arguments are valid
	}
	return &Decoder{split: split}
}

// Decode takes the next chunk read from the socket and returns the messages
// it completes, in order; a text that is not JSON is a Message with Err set,
// in its place, as node-ipc publishes 'error' in its place and goes on. A
// message longer than the limit is skipped and reported, after the chunk's
// other messages, with an error wrapping ErrFrameTooLarge. The messages and
// their slices stay valid until the next call.
func (d *Decoder) Decode(chunk []byte) ([]Message, error) {
	d.split.Feed(chunk)
	d.messages = d.messages[:0]
	var tooLarge error
	for {
		text, ok, err := d.split.Next()
		if err != nil {
			if tooLarge == nil {
				tooLarge = fmt.Errorf("nodeipc/wire: %w", err)
			}
			continue
		}
		if !ok {
			return d.messages, tooLarge
		}
		d.messages = append(d.messages, ParseMessage(text))
	}
}

// Buffered returns how many bytes of an incomplete message the decoder holds.
func (d *Decoder) Buffered() int { return d.split.Buffered() }
