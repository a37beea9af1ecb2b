package runtime

import (
	"io"
	"testing"
)

// EncodeString and DecodeString are Buffer.from(s, encoding) and buffer.toString(encoding)
// for Node's encoding names.
func TestNodeEncodings(t *testing.T) {
	rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	for _, tt := range []struct{ s, enc, bytes string }{
		{"h\u00e9", "utf8", "h\xc3\xa9"},
		{"h\u00e9", "UTF-8", "h\xc3\xa9"},
		{"h\u00e9", "", "h\xc3\xa9"},
		{"68656c6c6f", "hex", "hello"},
		{"aGk=", "base64", "hi"},
	} {
		b, err := rt.EncodeString(tt.s, tt.enc)
		if err != nil || string(b) != tt.bytes {
			t.Errorf("EncodeString(%q, %q) = %q, %v, want %q", tt.s, tt.enc, b, err, tt.bytes)
			continue
		}
		v, err := rt.DecodeString(b, tt.enc)
		if err != nil || v.String() != tt.s {
			t.Errorf("DecodeString(%q, %q) = %v, %v, want %q", b, tt.enc, v, err, tt.s)
		}
	}
	if v, err := rt.DecodeString([]byte("a\xffb"), "utf8"); err != nil || v.String() != "a\uFFFDb" {
		t.Errorf("DecodeString of bad UTF-8 = %v, %v", v, err)
	}
	// An unknown name is utf8, as Node does for writes.
	if b, err := rt.EncodeString("h\u00e9", "nope"); err != nil || string(b) != "h\xc3\xa9" {
		t.Errorf("EncodeString with an unknown encoding = %q, %v", b, err)
	}
}
