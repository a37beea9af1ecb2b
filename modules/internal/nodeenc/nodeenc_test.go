package nodeenc

import (
	"bytes"
	"testing"
)

// Encode gives the bytes Node 20's Buffer.from(string, encoding) gives.
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
		if got := Encode(tc.s, tc.enc); !bytes.Equal(got, tc.want) {
			t.Errorf("Encode(%q, %q) = %x, want %x", tc.s, tc.enc, got, tc.want)
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
		if b := Encode(s, "hex"); len(b) > len(s)/2 {
			t.Fatalf("hex %q gave %d bytes", s, len(b))
		}
		if b := Encode(s, "base64"); len(b) > len(s)*3/4+1 {
			t.Fatalf("base64 %q gave %d bytes", s, len(b))
		}
		Encode(s, "base64url")
		Encode(s, "latin1")
		Encode(s, "utf16le")
	})
}
