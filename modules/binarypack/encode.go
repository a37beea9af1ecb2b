package binarypack

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
)

// Encoder writes Go values as BinaryPack. The zero value writes exactly the bytes the
// JavaScript encoders write for the same JavaScript value; an Encoder holds no state
// between calls and is safe for concurrent use.
//
// Numbers follow the JavaScript encoders' integer ladder: a whole number (any Go
// integer, or a float whose Floor is itself, including -0) takes the first of these
// that fits: positive/negative fixint (-32..127), uint8 (cc), int8 (d0), uint16 (cd),
// int16 (d1), uint32 (ce), int32 (d2), int64 (d3), uint64 (cf). Every other float,
// NaN included, is a float64 (cb) with its IEEE-754 bits (NaN canonicalised to
// 7ff8000000000000, as Node writes it). ±Infinity and whole floats beyond 2^64 fail
// with ErrInvalidInteger, where the JavaScript encoders throw "Invalid integer".
//
// One deliberate difference: the JavaScript ladder writes 2^63 itself as int64, which
// wraps to -2^63 on arrival; this encoder writes it as uint64 (cf), its true value.
type Encoder struct {
	// WideIntegersAsFloat64 writes whole numbers outside the int32 and uint32 ranges as
	// float64 (cb) instead of int64/uint64 (d3/cf). Node's binarypack 0.0.4 crashes on
	// d3 and reads cf as NaN, and peerjs-js-binarypack 2.1.0 misreads negative d3
	// values (d3ffffffff7fffffff, -2147483649, arrives as -2147483648), while every
	// JavaScript decoder reads cb as the same number; so set this when the receiver
	// should get the right number rather than the JavaScript encoders' exact bytes.
	// Go integers beyond ±2^53 then lose precision, as they would in a JavaScript
	// number.
	WideIntegersAsFloat64 bool
	// MaxDepth bounds the nesting of arrays and maps (and so stops cycles); 0 means
	// DefaultMaxDepth.
	MaxDepth int
}

// Encode returns v encoded as one BinaryPack value by the zero Encoder.
func Encode(v any) ([]byte, error) {
	var e Encoder
	return e.Append(nil, v)
}

// Append appends v encoded by the zero Encoder to dst. On error it returns dst
// unchanged.
func Append(dst []byte, v any) ([]byte, error) {
	var e Encoder
	return e.Append(dst, v)
}

// Encode returns v encoded as one BinaryPack value.
func (e *Encoder) Encode(v any) ([]byte, error) {
	return e.Append(nil, v)
}

// Append appends v encoded as one BinaryPack value to dst. On error it returns dst
// unchanged (its spare capacity may have been written to) and an error wrapping
// ErrUnsupportedType, ErrInvalidInteger, ErrTooLong or ErrTooDeep.
func (e *Encoder) Append(dst []byte, v any) ([]byte, error) {
	out, err := e.appendValue(dst, v, 0)
	if err != nil {
		return dst, err
	}
	return out, nil
}

// maxDepth returns the effective nesting limit.
func (e *Encoder) maxDepth() int {
	if e.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return e.MaxDepth
}

// appendValue encodes v; depth is the number of enclosing arrays and maps.
func (e *Encoder) appendValue(dst []byte, v any, depth int) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return AppendNil(dst), nil
	case bool:
		return AppendBool(dst, x), nil
	case int:
		return e.AppendInt64(dst, int64(x)), nil
	case int8:
		return e.AppendInt64(dst, int64(x)), nil
	case int16:
		return e.AppendInt64(dst, int64(x)), nil
	case int32:
		return e.AppendInt64(dst, int64(x)), nil
	case int64:
		return e.AppendInt64(dst, x), nil
	case uint:
		return e.AppendUint64(dst, uint64(x)), nil
	case uint8:
		return e.AppendUint64(dst, uint64(x)), nil
	case uint16:
		return e.AppendUint64(dst, uint64(x)), nil
	case uint32:
		return e.AppendUint64(dst, uint64(x)), nil
	case uint64:
		return e.AppendUint64(dst, x), nil
	case uintptr:
		return e.AppendUint64(dst, uint64(x)), nil
	case float32:
		return e.AppendFloat64(dst, float64(x))
	case float64:
		return e.AppendFloat64(dst, x)
	case string:
		return AppendString(dst, x)
	case []byte:
		return AppendBytes(dst, x)
	case Packed:
		return append(dst, x...), nil
	case []any:
		return e.appendArray(dst, x, depth)
	case Map:
		return e.appendMap(dst, x, depth)
	case map[string]any:
		return e.appendStringMap(dst, x, depth)
	}
	return e.appendReflect(dst, v, depth)
}

// enter checks that one more level of nesting is allowed.
func (e *Encoder) enter(depth int, what string) error {
	if depth >= e.maxDepth() {
		return encodeError(ErrTooDeep, "%s at depth %d exceeds the limit of %d", what, depth+1, e.maxDepth())
	}
	return nil
}

// appendArray encodes a slice of values.
func (e *Encoder) appendArray(dst []byte, a []any, depth int) ([]byte, error) {
	if err := e.enter(depth, "array"); err != nil {
		return nil, err
	}
	dst, err := AppendArrayHeader(dst, len(a))
	if err != nil {
		return nil, err
	}
	for _, v := range a {
		if dst, err = e.appendValue(dst, v, depth+1); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

// appendMap encodes an ordered map in slice order.
func (e *Encoder) appendMap(dst []byte, m Map, depth int) ([]byte, error) {
	if err := e.enter(depth, "map"); err != nil {
		return nil, err
	}
	dst, err := AppendMapHeader(dst, len(m))
	if err != nil {
		return nil, err
	}
	for _, p := range m {
		if dst, err = e.appendValue(dst, p.Key, depth+1); err != nil {
			return nil, err
		}
		if dst, err = e.appendValue(dst, p.Value, depth+1); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

// appendStringMap encodes a Go map with its keys in sorted order, so equal maps give
// equal bytes.
func (e *Encoder) appendStringMap(dst []byte, m map[string]any, depth int) ([]byte, error) {
	if err := e.enter(depth, "map"); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, strings.Compare)
	dst, err := AppendMapHeader(dst, len(keys))
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if dst, err = AppendString(dst, k); err != nil {
			return nil, err
		}
		if dst, err = e.appendValue(dst, m[k], depth+1); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

// AppendNil appends nil (c0), what JavaScript null and undefined become.
func AppendNil(dst []byte) []byte { return append(dst, 0xc0) }

// AppendBool appends true (c3) or false (c2).
func AppendBool(dst []byte, b bool) []byte {
	if b {
		return append(dst, 0xc3)
	}
	return append(dst, 0xc2)
}

// AppendInt64 appends n by the integer ladder of the zero Encoder.
func AppendInt64(dst []byte, n int64) []byte {
	var e Encoder
	return e.AppendInt64(dst, n)
}

// AppendUint64 appends n by the integer ladder of the zero Encoder.
func AppendUint64(dst []byte, n uint64) []byte {
	var e Encoder
	return e.AppendUint64(dst, n)
}

// AppendFloat64 appends f as the zero Encoder does: whole numbers by the integer
// ladder, others as float64.
func AppendFloat64(dst []byte, f float64) ([]byte, error) {
	var e Encoder
	return e.AppendFloat64(dst, f)
}

// AppendInt64 appends n by the integer ladder (see Encoder).
func (e *Encoder) AppendInt64(dst []byte, n int64) []byte {
	switch {
	case n >= -32 && n <= 127:
		return append(dst, byte(n))
	case n >= 0 && n <= math.MaxUint8:
		return append(dst, 0xcc, byte(n))
	case n >= math.MinInt8 && n <= math.MaxInt8:
		return append(dst, 0xd0, byte(n))
	case n >= 0 && n <= math.MaxUint16:
		return binary.BigEndian.AppendUint16(append(dst, 0xcd), uint16(n))
	case n >= math.MinInt16 && n <= math.MaxInt16:
		return binary.BigEndian.AppendUint16(append(dst, 0xd1), uint16(n))
	case n >= 0 && n <= math.MaxUint32:
		return binary.BigEndian.AppendUint32(append(dst, 0xce), uint32(n))
	case n >= math.MinInt32 && n <= math.MaxInt32:
		return binary.BigEndian.AppendUint32(append(dst, 0xd2), uint32(n))
	case e.WideIntegersAsFloat64:
		return appendFloat64Bits(dst, float64(n))
	default:
		return binary.BigEndian.AppendUint64(append(dst, 0xd3), uint64(n))
	}
}

// AppendUint64 appends n by the integer ladder (see Encoder): values above
// math.MaxInt64 take uint64 (cf), or float64 with WideIntegersAsFloat64.
func (e *Encoder) AppendUint64(dst []byte, n uint64) []byte {
	if n <= math.MaxInt64 {
		return e.AppendInt64(dst, int64(n))
	}
	if e.WideIntegersAsFloat64 {
		return appendFloat64Bits(dst, float64(n))
	}
	return binary.BigEndian.AppendUint64(append(dst, 0xcf), n)
}

// AppendFloat64 appends f the way the JavaScript encoders write the number f (see
// Encoder). It fails with ErrInvalidInteger for ±Infinity and, unless
// WideIntegersAsFloat64 is set, for whole numbers of 2^64 or more or below -2^63.
func (e *Encoder) AppendFloat64(dst []byte, f float64) ([]byte, error) {
	const two63, two64 = 1 << 63, 1 << 64
	switch {
	case math.Floor(f) != f: // fractions and NaN
		return appendFloat64Bits(dst, f), nil
	case math.IsInf(f, 0):
		return dst, encodeError(ErrInvalidInteger, "%v", f)
	case f >= -two63 && f < two63:
		return e.AppendInt64(dst, int64(f)), nil
	case f >= two63 && f < two64:
		return e.AppendUint64(dst, uint64(f)), nil
	case e.WideIntegersAsFloat64:
		return appendFloat64Bits(dst, f), nil
	default:
		return dst, encodeError(ErrInvalidInteger, "%v is beyond the int64 and uint64 ranges", f)
	}
}

// appendFloat64Bits appends cb and the IEEE-754 bits of f, with NaN canonicalised.
func appendFloat64Bits(dst []byte, f float64) []byte {
	bits := math.Float64bits(f)
	if f != f {
		bits = 0x7ff8000000000000
	}
	return binary.BigEndian.AppendUint64(append(dst, 0xcb), bits)
}

// AppendString appends s as a string (fixstr, str16 or str32). The bytes are written
// as they are; a string from JavaScript should already be valid UTF-8. It fails with
// ErrTooLong beyond 2^32-1 bytes.
func AppendString(dst []byte, s string) ([]byte, error) {
	dst, err := appendHeader(dst, len(s), 0xb0, 0xd8, "string")
	if err != nil {
		return dst, err
	}
	return append(dst, s...), nil
}

// AppendBytes appends b as raw bytes (fixraw, raw16 or raw32), what a Node Buffer or a
// JavaScript ArrayBuffer becomes. It fails with ErrTooLong beyond 2^32-1 bytes.
func AppendBytes(dst []byte, b []byte) ([]byte, error) {
	dst, err := appendHeader(dst, len(b), 0xa0, 0xda, "byte string")
	if err != nil {
		return dst, err
	}
	return append(dst, b...), nil
}

// AppendArrayHeader appends the header of an array of n elements (fixarray, array16 or
// array32); the caller appends the n elements after it. This lets a caller write an
// envelope such as BinaryJS's [type, payload, id] without building a []any.
func AppendArrayHeader(dst []byte, n int) ([]byte, error) {
	return appendHeader(dst, n, 0x90, 0xdc, "array")
}

// AppendMapHeader appends the header of a map of n key/value pairs (fixmap, map16 or
// map32); the caller appends each key followed by its value.
func AppendMapHeader(dst []byte, n int) ([]byte, error) {
	return appendHeader(dst, n, 0x80, 0xde, "map")
}

// appendHeader writes the fix form (fix|n) for n <= 15, else the 16-bit form (b16),
// else the 32-bit form (b16+1).
func appendHeader(dst []byte, n int, fix, b16 byte, what string) ([]byte, error) {
	switch {
	case n < 0:
		return dst, encodeError(ErrTooLong, "%s length %d is negative", what, n)
	case n <= 0x0f:
		return append(dst, fix|byte(n)), nil
	case n <= math.MaxUint16:
		return binary.BigEndian.AppendUint16(append(dst, b16), uint16(n)), nil
	case uint64(n) <= math.MaxUint32:
		return binary.BigEndian.AppendUint32(append(dst, b16+1), uint32(n)), nil
	default:
		return dst, encodeError(ErrTooLong, "%s of %d exceeds 2^32-1", what, n)
	}
}
