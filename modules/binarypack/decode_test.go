package binarypack

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"earlynode/internal/testenv"
)

func TestDecodeTypes(t *testing.T) {
	tests := []struct {
		name string
		hex  string
		want any
	}{
		{"float32", "ca3fc00000", 1.5},
		{"float32 whole stays float", "ca3f800000", 1.0},
		{"float64 NaN bits", "cb7ff8000000000000", math.NaN()},
		{"float64 +Inf", "cb7ff0000000000000", math.Inf(1)},
		{"uint8", "ccff", int64(255)},
		{"uint16", "cdffff", int64(65535)},
		{"uint32", "ceffffffff", int64(4294967295)},
		{"uint64 small stays uint64", "cf0000000000000001", uint64(1)},
		{"uint64 max", "cfffffffffffffffff", uint64(math.MaxUint64)},
		{"int8", "d0ff", int64(-1)},
		{"int16", "d1ff00", int64(-256)},
		{"int32", "d280000000", int64(math.MinInt32)},
		{"int64 min", "d38000000000000000", int64(math.MinInt64)},
		{"str16", "d80002" + "6869", "hi"},
		{"str32", "d900000002" + "6869", "hi"},
		{"raw16", "da0002" + "0102", []byte{1, 2}},
		{"raw32", "db00000002" + "0102", []byte{1, 2}},
		{"empty raw", "a0", []byte{}},
		{"array16", "dc0002" + "c3c2", []any{true, false}},
		{"array32", "dd00000001" + "c0", []any{nil}},
		{"map16", "de0001" + "b161" + "01", Map{{"a", int64(1)}}},
		{"map32", "df00000001" + "b161" + "01", Map{{"a", int64(1)}}},
		{"duplicate keys kept in order", "82b16101b16102", Map{{"a", int64(1)}, {"a", int64(2)}}},
		{"non-string key kept", "82" + "01b178" + "c0c3", Map{{int64(1), "x"}, {nil, true}}},
		{"invalid UTF-8 replaced", "b3" + "61ff62", "a\uFFFDb"},
		{"surrogate bytes replaced per byte", "b3" + "eda080", "\uFFFD\uFFFD\uFFFD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Decode(mustHex(t, tc.hex))
			if err != nil {
				t.Fatalf("Decode(%s): %v", tc.hex, err)
			}
			if f, ok := tc.want.(float64); ok && math.IsNaN(f) {
				if g, ok := got.(float64); !ok || !math.IsNaN(g) {
					t.Fatalf("Decode(%s) = %#v, want NaN", tc.hex, got)
				}
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("Decode(%s) = %#v, want %#v", tc.hex, got, tc.want)
			}
		})
	}
}

// errorCases are malformed inputs; testdata/decode_errors.golden holds each one's
// exact error message.
var errorCases = []struct {
	name string
	hex  string
	dec  Decoder
	kind error
}{
	{"empty input", "", Decoder{}, ErrTruncated},
	{"reserved c1", "c1", Decoder{}, ErrUnknownType},
	{"unassigned c4", "c4", Decoder{}, ErrUnknownType},
	{"unassigned c9", "c9", Decoder{}, ErrUnknownType},
	{"unassigned d4", "d4", Decoder{}, ErrUnknownType},
	{"unassigned d7 inside array", "9201d7", Decoder{}, ErrUnknownType},
	{"uint8 without byte", "cc", Decoder{}, ErrTruncated},
	{"uint16 short", "cd01", Decoder{}, ErrTruncated},
	{"uint32 short", "ce010203", Decoder{}, ErrTruncated},
	{"uint64 short", "cf01020304050607", Decoder{}, ErrTruncated},
	{"int8 without byte", "d0", Decoder{}, ErrTruncated},
	{"int16 short", "d101", Decoder{}, ErrTruncated},
	{"int32 short", "d2010203", Decoder{}, ErrTruncated},
	{"int64 short", "d301", Decoder{}, ErrTruncated},
	{"float32 short", "ca0000", Decoder{}, ErrTruncated},
	{"float64 short", "cb00000000000000", Decoder{}, ErrTruncated},
	{"fixstr short", "b4616263", Decoder{}, ErrTruncated},
	{"fixstr missing bytes", "b561", Decoder{}, ErrTruncated},
	{"str16 length short", "d800", Decoder{}, ErrTruncated},
	{"str32 body short", "d9000001006161", Decoder{}, ErrTruncated},
	{"raw16 body short", "da0003" + "0102", Decoder{}, ErrTruncated},
	{"raw32 huge length, tiny input", "dbffffffff00", Decoder{}, ErrTooLong},
	{"raw32 just over 64 MiB", "db04000001", Decoder{}, ErrTooLong},
	{"raw32 64 MiB declared, not present", "db04000000", Decoder{}, ErrTruncated},
	{"str32 over custom limit", "d900000011" + strings.Repeat("61", 17), Decoder{MaxLength: 16}, ErrTooLong},
	{"array32 huge count", "ddffffffff", Decoder{}, ErrTooLong},
	{"array32 count beyond input", "dd0000ffff" + "00", Decoder{}, ErrTruncated},
	{"array16 over custom limit", "dc0005" + "0102030405", Decoder{MaxLength: 4}, ErrTooLong},
	{"fixarray missing element", "9301c0", Decoder{}, ErrTruncated},
	{"map32 huge count", "dfffffffff", Decoder{}, ErrTooLong},
	{"map16 pairs beyond input", "de0002" + "b161" + "01", Decoder{}, ErrTruncated},
	{"fixmap missing value", "81b161", Decoder{}, ErrTruncated},
	{"nesting over custom depth", "91919191c0", Decoder{MaxDepth: 3}, ErrTooDeep},
	{"map nesting over custom depth", "81b16181b16181b161c0", Decoder{MaxDepth: 2}, ErrTooDeep},
	{"trailing bytes", "c0c0c0", Decoder{}, ErrTrailingBytes},
}

func TestDecodeErrors(t *testing.T) {
	var golden bytes.Buffer
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			v, err := tc.dec.Decode(mustHex(t, tc.hex))
			if !errors.Is(err, tc.kind) {
				t.Fatalf("Decode(%s) = %#v, %v; want kind %v", tc.hex, v, err, tc.kind)
			}
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %T is not a *DecodeError", err)
			}
			if v != nil {
				t.Fatalf("value %#v returned with the error", v)
			}
			fmt.Fprintf(&golden, "%s | %s | %v\n", tc.name, tc.hex, err)
		})
	}
	testenv.Golden(t, filepath.Join("testdata", "decode_errors.golden"), golden.Bytes())
}

func TestDecodeHugeLengthAllocatesNothingLarge(t *testing.T) {
	inputs := []string{"dbffffffff", "d9ffffffff", "ddffffffff", "dfffffffff", "dd00ffffff" + "00", "df00ffffff" + "0000",
		"db03ffffff" + "00"}
	for _, h := range inputs {
		b := mustHex(t, h)
		var d Decoder
		const runs = 50
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range runs {
			if _, _, err := d.DecodePrefix(b); err == nil {
				t.Fatalf("DecodePrefix(%s) succeeded", h)
			}
		}
		runtime.ReadMemStats(&after)
		// Only the error and its message are allocated: a few hundred bytes, never
		// the declared length.
		if perRun := (after.TotalAlloc - before.TotalAlloc) / runs; perRun > 1024 {
			t.Errorf("DecodePrefix(%s) allocated %d bytes per call", h, perRun)
		}
	}
}

func TestDecodeDefaultDepth(t *testing.T) {
	ok := append(bytes.Repeat([]byte{0x91}, DefaultMaxDepth), 0xc0)
	if _, err := Decode(ok); err != nil {
		t.Fatalf("depth %d: %v", DefaultMaxDepth, err)
	}
	tooDeep := append(bytes.Repeat([]byte{0x91}, DefaultMaxDepth+1), 0xc0)
	if _, err := Decode(tooDeep); !errors.Is(err, ErrTooDeep) {
		t.Fatalf("depth %d: %v", DefaultMaxDepth+1, err)
	}
	// A deeply nested hostile input far beyond the limit fails without exhausting the
	// stack.
	hostile := bytes.Repeat([]byte{0x91}, 1<<20)
	if _, err := Decode(hostile); !errors.Is(err, ErrTooDeep) {
		t.Fatalf("1 Mi levels: %v", err)
	}
}

func TestDecodePrefixStream(t *testing.T) {
	// Three values back to back, as a byte stream would carry them.
	stream := mustHex(t, "9302b2686901"+"c3"+"82b16101b162b178")
	want := []any{
		[]any{int64(2), "hi", int64(1)},
		true,
		Map{{"a", int64(1)}, {"b", "x"}},
	}
	var got []any
	for rest := stream; len(rest) > 0; {
		v, n, err := DecodePrefix(rest)
		if err != nil {
			t.Fatalf("at %d: %v", len(stream)-len(rest), err)
		}
		got = append(got, v)
		rest = rest[n:]
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v", got)
	}
}

// TestDecodeEveryPrefixIsTruncated cuts each protocol vector at every length: a strict
// prefix of a value is always ErrTruncated, so a streaming reader knows to wait.
func TestDecodeEveryPrefixIsTruncated(t *testing.T) {
	for _, v := range protocolVectors {
		b := mustHex(t, v.hex)
		for i := range len(b) {
			_, n, err := DecodePrefix(b[:i])
			if !errors.Is(err, ErrTruncated) || n != 0 {
				t.Fatalf("%s cut at %d: n=%d err=%v", v.name, i, n, err)
			}
		}
	}
}

func TestDecodeBytesCopyOrAlias(t *testing.T) {
	in := mustHex(t, "a3010203")
	copied, err := Decode(in)
	if err != nil {
		t.Fatal(err)
	}
	d := Decoder{AliasBytes: true}
	aliased, err := d.Decode(in)
	if err != nil {
		t.Fatal(err)
	}
	in[1] = 0x09
	if got := copied.([]byte); got[0] != 1 {
		t.Fatalf("copied bytes changed with the input: %x", got)
	}
	got := aliased.([]byte)
	if got[0] != 9 {
		t.Fatalf("aliased bytes do not share the input: %x", got)
	}
	// Appending to an aliased value must not overwrite the input after it.
	_ = append(got, 0xee)
	if hex.EncodeToString(in) != "a3090203" {
		t.Fatalf("append to aliased bytes wrote into the input: %x", in)
	}
}

func TestMapGet(t *testing.T) {
	m := Map{{"a", int64(1)}, {int64(7), "num"}, {"a", int64(2)}, {"b", nil}}
	tests := []struct {
		key   string
		want  any
		found bool
	}{
		{"a", int64(2), true},
		{"b", nil, true},
		{"7", nil, false},
		{"c", nil, false},
	}
	for _, tc := range tests {
		got, found := m.Get(tc.key)
		if found != tc.found || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Get(%q) = %#v, %v; want %#v, %v", tc.key, got, found, tc.want, tc.found)
		}
	}
}
