package nodecodec

import "testing"

// The answers of Node 20's Buffer.from(bytes).toString('utf8') and TextDecoder (WHATWG
// decoding: each maximal ill-formed subsequence is one U+FFFD).
func TestDecodeUTF8(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"abc", "abc"},
		{"héllo", "héllo"},
		{"A\xffB", "A\ufffdB"},
		{"a\xff\xfeb\xe2\x82", "a\ufffd\ufffdb\ufffd"},
		{"\xe2\x82", "\ufffd"},
		{"\xe2\x82A", "\ufffdA"},
		{"\xf0\x9f\x98", "\ufffd"},
		{"\xf0\x9f\x98\x80", "😀"},
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"}, // a surrogate: ED then two bytes outside 80-9F
		{"\xc0\xaf", "\ufffd\ufffd"},
		{"\xe0\x80\x80", "\ufffd\ufffd\ufffd"},           // overlong
		{"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd"}, // past U+10FFFF
		{"\x80", "\ufffd"},
		{"é\xc3", "é\ufffd"},
	} {
		if got := DecodeUTF8([]byte(tc.in)); got != tc.want {
			t.Errorf("DecodeUTF8(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
