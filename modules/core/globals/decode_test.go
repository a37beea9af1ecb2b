package globals

import (
	"testing"
	"unicode/utf8"
)

// TextDecoder's replacement rule: each maximal part of a bad sequence is one U+FFFD.
func TestDecodeUTF8(t *testing.T) {
	for _, tc := range []struct {
		in   []byte
		want string
	}{
		{[]byte("héllo"), "héllo"},
		{[]byte{0x41, 0xFF, 0x42}, "A\uFFFDB"},
		{[]byte{0xE2, 0x82}, "\uFFFD"},
		{[]byte{0xE2, 0x82, 0x41}, "\uFFFDA"},
		{[]byte{0xF0, 0x9F, 0x98}, "\uFFFD"},
		{[]byte{0xED, 0xA0, 0x80}, "\uFFFD\uFFFD\uFFFD"}, // a surrogate's encoding
		{[]byte{0xE0, 0x80, 0x80}, "\uFFFD\uFFFD\uFFFD"}, // overlong
		{[]byte{0xC0, 0xAF}, "\uFFFD\uFFFD"},
		{[]byte{0xF4, 0x90, 0x80, 0x80}, "\uFFFD\uFFFD\uFFFD\uFFFD"}, // past U+10FFFF
	} {
		if got := decodeUTF8(tc.in); got != tc.want {
			t.Errorf("decodeUTF8(% x) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzDecodeUTF8: the result is always valid UTF-8, and valid input comes back unchanged.
func FuzzDecodeUTF8(f *testing.F) {
	for _, s := range []string{"", "abc", "h\xc3\xa9", "\xe2\x82", "\xff\xfe", "\xf0\x9f\x98\x80x"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got := decodeUTF8(b)
		if !utf8.ValidString(got) {
			t.Fatalf("decodeUTF8(% x) = %q: not valid UTF-8", b, got)
		}
		if utf8.Valid(b) && got != string(b) {
			t.Fatalf("decodeUTF8 changed valid input % x into %q", b, got)
		}
	})
}
