package utf8split

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTail(t *testing.T) {
	tests := []struct {
		in            string
		held, missing int
	}{
		{"", 0, 0},
		{"abc", 0, 0},
		{"h\xc3", 1, 1},
		{"h\xc3\xa9", 0, 0},
		{"\xe2\x82", 2, 1},
		{"\xe2", 1, 2},
		{"\xe2\x82\xac", 0, 0},
		{"\xf0\x9f\x98", 3, 1},
		{"\xf0\x9f\x98\x80", 0, 0},
		{"\x80\x80\x80", 0, 0}, // stray continuation bytes are not held back
		{"\xf0\x80\x80\x80", 0, 0},
		{"a\xff", 0, 0},
		{"a\xf8\x80", 0, 0},
		// Ill-formed starts are held too, as Node's StringDecoder holds them.
		{"\xe0\x80", 2, 1},
		{"\xed\xa0", 2, 1},
		{"\xc0", 1, 1},
		{"\xf7\xbf", 2, 2},
	}
	for _, tt := range tests {
		if held, missing := Tail([]byte(tt.in)); held != tt.held || missing != tt.missing {
			t.Errorf("Tail(%q) = %d, %d, want %d, %d", tt.in, held, missing, tt.held, tt.missing)
		}
	}
}

func TestDecoder(t *testing.T) {
	tests := []struct {
		name      string
		validOnly bool
		pieces    []string
		want      []string // what each Whole gives, then Flush
	}{
		{"ascii", false, []string{"abc", "def"}, []string{"abc", "def", ""}},
		{"two-byte split", false, []string{"caf\xc3", "\xa9!"}, []string{"caf", "caf\xc3\xa9!"[3:], ""}},
		{"three-byte split twice", false, []string{"\xe2", "\x82", "\xac"}, []string{"", "", "\xe2\x82\xac", ""}},
		{"four-byte split", false, []string{"a\xf0\x9f", "\x98\x80b"}, []string{"a", "\xf0\x9f\x98\x80b", ""}},
		{"truncated at the end", false, []string{"ok\xe2\x82"}, []string{"ok", "\xe2\x82"}},
		{"lone lead byte then ascii", false, []string{"\xc3", "A"}, []string{"", "\xc3A", ""}},
		{"empty pieces", false, []string{"", "x", ""}, []string{"", "x", "", ""}},
		{"ill-formed start held", false, []string{"\xed\xa0", "x"}, []string{"", "\xed\xa0x", ""}},
		{"ill-formed start held to the end", false, []string{"a\xc0"}, []string{"a", "\xc0"}},
		{"ValidOnly: ill-formed start given out", true, []string{"\xed\xa0", "x"}, []string{"\xed\xa0", "x", ""}},
		{"ValidOnly: lone C0 given out", true, []string{"a\xc0"}, []string{"a\xc0", ""}},
		{"ValidOnly: a valid start still held", true, []string{"caf\xc3", "\xa9"}, []string{"caf", "\xc3\xa9", ""}},
	}
	for _, tt := range tests {
		d := Decoder{ValidOnly: tt.validOnly}
		var got []string
		for _, p := range tt.pieces {
			got = append(got, string(d.Whole([]byte(p))))
		}
		got = append(got, string(d.Flush()))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzDecoderSplit feeds bytes to a Decoder in two pieces split anywhere, in both modes: no
// byte is lost or repeated, at most an unfinished character is held back, ValidOnly holds no
// more than the default, and valid UTF-8 comes out as whole characters whatever the split.
func FuzzDecoderSplit(f *testing.F) {
	for _, s := range []string{"", "hello", "h\u00e9llo \u20ac \U0001F600", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\x80\xff\xfe", "a\xc3\xa9\xe2", "\xed\xa0", "\xe0\x80\x80"} {
		for k := 0; k <= len(s); k++ {
			f.Add([]byte(s), k)
		}
	}
	f.Fuzz(func(t *testing.T, in []byte, k int) {
		if k < 0 || k > len(in) {
			k = len(in) / 2
		}
		var held [2]int
		for i, validOnly := range []bool{false, true} {
			d := Decoder{ValidOnly: validOnly}
			out1 := append([]byte(nil), d.Whole(in[:k])...)
			out2 := append([]byte(nil), d.Whole(in[k:])...)
			rest := d.Held()
			held[i] = len(rest)
			if len(rest) > 3 {
				t.Fatalf("holds %d bytes back", len(rest))
			}
			all := append(append(append([]byte(nil), out1...), out2...), rest...)
			if !bytes.Equal(all, in) {
				t.Fatalf("validOnly %v, split at %d: %q + %q + held %q != %q", validOnly, k, out1, out2, rest, in)
			}
			if utf8.Valid(in) {
				if !utf8.Valid(out1) || !utf8.Valid(out2) || len(rest) != 0 {
					t.Fatalf("valid input %q split at %d gave %q, %q, held %q", in, k, out1, out2, rest)
				}
			}
			if validOnly && len(rest) > 0 && utf8.FullRune(rest) {
				t.Fatalf("ValidOnly holds %q, which cannot become a character", rest)
			}
			if flushed := d.Flush(); !bytes.Equal(flushed, rest) || len(d.Held()) != 0 {
				t.Fatalf("Flush gave %q, held %q", flushed, rest)
			}
		}
		if held[1] > held[0] {
			t.Fatalf("%q split at %d: ValidOnly holds %d bytes, the default %d", in, k, held[1], held[0])
		}
	})
}
