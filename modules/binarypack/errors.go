package binarypack

import (
	"errors"
	"fmt"
)

// Kinds of failure. Every error returned by this package wraps exactly one of them, so
// callers can test with errors.Is.
var (
	// ErrTruncated: the input ends inside a value. A streaming caller may retry once
	// more bytes have arrived.
	ErrTruncated = errors.New("truncated input")
	// ErrUnknownType: the input holds a type byte that BinaryPack does not assign
	// (c1, c4-c9, d4-d7).
	ErrUnknownType = errors.New("unknown type byte")
	// ErrTooLong: a string, byte or element length exceeds the decoder's MaxLength, or a
	// value to encode is longer than the format's 2^32-1 limit.
	ErrTooLong = errors.New("length exceeds limit")
	// ErrTooDeep: arrays and maps are nested deeper than MaxDepth.
	ErrTooDeep = errors.New("nesting too deep")
	// ErrTrailingBytes: Decode found bytes after the one complete value.
	ErrTrailingBytes = errors.New("trailing bytes after value")
	// ErrInvalidInteger: a whole number outside every integer encoding (±Infinity, or
	// beyond 2^64). The JavaScript encoders throw "Invalid integer" here.
	ErrInvalidInteger = errors.New("invalid integer")
	// ErrUnsupportedType: a Go value with no BinaryPack representation (a struct, a
	// channel, a function, a map with non-string keys, ...).
	ErrUnsupportedType = errors.New("unsupported type")
)

// DecodeError reports why and where decoding failed.
type DecodeError struct {
	// Kind is one of the Err* sentinels above; errors.Is matches it.
	Kind error
	// Offset is the byte offset in the input of the type byte of the failing value
	// (for ErrTrailingBytes: of the first trailing byte).
	Offset int
	// Detail says what was being read, e.g. "str16 needs 300 bytes, 12 left".
	Detail string
}

// Error formats the failure as "binarypack: <kind>: <detail> at offset <n>".
func (e *DecodeError) Error() string {
	return fmt.Sprintf("binarypack: %v: %s at offset %d", e.Kind, e.Detail, e.Offset)
}

// Unwrap returns the Kind sentinel.
func (e *DecodeError) Unwrap() error { return e.Kind }

// encodeError wraps a sentinel with the Go type that could not be encoded.
func encodeError(kind error, format string, args ...any) error {
	return fmt.Errorf("binarypack: cannot encode: "+format+": %w", append(args, kind)...)
}
