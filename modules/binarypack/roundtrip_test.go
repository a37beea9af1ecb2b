package binarypack

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// sameValue reports whether two decoded values are the same JavaScript value: numbers
// compare by value whatever their Go type (NaN equals NaN), nil and empty byte slices
// are both an empty binary, everything else compares structurally with Map order kept.
func sameValue(a, b any) bool {
	if na, ok := numberOf(a); ok {
		nb, ok := numberOf(b)
		return ok && na.equal(nb)
	}
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool, string:
		return a == b
	case []byte:
		y, ok := b.([]byte)
		return ok && bytes.Equal(x, y)
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameValue(x[i], y[i]) {
				return false
			}
		}
		return true
	case Map:
		y, ok := b.(Map)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameValue(x[i].Key, y[i].Key) || !sameValue(x[i].Value, y[i].Value) {
				return false
			}
		}
		return true
	}
	return false
}

// number is a decoded number kept exactly: an integer as its sign and 64 bits (int64
// bits when neg, uint64 otherwise), or a float.
type number struct {
	isInt bool
	neg   bool
	bits  uint64
	f     float64
}

// numberOf extracts a number from a decoded value.
func numberOf(v any) (number, bool) {
	switch x := v.(type) {
	case int64:
		return number{isInt: true, neg: x < 0, bits: uint64(x), f: float64(x)}, true
	case uint64:
		return number{isInt: true, bits: x, f: float64(x)}, true
	case float64:
		return number{f: x}, true
	}
	return number{}, false
}

// equal compares exactly when both are integers, as floats otherwise.
func (a number) equal(b number) bool {
	if a.isInt && b.isInt {
		return a.neg == b.neg && a.bits == b.bits
	}
	if math.IsNaN(a.f) || math.IsNaN(b.f) {
		return math.IsNaN(a.f) && math.IsNaN(b.f)
	}
	return a.f == b.f
}

// hasUnencodableNumber reports whether v holds a float that the zero Encoder rejects
// with ErrInvalidInteger (±Infinity, or a whole number outside [-2^63, 2^64)).
func hasUnencodableNumber(v any) bool {
	switch x := v.(type) {
	case float64:
		return math.IsInf(x, 0) || (math.Floor(x) == x && (x < -(1<<63) || x >= 1<<64))
	case []any:
		for _, e := range x {
			if hasUnencodableNumber(e) {
				return true
			}
		}
	case Map:
		for _, p := range x {
			if hasUnencodableNumber(p.Key) || hasUnencodableNumber(p.Value) {
				return true
			}
		}
	}
	return false
}

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want any // the decoded form; nil means same as in
	}{
		{"nested JSON-like object", Map{
			{"id", 42.0},
			{"name", "héllo wörld 😀"},
			{"tags", []any{"a", "b", 3.25, nil, true}},
			{"nested", Map{{"deep", Map{{"x", -1e-9}}}}},
			{"blob", []byte{0, 1, 254, 255}},
		}, Map{
			{"id", int64(42)},
			{"name", "héllo wörld 😀"},
			{"tags", []any{"a", "b", 3.25, nil, true}},
			{"nested", Map{{"deep", Map{{"x", -1e-9}}}}},
			{"blob", []byte{0, 1, 254, 255}},
		}},
		{"long string", strings.Repeat("é", 40000), nil},
		{"long bytes", bytes.Repeat([]byte{7}, 70000), nil},
		{"wide integers", []any{int64(math.MinInt64), int64(math.MaxInt64), uint64(math.MaxUint64)}, nil},
		{"2^63 keeps its value", 9223372036854775808.0, uint64(1) << 63},
		{"map of 20 pairs", func() Map {
			m := Map{}
			for i := range 20 {
				m = append(m, Pair{strings.Repeat("k", i+1), int64(i)})
			}
			return m
		}(), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Encode(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(b)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if want == nil {
				want = tc.in
			}
			if !sameValue(got, want) {
				t.Fatalf("round trip gave %#v, want %#v", got, want)
			}
		})
	}
}

func TestSameValue(t *testing.T) {
	tests := []struct {
		a, b any
		same bool
	}{
		{int64(3), 3.0, true},
		{uint64(3), int64(3), true},
		{int64(-1), uint64(math.MaxUint64), false},
		{math.NaN(), math.NaN(), true},
		{1.5, 1.25, false},
		{[]byte(nil), []byte{}, true},
		{Map{{"a", 1.0}}, Map{{"a", int64(1)}}, true},
		{Map{{"a", 1.0}, {"b", 2.0}}, Map{{"b", 2.0}, {"a", 1.0}}, false},
		{"1", int64(1), false},
	}
	for _, tc := range tests {
		if got := sameValue(tc.a, tc.b); got != tc.same {
			t.Errorf("sameValue(%#v, %#v) = %v", tc.a, tc.b, got)
		}
	}
}
