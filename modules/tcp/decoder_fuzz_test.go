package tcp

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzDecoderSplit feeds bytes from a peer to a utf8 Decoder in two reads split anywhere: no
// byte is lost or repeated, at most an unfinished character is held back, and valid UTF-8 comes
// out as whole characters whatever the split.
func FuzzDecoderSplit(f *testing.F) {
	for _, s := range []string{"", "hello", "h\u00e9llo \u20ac \U0001F600", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\x80\xff\xfe", "a\xc3\xa9\xe2"} {
		for k := 0; k <= len(s); k++ {
			f.Add([]byte(s), k)
		}
	}
	f.Fuzz(func(t *testing.T, in []byte, k int) {
		if k < 0 || k > len(in) {
			k = len(in) / 2
		}
		var d Decoder
		out1 := append([]byte(nil), d.whole(in[:k])...)
		out2 := append([]byte(nil), d.whole(in[k:])...)
		held := d.tail[:d.n]
		if d.n > 3 {
			t.Fatalf("holds %d bytes back", d.n)
		}
		all := append(append(append([]byte(nil), out1...), out2...), held...)
		if !bytes.Equal(all, in) {
			t.Fatalf("split at %d: %q + %q + held %q != %q", k, out1, out2, held, in)
		}
		if utf8.Valid(in) {
			if !utf8.Valid(out1) || !utf8.Valid(out2) || d.n != 0 {
				t.Fatalf("valid input %q split at %d gave %q, %q, held %q", in, k, out1, out2, held)
			}
		}
	})
}
