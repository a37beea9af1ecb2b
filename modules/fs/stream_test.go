//go:build unix

package fs

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"syscall"
	"testing"
)

func TestStreamFlags(t *testing.T) {
	tests := []struct {
		mode  string
		flags int
		ok    bool
	}{
		{"r", syscall.O_RDONLY, true},
		{"w", syscall.O_WRONLY | syscall.O_CREAT | syscall.O_TRUNC, true},
		{"a+", syscall.O_RDWR | syscall.O_APPEND | syscall.O_CREAT, true},
		{"wx", syscall.O_WRONLY | syscall.O_CREAT | syscall.O_TRUNC | syscall.O_EXCL, true},
		{"ax+", syscall.O_RDWR | syscall.O_APPEND | syscall.O_CREAT | syscall.O_EXCL, true},
		{"rx", 0, false},
		{"x", 0, false},
		{"q", 0, false},
	}
	for _, tt := range tests {
		got, err := streamFlags(tt.mode)
		if (err == nil) != tt.ok || got != tt.flags {
			t.Errorf("streamFlags(%q) = %#x, %v; want %#x, ok %v", tt.mode, got, err, tt.flags, tt.ok)
		}
	}
}

// TestTextDecoder cuts the same bytes into pieces of every size from 1 to 8 and checks that the
// pieces' texts join into the text of the whole.
func TestTextDecoder(t *testing.T) {
	data := []byte("héllo wörld € 😀 \x00\xff!")
	tests := []struct {
		enc  textEncoding
		want string
	}{
		{asUTF8, strings.ToValidUTF8(string(data), "\uFFFD")},
		{asHex, hex.EncodeToString(data)},
		{asBase64, base64.StdEncoding.EncodeToString(data)},
	}
	for _, tt := range tests {
		for size := 1; size <= 8; size++ {
			d := textDecoder{enc: tt.enc}
			var b strings.Builder
			for i := 0; i < len(data); i += size {
				end := min(i+size, len(data))
				b.WriteString(d.decode(data[i:end]))
			}
			b.WriteString(d.flush())
			if b.String() != tt.want {
				t.Errorf("encoding %d, pieces of %d: %q, want %q", tt.enc, size, b.String(), tt.want)
			}
		}
	}
}

func TestParseTextEncoding(t *testing.T) {
	for name, want := range map[string]textEncoding{
		"utf8": asUTF8, "UTF-8": asUTF8, "ascii": asLatin1, "binary": asLatin1, "latin1": asLatin1,
		"hex": asHex, "base64": asBase64, "buffer": asBuffer, "": asBuffer,
	} {
		if got, err := parseTextEncoding(name); err != nil || got != want {
			t.Errorf("parseTextEncoding(%q) = %v, %v; want %v", name, got, err, want)
		}
	}
	if _, err := parseTextEncoding("ucs9"); err == nil {
		t.Error("parseTextEncoding(\"ucs9\") gave no error")
	}
}

// FuzzTextDecoder checks that however a read stream's bytes are cut into chunks, the strings
// of the chunks join into the string of the whole, in every encoding with a carry.
func FuzzTextDecoder(f *testing.F) {
	for _, s := range []string{"", "abc", "h\xc3\xa9llo \xe2\x82\xac", "\xf0\x9f\x98\x80\xff", "\x00\x01\x02\x03"} {
		f.Add([]byte(s), uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, cut uint8) {
		size := int(cut%9) + 1
		for _, enc := range []textEncoding{asUTF8, asLatin1, asHex, asBase64} {
			whole := textDecoder{enc: enc}
			want := whole.decode(data) + whole.flush()
			d := textDecoder{enc: enc}
			var b strings.Builder
			for i := 0; i < len(data); i += size {
				b.WriteString(d.decode(data[i:min(i+size, len(data))]))
			}
			b.WriteString(d.flush())
			if b.String() != want {
				t.Fatalf("encoding %d, chunks of %d: %q, want %q", enc, size, b.String(), want)
			}
		}
	})
}
