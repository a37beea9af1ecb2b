package binarypack

import (
	"encoding/hex"
	"errors"
	"math"
	"strings"
	"testing"
)

// encodeCase is one Go value and the hex the encoder must produce for it.
type encodeCase struct {
	name string
	in   any
	hex  string
}

func TestEncodeNumbers(t *testing.T) {
	tests := []encodeCase{
		{"-0 is an integer", math.Copysign(0, -1), "00"},
		{"float32 whole", float32(300), "cd012c"},
		{"float32 fraction", float32(0.5), "cb3fe0000000000000"},
		{"NaN canonical", math.Float64frombits(0x7ff8000000000001), "cb7ff8000000000000"},
		{"negative NaN canonical", math.Float64frombits(0xfff8000000000000), "cb7ff8000000000000"},
		{"smallest float", math.SmallestNonzeroFloat64, "cb0000000000000001"},
		{"int8 -128", int8(-128), "d080"},
		{"uint8 200", uint8(200), "ccc8"},
		{"int16 -33", int16(-33), "d0df"},
		{"uint16 65535", uint16(65535), "cdffff"},
		{"int32 min", int32(math.MinInt32), "d280000000"},
		{"uint32 max", uint32(math.MaxUint32), "ceffffffff"},
		{"int max int32+1", int(math.MaxInt32) + 1, "ce80000000"},
		{"int64 min", int64(math.MinInt64), "d38000000000000000"},
		{"int64 max", int64(math.MaxInt64), "d37fffffffffffffff"},
		{"float -2^63", -9223372036854775808.0, "d38000000000000000"},
		{"float 2^63 is uint64, not wrapped int64", 9223372036854775808.0, "cf8000000000000000"},
		{"float just below 2^64", 18446744073709549568.0, "cffffffffffffff800"},
		{"uint64 2^63", uint64(1) << 63, "cf8000000000000000"},
		{"uint64 max", uint64(math.MaxUint64), "cfffffffffffffffff"},
		{"uint 5", uint(5), "05"},
		{"uintptr 300", uintptr(300), "cd012c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Encode(tc.in)
			if err != nil {
				t.Fatalf("Encode(%v): %v", tc.in, err)
			}
			if h := hex.EncodeToString(got); h != tc.hex {
				t.Fatalf("Encode(%v) = %s, want %s", tc.in, h, tc.hex)
			}
		})
	}
}

func TestEncodeWideIntegersAsFloat64(t *testing.T) {
	e := Encoder{WideIntegersAsFloat64: true}
	tests := []encodeCase{
		{"int32 range unchanged", -2147483648.0, "d280000000"},
		{"uint32 range unchanged", 4294967295.0, "ceffffffff"},
		{"2^32 as float", 4294967296.0, "cb41f0000000000000"},
		{"-2^31-1 as float", int64(-2147483649), "cbc1e0000000200000"},
		{"2^53 as float", int64(1) << 53, "cb4340000000000000"},
		{"uint64 max as float", uint64(math.MaxUint64), "cb43f0000000000000"},
		{"1e300 as float", 1e300, "cb7e37e43c8800759c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := e.Encode(tc.in)
			if err != nil {
				t.Fatalf("Encode(%v): %v", tc.in, err)
			}
			if h := hex.EncodeToString(got); h != tc.hex {
				t.Fatalf("Encode(%v) = %s, want %s", tc.in, h, tc.hex)
			}
		})
	}
}

func TestEncodeLengthForms(t *testing.T) {
	tests := []struct {
		name   string
		in     any
		header string
	}{
		{"string 15", strings.Repeat("x", 15), "bf"},
		{"string 16", strings.Repeat("x", 16), "d80010"},
		{"string 65535", strings.Repeat("x", 65535), "d8ffff"},
		{"string 65536", strings.Repeat("x", 65536), "d900010000"},
		{"bytes 15", make([]byte, 15), "af"},
		{"bytes 65535", make([]byte, 65535), "daffff"},
		{"bytes 65536", make([]byte, 65536), "db00010000"},
		{"array 15", make([]any, 15), "9f"},
		{"array 16", make([]any, 16), "dc0010"},
		{"array 65536", make([]any, 65536), "dd00010000"},
		{"map 15", make(Map, 15), "8f"},
		{"map 16", make(Map, 16), "de0010"},
		{"map 65536", make(Map, 65536), "df00010000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Encode(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if h := hex.EncodeToString(got[:len(tc.header)/2]); h != tc.header {
				t.Fatalf("header %s, want %s", h, tc.header)
			}
		})
	}
}

// named types exercise the reflection path.
type (
	namedInt    int16
	namedString string
	namedBytes  []byte
	namedList   []namedInt
	namedStruct struct{ A int }
)

func TestEncodeReflect(t *testing.T) {
	var nilMap *Map
	m := Map{{"k", true}}
	tests := []encodeCase{
		{"named int", namedInt(-200), "d1ff38"},
		{"named string", namedString("hi"), "b26869"},
		{"named bytes", namedBytes{9}, "a109"},
		{"byte array", [3]byte{1, 2, 3}, "a3010203"},
		{"string slice", []string{"a", "b"}, "92b161b162"},
		{"named list", namedList{1, -1}, "9201ff"},
		{"int array", [2]int{5, 6}, "920506"},
		{"sorted string-keyed map", map[string]int{"b": 2, "a": 1}, "82b16101b16202"},
		{"sorted map[string]any", map[string]any{"z": nil, "y": []any{}}, "82b17990b17ac0"},
		{"nil map[string]any", map[string]any(nil), "80"},
		{"nil []any", []any(nil), "90"},
		{"nil []string", []string(nil), "90"},
		{"nil []byte", []byte(nil), "a0"},
		{"pointer to Map", &m, "81b16bc3"},
		{"nil pointer", nilMap, "c0"},
		{"float32 named via reflect", []float32{1.5}, "91cb3ff8000000000000"},
		{"Packed verbatim", []any{Packed{0x92, 0x01, 0x02}, Packed{0xc0}}, "929201 02c0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Encode(tc.in)
			if err != nil {
				t.Fatalf("Encode(%#v): %v", tc.in, err)
			}
			want := strings.ReplaceAll(tc.hex, " ", "")
			if h := hex.EncodeToString(got); h != want {
				t.Fatalf("Encode(%#v) = %s, want %s", tc.in, h, want)
			}
		})
	}
}

func TestEncodeErrors(t *testing.T) {
	cyclic := make([]any, 1)
	cyclic[0] = cyclic
	deep := any(nil)
	for range 5 {
		deep = []any{deep}
	}
	tests := []struct {
		name string
		enc  Encoder
		in   any
		kind error
		msg  string
	}{
		{"+Inf", Encoder{}, math.Inf(1), ErrInvalidInteger, "binarypack: cannot encode: +Inf: invalid integer"},
		{"-Inf even when wide", Encoder{WideIntegersAsFloat64: true}, math.Inf(-1), ErrInvalidInteger,
			"binarypack: cannot encode: -Inf: invalid integer"},
		{"2^64", Encoder{}, 18446744073709551616.0, ErrInvalidInteger,
			"binarypack: cannot encode: 1.8446744073709552e+19 is beyond the int64 and uint64 ranges: invalid integer"},
		{"below -2^63", Encoder{}, -1e19, ErrInvalidInteger,
			"binarypack: cannot encode: -1e+19 is beyond the int64 and uint64 ranges: invalid integer"},
		{"struct", Encoder{}, namedStruct{1}, ErrUnsupportedType,
			"binarypack: cannot encode: Go type binarypack.namedStruct: unsupported type"},
		{"struct inside array", Encoder{}, []any{1, struct{}{}}, ErrUnsupportedType,
			"binarypack: cannot encode: Go type struct {}: unsupported type"},
		{"channel", Encoder{}, make(chan int), ErrUnsupportedType, "binarypack: cannot encode: Go type chan int: unsupported type"},
		{"func", Encoder{}, func() {}, ErrUnsupportedType, "binarypack: cannot encode: Go type func(): unsupported type"},
		{"complex", Encoder{}, 1i, ErrUnsupportedType, "binarypack: cannot encode: Go type complex128: unsupported type"},
		{"int-keyed map", Encoder{}, map[int]any{1: 2}, ErrUnsupportedType,
			"binarypack: cannot encode: Go map type map[int]interface {} (keys must be strings): unsupported type"},
		{"cycle", Encoder{}, cyclic, ErrTooDeep, "binarypack: cannot encode: array at depth 10001 exceeds the limit of 10000: nesting too deep"},
		{"depth limit", Encoder{MaxDepth: 4}, deep, ErrTooDeep, "binarypack: cannot encode: array at depth 5 exceeds the limit of 4: nesting too deep"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dst := []byte{0xaa}
			got, err := tc.enc.Append(dst, tc.in)
			if !errors.Is(err, tc.kind) {
				t.Fatalf("Append error = %v, want kind %v", err, tc.kind)
			}
			if err.Error() != tc.msg {
				t.Fatalf("message %q, want %q", err.Error(), tc.msg)
			}
			if hex.EncodeToString(got) != "aa" {
				t.Fatalf("Append changed dst on error: %x", got)
			}
		})
	}
}

func TestEncodeDepthLimitAllowsExactDepth(t *testing.T) {
	v := any(nil)
	for range 4 {
		v = Map{{"k", v}}
	}
	e := Encoder{MaxDepth: 4}
	if _, err := e.Encode(v); err != nil {
		t.Fatalf("depth 4 with MaxDepth 4: %v", err)
	}
}

func TestAppendHeaderErrors(t *testing.T) {
	if _, err := AppendArrayHeader(nil, -1); !errors.Is(err, ErrTooLong) {
		t.Fatalf("negative array length: %v", err)
	}
	if math.MaxInt > math.MaxUint32 {
		if _, err := AppendMapHeader(nil, math.MaxUint32+1); !errors.Is(err, ErrTooLong) {
			t.Fatalf("map of 2^32 pairs: %v", err)
		}
	}
}

// TestAppendPrimitivesBuildEnvelope writes a BinaryJS data message by hand and checks it
// against the captured frame of docs/wire/binaryjs.md, A captured session.
func TestAppendPrimitivesBuildEnvelope(t *testing.T) {
	b, err := AppendArrayHeader(nil, 3)
	if err != nil {
		t.Fatal(err)
	}
	b = AppendInt64(b, 2)
	if b, err = AppendBytes(b, []byte{1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	b = AppendUint64(b, 0)
	if h := hex.EncodeToString(b); h != "9302a301020300" {
		t.Fatalf("envelope %s", h)
	}
	b, err = AppendMapHeader(nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	if b, err = AppendString(b, "k"); err != nil {
		t.Fatal(err)
	}
	if b, err = AppendFloat64(b, 2.5); err != nil {
		t.Fatal(err)
	}
	b = AppendBool(AppendNil(b), false)
	if h := hex.EncodeToString(b); h != "81b16bcb4004000000000000c0c2" {
		t.Fatalf("map %s", h)
	}
}
