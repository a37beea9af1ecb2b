package crypto

import (
	"bytes"
	"testing"
)

// encode is Buffer.from(string, encoding) for hashing input: the same bytes Node hashes.
func TestEncode(t *testing.T) {
	for _, tc := range []struct {
		s, enc string
		want   []byte
	}{
		{"héllo", "utf8", []byte("h\xc3\xa9llo")},
		{"héllo", "latin1", []byte("h\xe9llo")},
		{"héllo", "binary", []byte("h\xe9llo")},
		{"68656c6c6f", "hex", []byte("hello")},
		{"68656c6c6fz", "hex", []byte("hello")},
		{"6g", "hex", []byte{}},
		{"aGVsbG8=", "base64", []byte("hello")},
		{"aGVsbG8", "base64", []byte("hello")},
		{"-_8", "base64url", []byte{0xfb, 0xff}},
		{"a b*c", "base64", []byte{0x69, 0xb7}},
		{"aGk=aGk=", "base64", []byte("hi")},
		{"hi", "utf16le", []byte{'h', 0, 'i', 0}},
		{"x", "unknown", []byte("x")},
	} {
		if got := encode(tc.s, tc.enc); !bytes.Equal(got, tc.want) {
			t.Errorf("encode(%q, %q) = %x, want %x", tc.s, tc.enc, got, tc.want)
		}
	}
}

// FuzzEncode: decoding any string in any encoding never panics and never yields more bytes
// than the encoding can carry.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "aGVsbG8=", "-_8", "68656c6c6f", "héllo", "=a=", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if b := encode(s, "hex"); len(b) > len(s)/2 {
			t.Fatalf("hex %q gave %d bytes", s, len(b))
		}
		if b := encode(s, "base64"); len(b) > len(s)*3/4+1 {
			t.Fatalf("base64 %q gave %d bytes", s, len(b))
		}
		encode(s, "base64url")
		encode(s, "latin1")
		encode(s, "utf16le")
	})
}
