// Package wire is the BinaryJS message envelope (docs/wire/binaryjs.md): every WebSocket message
// is one BinaryPack array [type, payload, streamId]. It parses and validates received frames
// with the real library's error messages (binaryjs 0.2.1 lib/client.js) and writes envelope
// headers. It is a pure codec: no goja, no event loop.
package wire

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"earlynode/modules/binarypack"
)

// The message types of the envelope's first element.
const (
	TypeReserved  = 0 // ignored by receivers
	TypeNewStream = 1 // payload: the stream's meta
	TypeData      = 2 // payload: one value written to the stream
	TypePause     = 3 // payload: nil
	TypeResume    = 4 // payload: nil
	TypeEnd       = 5 // payload: nil
	TypeClose     = 6 // payload: nil
)

// Message is one parsed envelope. Type is the first element as a number (any BinaryPack
// number; the receiver decides what it means); Payload and StreamID are decoded BinaryPack
// values (see binarypack's value model), normally an integer StreamID.
type Message struct {
	Type     float64
	Payload  any
	StreamID any
}

// ErrInvalid is wrapped by every error Parse returns; the error's text is the message the real
// library's `error` event carries, e.g. "Received non-array message".
var ErrInvalid = errors.New("invalid BinaryJS message")

// invalid is a Parse error: its text is the real library's message.
type invalid struct{ msg string }

func (e *invalid) Error() string { return e.msg }
func (e *invalid) Unwrap() error { return ErrInvalid }

func invalidf(format string, args ...any) error { return &invalid{msg: fmt.Sprintf(format, args...)} }

// Parse decodes one received binary frame with d (which sets the length limits and whether
// bytes alias frame) and checks it is an envelope: a 3-element array whose first element is
// a number. Trailing bytes after the array are ignored, as the JavaScript decoder does.
func Parse(frame []byte, d *binarypack.Decoder) (Message, error) {
	v, _, err := d.DecodePrefix(frame)
	if err != nil {
		return Message{}, invalidf("Received unparsable message: %v", err)
	}
	arr, ok := v.([]any)
	if !ok {
		return Message{}, invalidf("Received non-array message")
	}
	if len(arr) != 3 {
		return Message{}, invalidf("Received message with wrong part count: %d", len(arr))
	}
	t, ok := Number(arr[0])
	if !ok {
		return Message{}, invalidf("Received message with non-number type: %s", JSString(arr[0]))
	}
	return Message{Type: t, Payload: arr[1], StreamID: arr[2]}, nil
}

// Number returns a decoded BinaryPack number as a float64 (what JavaScript sees).
func Number(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// JSString formats a decoded value as JavaScript's String(value) would: for error messages
// and for stream ids used as property names.
func JSString(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	case string:
		return x
	case []byte:
		return string(x) // a Node Buffer's toString is its UTF-8 text
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if e != nil {
				parts[i] = JSString(e)
			}
		}
		return strings.Join(parts, ",")
	case binarypack.Map:
		return "[object Object]"
	}
	if n, ok := Number(v); ok {
		return FormatNumber(n)
	}
	return fmt.Sprint(v)
}

// FormatNumber formats n as JavaScript's String(n) does for the numbers a message carries.
func FormatNumber(n float64) string {
	switch {
	case math.IsNaN(n):
		return "NaN"
	case math.IsInf(n, 1):
		return "Infinity"
	case math.IsInf(n, -1):
		return "-Infinity"
	case n == math.Trunc(n) && math.Abs(n) < 1e21:
		return strconv.FormatFloat(n, 'f', -1, 64)
	}
	s := strconv.FormatFloat(n, 'g', -1, 64)
	if i := strings.Index(s, "e"); i >= 0 && (math.Abs(n) >= 1e21 || math.Abs(n) < 1e-6) {
		mant, exp := s[:i], s[i+1:]
		if exp[0] == '+' {
			return mant + "e+" + strings.TrimLeft(exp[1:], "0")
		}
		return mant + "e-" + strings.TrimLeft(exp[1:], "0")
	}
	return strconv.FormatFloat(n, 'f', -1, 64)
}

// AppendHeader appends the start of an envelope of type typ: the 3-element array header and
// the type. The caller appends the payload and then the stream id.
func AppendHeader(dst []byte, typ int) []byte {
	return binarypack.AppendInt64(append(dst, 0x93), int64(typ))
}

// AppendControl appends a whole envelope without payload ([typ, nil, id]) for an integer id:
// pause, resume, end and close.
func AppendControl(dst []byte, typ int, id int64) []byte {
	dst = binarypack.AppendNil(AppendHeader(dst, typ))
	return binarypack.AppendInt64(dst, id)
}
