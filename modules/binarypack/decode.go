package binarypack

import (
	"encoding/binary"
	"fmt"
	"math"
)

// DefaultMaxLength is the largest string or byte length, and the largest array or map
// element count, that a Decoder with MaxLength 0 accepts: 64 MiB.
const DefaultMaxLength = 64 << 20

// DefaultMaxDepth is how deeply arrays and maps may nest when MaxDepth is 0, for both
// the Decoder and the Encoder. A top-level array or map is depth 1.
const DefaultMaxDepth = 10000

// Decoder reads BinaryPack values with configurable limits. The zero value is ready to
// use with the defaults; a Decoder holds no state between calls and is safe for
// concurrent use.
type Decoder struct {
	// MaxLength bounds each string or byte length and each array or map element count;
	// 0 means DefaultMaxLength. Longer items fail with ErrTooLong before any
	// allocation.
	MaxLength int
	// MaxDepth bounds the nesting of arrays and maps; 0 means DefaultMaxDepth.
	MaxDepth int
	// AliasBytes makes decoded []byte values share memory with the input instead of
	// being copied, as Node's binarypack returns views into the received frame. Only
	// set it when the input is not reused or modified afterwards.
	AliasBytes bool
}

// Decode reads exactly one value from b with the default limits. Bytes after the value
// are an error (ErrTrailingBytes); use DecodePrefix to ignore them as the JavaScript
// decoders do.
func Decode(b []byte) (any, error) {
	var d Decoder
	return d.Decode(b)
}

// DecodePrefix reads one value from the start of b with the default limits and reports
// how many bytes it used.
func DecodePrefix(b []byte) (v any, n int, err error) {
	var d Decoder
	return d.DecodePrefix(b)
}

// Decode reads exactly one value from b; bytes left after it are an ErrTrailingBytes
// error.
func (d *Decoder) Decode(b []byte) (any, error) {
	v, n, err := d.DecodePrefix(b)
	if err != nil {
		return nil, err
	}
	if n != len(b) {
		return nil, &DecodeError{Kind: ErrTrailingBytes, Offset: n,
			Detail: fmt.Sprintf("%d bytes after a complete value", len(b)-n)}
	}
	return v, nil
}

// DecodePrefix reads one value from the start of b and returns it with the number of
// bytes it used; whatever follows is left alone, so a stream of concatenated values can
// be read by calling it repeatedly on b[n:]. On error n is 0 and err is a *DecodeError;
// errors.Is(err, ErrTruncated) means b holds the beginning of a value but not all of it.
func (d *Decoder) DecodePrefix(b []byte) (v any, n int, err error) {
	s := decodeState{buf: b, maxLength: d.MaxLength, maxDepth: d.MaxDepth, alias: d.AliasBytes}
	if s.maxLength <= 0 {
		s.maxLength = DefaultMaxLength
	}
	if s.maxDepth <= 0 {
		s.maxDepth = DefaultMaxDepth
	}
	v, err = s.value(0)
	if err != nil {
		return nil, 0, err
	}
	return v, s.off, nil
}

// sizedTypeNames names the type bytes 0xd8..0xdf, which carry a length field.
var sizedTypeNames = [8]string{"str16", "str32", "raw16", "raw32", "array16", "array32", "map16", "map32"}

// decodeState is the cursor of one DecodePrefix call.
type decodeState struct {
	buf       []byte
	off       int
	maxLength int
	maxDepth  int
	alias     bool
}

// fail builds the error for the value whose type byte is at start.
func (s *decodeState) fail(kind error, start int, format string, args ...any) error {
	return &DecodeError{Kind: kind, Offset: start, Detail: fmt.Sprintf(format, args...)}
}

// fixed returns the next n bytes of a fixed-size field of the value named what.
func (s *decodeState) fixed(start, n int, what string) ([]byte, error) {
	if len(s.buf)-s.off < n {
		return nil, s.fail(ErrTruncated, start, "%s needs %d bytes, %d left", what, n, len(s.buf)-s.off)
	}
	p := s.buf[s.off : s.off+n]
	s.off += n
	return p, nil
}

// length reads the big-endian length field of size 2 or 4 bytes that follows a type
// byte.
func (s *decodeState) length(start, size int, what string) (uint64, error) {
	p, err := s.fixed(start, size, what+" length")
	if err != nil {
		return 0, err
	}
	if size == 2 {
		return uint64(binary.BigEndian.Uint16(p)), nil
	}
	return uint64(binary.BigEndian.Uint32(p)), nil
}

// payload checks a byte length against the limit and the remaining input, then returns
// those bytes.
func (s *decodeState) payload(start int, n uint64, what string) ([]byte, error) {
	if n > uint64(s.maxLength) {
		return nil, s.fail(ErrTooLong, start, "%s of %d bytes exceeds the limit of %d", what, n, s.maxLength)
	}
	left := uint64(len(s.buf) - s.off)
	if n > left {
		return nil, s.fail(ErrTruncated, start, "%s needs %d bytes, %d left", what, n, left)
	}
	p := s.buf[s.off : s.off+int(n)]
	s.off += int(n)
	return p, nil
}

// count checks an element count (of pairs, for maps) against the limit and against the smallest number of
// bytes the elements can occupy (minBytes each), so no slice is sized from a count the
// input cannot back.
func (s *decodeState) count(start int, n uint64, minBytes uint64, what string) (int, error) {
	unit := "elements"
	if minBytes == 2 {
		unit = "pairs"
	}
	if n > uint64(s.maxLength) {
		return 0, s.fail(ErrTooLong, start, "%s of %d %s exceeds the limit of %d", what, n, unit, s.maxLength)
	}
	left := uint64(len(s.buf) - s.off)
	if n*minBytes > left {
		return 0, s.fail(ErrTruncated, start, "%s of %d %s needs at least %d bytes, %d left",
			what, n, unit, n*minBytes, left)
	}
	return int(n), nil
}

// value decodes the value at s.off; depth is the number of enclosing arrays and maps.
func (s *decodeState) value(depth int) (any, error) {
	start := s.off
	if start >= len(s.buf) {
		return nil, s.fail(ErrTruncated, start, "no type byte")
	}
	t := s.buf[start]
	s.off++
	switch {
	case t <= 0x7f:
		return int64(t), nil
	case t >= 0xe0:
		return int64(int8(t)), nil
	case t <= 0x8f:
		return s.mapValue(start, uint64(t&0x0f), depth, "fixmap")
	case t <= 0x9f:
		return s.arrayValue(start, uint64(t&0x0f), depth, "fixarray")
	case t <= 0xaf:
		return s.rawValue(start, uint64(t&0x0f), "fixraw")
	case t <= 0xbf:
		return s.strValue(start, uint64(t&0x0f), "fixstr")
	}
	switch t {
	case 0xc0:
		return nil, nil
	case 0xc2:
		return false, nil
	case 0xc3:
		return true, nil
	case 0xca:
		p, err := s.fixed(start, 4, "float32")
		if err != nil {
			return nil, err
		}
		return float64(math.Float32frombits(binary.BigEndian.Uint32(p))), nil
	case 0xcb:
		p, err := s.fixed(start, 8, "float64")
		if err != nil {
			return nil, err
		}
		return math.Float64frombits(binary.BigEndian.Uint64(p)), nil
	case 0xcc:
		p, err := s.fixed(start, 1, "uint8")
		if err != nil {
			return nil, err
		}
		return int64(p[0]), nil
	case 0xcd:
		p, err := s.fixed(start, 2, "uint16")
		if err != nil {
			return nil, err
		}
		return int64(binary.BigEndian.Uint16(p)), nil
	case 0xce:
		p, err := s.fixed(start, 4, "uint32")
		if err != nil {
			return nil, err
		}
		return int64(binary.BigEndian.Uint32(p)), nil
	case 0xcf:
		p, err := s.fixed(start, 8, "uint64")
		if err != nil {
			return nil, err
		}
		return binary.BigEndian.Uint64(p), nil
	case 0xd0:
		p, err := s.fixed(start, 1, "int8")
		if err != nil {
			return nil, err
		}
		return int64(int8(p[0])), nil
	case 0xd1:
		p, err := s.fixed(start, 2, "int16")
		if err != nil {
			return nil, err
		}
		return int64(int16(binary.BigEndian.Uint16(p))), nil
	case 0xd2:
		p, err := s.fixed(start, 4, "int32")
		if err != nil {
			return nil, err
		}
		return int64(int32(binary.BigEndian.Uint32(p))), nil
	case 0xd3:
		p, err := s.fixed(start, 8, "int64")
		if err != nil {
			return nil, err
		}
		return int64(binary.BigEndian.Uint64(p)), nil
	case 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf:
		// Even type bytes carry a 2-byte length, odd ones a 4-byte length.
		what := sizedTypeNames[t-0xd8]
		n, err := s.length(start, 2+2*int(t&1), what)
		if err != nil {
			return nil, err
		}
		switch t {
		case 0xd8, 0xd9:
			return s.strValue(start, n, what)
		case 0xda, 0xdb:
			return s.rawValue(start, n, what)
		case 0xdc, 0xdd:
			return s.arrayValue(start, n, depth, what)
		default:
			return s.mapValue(start, n, depth, what)
		}
	}
	return nil, s.fail(ErrUnknownType, start, "0x%02x", t)
}

// strValue reads n UTF-8 bytes as a string.
func (s *decodeState) strValue(start int, n uint64, what string) (any, error) {
	p, err := s.payload(start, n, what)
	if err != nil {
		return nil, err
	}
	return decodeUTF8(p), nil
}

// rawValue reads n opaque bytes, copied unless the decoder aliases.
func (s *decodeState) rawValue(start int, n uint64, what string) (any, error) {
	p, err := s.payload(start, n, what)
	if err != nil {
		return nil, err
	}
	if s.alias {
		return p[:len(p):len(p)], nil
	}
	return append(make([]byte, 0, len(p)), p...), nil
}

// arrayValue reads n elements.
func (s *decodeState) arrayValue(start int, n uint64, depth int, what string) (any, error) {
	if depth >= s.maxDepth {
		return nil, s.fail(ErrTooDeep, start, "%s at depth %d exceeds the limit of %d", what, depth+1, s.maxDepth)
	}
	count, err := s.count(start, n, 1, what)
	if err != nil {
		return nil, err
	}
	out := make([]any, count)
	for i := range out {
		if out[i], err = s.value(depth + 1); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// mapValue reads n key/value pairs in wire order.
func (s *decodeState) mapValue(start int, n uint64, depth int, what string) (any, error) {
	if depth >= s.maxDepth {
		return nil, s.fail(ErrTooDeep, start, "%s at depth %d exceeds the limit of %d", what, depth+1, s.maxDepth)
	}
	count, err := s.count(start, n, 2, what)
	if err != nil {
		return nil, err
	}
	out := make(Map, count)
	for i := range out {
		if out[i].Key, err = s.value(depth + 1); err != nil {
			return nil, err
		}
		if out[i].Value, err = s.value(depth + 1); err != nil {
			return nil, err
		}
	}
	return out, nil
}
