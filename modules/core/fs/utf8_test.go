//go:build linux

package fs

import (
	"testing"
	"unicode/utf8"
)

// The answers of Node 20's Buffer.from(bytes).toString('utf8') (WHATWG decoding).
func TestDecodeUTF8(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"abc", "abc"},
		{"a\xff\xfeb\xe2\x82", "a\ufffd\ufffdb\ufffd"},
		{"\xe2\x82A", "\ufffdA"},
		{"\xf0\x9f\x98", "\ufffd"},
		{"\xf0\x9f\x98\x80", "😀"},
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"}, // a surrogate: ED then two bytes outside 80-9F
		{"\xc0\xaf", "\ufffd\ufffd"},
		{"\xe0\x80\x80", "\ufffd\ufffd\ufffd"},
		{"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd"},
		{"\x80", "\ufffd"},
		{"é\xc3", "é\ufffd"},
	} {
		if got := decodeUTF8([]byte(tc.in)); got != tc.want {
			t.Errorf("decodeUTF8(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzDecodeUTF8: any bytes decode to valid UTF-8, valid input comes out unchanged, and the
// output never holds more characters than the input has bytes.
func FuzzDecodeUTF8(f *testing.F) {
	for _, s := range []string{"", "abc", "a\xff\xfeb\xe2\x82", "\xf0\x9f\x98\x80", "\xed\xa0\x80"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s := decodeUTF8(b)
		if !utf8.ValidString(s) {
			t.Fatalf("invalid output %q", s)
		}
		if utf8.Valid(b) && s != string(b) {
			t.Fatalf("valid input changed: %q -> %q", b, s)
		}
		if n := utf8.RuneCountInString(s); n > len(b) {
			t.Fatalf("%d characters from %d bytes", n, len(b))
		}
	})
}
