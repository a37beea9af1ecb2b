package binarypack

import (
	"encoding/hex"
	"math"
	"reflect"
	"strings"
	"testing"
)

// vector is one verified byte sequence: in is what a Go caller encodes (a JavaScript
// number arrives from the bridge as a float64; integers are tried as int64 too), hex is
// the bytes the JavaScript encoders produce, out is what Decode returns.
type vector struct {
	name string
	in   any
	hex  string
	out  any
}

// protocolVectors are docs/wire/binarypack.md, Byte vectors (node binarypack 0.0.4 and
// peerjs-js-binarypack agree on each), then frames from docs/wire/binaryjs.md and peerjs.md.
var protocolVectors = []vector{
	{"0", 0.0, "00", int64(0)},
	{"1", 1.0, "01", int64(1)},
	{"-1", -1.0, "ff", int64(-1)},
	{"127", 127.0, "7f", int64(127)},
	{"128", 128.0, "cc80", int64(128)},
	{"255", 255.0, "ccff", int64(255)},
	{"256", 256.0, "cd0100", int64(256)},
	{"-32", -32.0, "e0", int64(-32)},
	{"-33", -33.0, "d0df", int64(-33)},
	{"-128", -128.0, "d080", int64(-128)},
	{"-129", -129.0, "d1ff7f", int64(-129)},
	{"65535", 65535.0, "cdffff", int64(65535)},
	{"65536", 65536.0, "ce00010000", int64(65536)},
	{"-32768", -32768.0, "d18000", int64(-32768)},
	{"-32769", -32769.0, "d2ffff7fff", int64(-32769)},
	{"4294967295", 4294967295.0, "ceffffffff", int64(4294967295)},
	{"4294967296", 4294967296.0, "d30000000100000000", int64(4294967296)},
	{"-2147483649", -2147483649.0, "d3ffffffff7fffffff", int64(-2147483649)},
	{"2^53", 9007199254740992.0, "d30020000000000000", int64(1 << 53)},
	{"1.5", 1.5, "cb3ff8000000000000", 1.5},
	{"-0.25", -0.25, "cbbfd0000000000000", -0.25},
	{"pi", math.Pi, "cb400921fb54442d18", math.Pi},
	{"empty string", "", "b0", ""},
	{"a", "a", "b161", "a"},
	{"héllo", "héllo", "b668c3a96c6c6f", "héllo"},
	{"16-char string", "0123456789abcdef", "d80010" + hex.EncodeToString([]byte("0123456789abcdef")), "0123456789abcdef"},
	{"emoji", "😀", "b4f09f9880", "😀"},
	{"true", true, "c3", true},
	{"false", false, "c2", false},
	{"null", nil, "c0", nil},
	{"empty array", []any{}, "90", []any{}},
	{"nested array", []any{1.0, []any{2.0}}, "92019102", []any{int64(1), []any{int64(2)}}},
	{"empty object", Map{}, "80", Map{}},
	{"object", Map{{"a", 1.0}, {"b", "x"}}, "82b16101b162b178", Map{{"a", int64(1)}, {"b", "x"}}},
	{"Buffer 1,2,3", []byte{1, 2, 3}, "a3010203", []byte{1, 2, 3}},
	{"16 zero bytes", make([]byte, 16), "da0010" + strings.Repeat("00", 16), make([]byte, 16)},

	// docs/wire/binaryjs.md, A captured session: BinaryJS frames captured from binaryjs 0.2.1.
	{"binaryjs new stream", []any{1.0, Map{{"from", "server"}}, 1.0}, "930181b466726f6db673657276657201",
		[]any{int64(1), Map{{"from", "server"}}, int64(1)}},
	{"binaryjs data string", []any{2.0, "hi", 1.0}, "9302b2686901", []any{int64(2), "hi", int64(1)}},
	{"binaryjs end", []any{5.0, nil, 1.0}, "9305c001", []any{int64(5), nil, int64(1)}},
	{"binaryjs new stream with meta", []any{1.0, Map{{"name", "x"}, {"n", 1.0}}, 0.0}, "930182b46e616d65b178b16e0100",
		[]any{int64(1), Map{{"name", "x"}, {"n", int64(1)}}, int64(0)}},
	{"binaryjs data object", []any{2.0, Map{{"hello", "world"}}, 0.0}, "930281b568656c6c6fb5776f726c6400",
		[]any{int64(2), Map{{"hello", "world"}}, int64(0)}},
	{"binaryjs data buffer", []any{2.0, []byte{1, 2, 3}, 0.0}, "9302a301020300", []any{int64(2), []byte{1, 2, 3}, int64(0)}},
	{"binaryjs pause", []any{3.0, nil, 0.0}, "9303c000", []any{int64(3), nil, int64(0)}},
	{"binaryjs chunk", []any{2.0, []byte{7, 7, 7, 7, 7}, 2.0}, "9302a5070707070702",
		[]any{int64(2), []byte{7, 7, 7, 7, 7}, int64(2)}},

	// docs/wire/peerjs.md, Chunking and Closing: PeerJS close message and one chunk.
	{"peerjs close", Map{{"__peerData", Map{{"type", "close"}}}}, "81ba5f5f706565724461746181b474797065b5636c6f7365",
		Map{{"__peerData", Map{{"type", "close"}}}}},
	{"peerjs chunk", Map{{"__peerData", 1.0}, {"n", 0.0}, {"data", []byte{1, 2, 3}}, {"total", 2.0}},
		"84ba5f5f706565724461746101b16e00b464617461a3010203b5746f74616c02",
		Map{{"__peerData", int64(1)}, {"n", int64(0)}, {"data", []byte{1, 2, 3}}, {"total", int64(2)}}},
}

// mustHex decodes a hex literal of a test table.
func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

func TestProtocolVectorsEncode(t *testing.T) {
	for _, v := range protocolVectors {
		t.Run(v.name, func(t *testing.T) {
			got, err := Encode(v.in)
			if err != nil {
				t.Fatalf("Encode(%#v): %v", v.in, err)
			}
			if h := hex.EncodeToString(got); h != v.hex {
				t.Fatalf("Encode(%#v) = %s, want %s", v.in, h, v.hex)
			}
			// A whole number written as a Go integer takes the same bytes.
			if f, ok := v.in.(float64); ok && f == math.Trunc(f) {
				got, err := Encode(int64(f))
				if err != nil || hex.EncodeToString(got) != v.hex {
					t.Fatalf("Encode(int64(%v)) = %x, %v; want %s", f, got, err, v.hex)
				}
			}
		})
	}
}

func TestProtocolVectorsDecode(t *testing.T) {
	for _, v := range protocolVectors {
		t.Run(v.name, func(t *testing.T) {
			got, err := Decode(mustHex(t, v.hex))
			if err != nil {
				t.Fatalf("Decode(%s): %v", v.hex, err)
			}
			if !reflect.DeepEqual(got, v.out) {
				t.Fatalf("Decode(%s) = %#v, want %#v", v.hex, got, v.out)
			}
		})
	}
}
