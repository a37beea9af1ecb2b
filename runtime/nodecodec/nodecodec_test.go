package nodecodec

import (
	"bytes"
	"encoding/base64"
	"testing"
	"unicode/utf8"
)

func TestLookup(t *testing.T) {
	for _, tt := range []struct {
		name string
		want Encoding
		ok   bool
	}{
		{"utf8", UTF8, true}, {"UTF-8", UTF8, true}, {"ucs2", UTF16LE, true}, {"UCS-2", UTF16LE, true},
		{"utf-16le", UTF16LE, true}, {"binary", Latin1, true}, {"Latin1", Latin1, true}, {"ascii", ASCII, true},
		{"BASE64", Base64, true}, {"base64url", Base64URL, true}, {"hex", Hex, true},
		{"", 0, false}, {"utf16", 0, false}, {"buffer", 0, false},
	} {
		got, ok := Lookup(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Lookup(%q) = %v, %v, want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// The cases Node's lenient decoders are known for.
func TestDecode(t *testing.T) {
	for _, tt := range []struct {
		e    Encoding
		in   string
		want string
	}{
		{Base64, "aGVsbG8=", "hello"},
		{Base64, "aGVsbG8", "hello"},
		{Base64, "aGV sbG8\n", "hello"},
		{Base64, "YQ==YQ==", "a"},
		{Base64, "Y", ""},
		{Base64, "YW", "a"},
		{Base64, "YWI", "ab"},
		{Base64URL, "-_-_", "\xfb\xff\xbf"},
		{Base64, "+/+/", "\xfb\xff\xbf"},
		{Base64, "!!!!YWJj", "abc"},
		{Hex, "abc", "\xab"},
		{Hex, "zz12", ""},
		{Hex, "12zz34", "\x12"},
		{Hex, "ABCDEF", "\xab\xcd\xef"},
		{Latin1, "h\u00e9\u20ac", "h\xe9\xac"},
		{ASCII, "h\u00e9", "h\xe9"},
		{UTF16LE, "a\u20ac", "a\x00\xac\x20"},
		{UTF16LE, "\U0001F600", "\x3d\xd8\x00\xde"},
	} {
		if got := FromString(tt.e, tt.in); string(got) != tt.want {
			t.Errorf("FromString(%v, %q) = %q, want %q", tt.e, tt.in, got, tt.want)
		}
	}
}

func TestToString(t *testing.T) {
	for _, tt := range []struct {
		e    Encoding
		in   string
		want string
	}{
		{UTF8, "\xe2\x82", "\uFFFD"},
		{UTF8, "\xff\xfe", "\uFFFD\uFFFD"},
		{UTF8, "\xf0\x9f\x98", "\uFFFD"},
		{UTF8, "\xc0\x80", "\uFFFD\uFFFD"},
		{UTF8, "\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},
		{UTF8, "a\xf0\x9fb", "a\uFFFDb"},
		{ASCII, "\xe9A", "iA"},
		{Latin1, "\xe9", "\u00e9"},
		{Hex, "\x01\xab", "01ab"},
		{Base64, "\xfb\xff", "+/8="},
		{Base64URL, "\xfb\xff", "-_8"},
		{UTF16LE, "a\x00b", "a"},
		{UTF16LE, "\x00\xd8a\x00", "\uFFFDa"},
	} {
		if got := ToString(tt.e, []byte(tt.in)); got != tt.want {
			t.Errorf("ToString(%v, %q) = %q, want %q", tt.e, tt.in, got, tt.want)
		}
	}
}

func TestByteLength(t *testing.T) {
	for _, tt := range []struct {
		e     Encoding
		s     string
		units int
		want  int
	}{
		{UTF8, "h\u00e9", 2, 3}, {UTF16LE, "ab", 2, 4}, {Latin1, "h\u00e9", 2, 2}, {Hex, "abc", 3, 1},
		{Base64, "aGVsbG8=", 8, 5}, {Base64, "aGk==", 5, 2}, {Base64, "aGVsbG8", 7, 5}, {Base64URL, "YQ", 2, 1},
	} {
		if got := ByteLength(tt.e, tt.s, tt.units); got != tt.want {
			t.Errorf("ByteLength(%v, %q) = %d, want %d", tt.e, tt.s, got, tt.want)
		}
	}
}

// FuzzDecode feeds outside text to the lenient decoders: they never panic, base64 output is
// bounded by the input, and valid standard base64 decodes as encoding/base64 does.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"aGVsbG8=", "YQ==YQ==", "-_", "zz12", "abc", "\xff\xfe", "\xe2\x82"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := DecodeBase64(s)
		if len(b) > len(s)*3/4+2 {
			t.Fatalf("DecodeBase64(%q) gave %d bytes", s, len(b))
		}
		if want, err := base64.StdEncoding.DecodeString(s); err == nil && !bytes.Equal(b, want) {
			t.Fatalf("DecodeBase64(%q) = %x, want %x", s, b, want)
		}
		h := DecodeHex(s)
		if len(h) > len(s)/2 {
			t.Fatalf("DecodeHex(%q) gave %d bytes", s, len(h))
		}
		if got := DecodeHex(EncodeHex([]byte(s))); string(got) != s {
			t.Fatalf("hex round trip of %q = %q", s, got)
		}
		if u := DecodeUTF8([]byte(s)); !utf8.ValidString(u) || (utf8.ValidString(s) && u != s) {
			t.Fatalf("DecodeUTF8(%q) = %q", s, u)
		}
		_ = ToString(UTF16LE, []byte(s))
	})
}

// Large inputs are split between cores: the pieces must join up to what one pass gives.
func TestParallelBase64(t *testing.T) {
	data := make([]byte, parallelMin+12345)
	for i := range data {
		data[i] = byte(i*31 + i>>8)
	}
	for _, url := range []bool{false, true} {
		s := EncodeBase64(data, url)
		want := base64.StdEncoding.EncodeToString(data)
		if url {
			want = base64.RawURLEncoding.EncodeToString(data)
		}
		if s != want {
			t.Fatalf("EncodeBase64(url=%v) differs from one pass", url)
		}
		if got := DecodeBase64(s); !bytes.Equal(got, data) {
			t.Fatalf("DecodeBase64(url=%v) of %d chars differs", url, len(s))
		}
		bad := s[:len(s)/2] + "!" + s[len(s)/2:]
		if got := DecodeBase64(bad); !bytes.Equal(got, data) {
			t.Fatalf("lenient DecodeBase64 with a stray character differs")
		}
	}
}

// TestFromStringNamed: strings as fs writes and crypto updates take them, by encoding name.
func TestFromStringNamed(t *testing.T) {
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
		if got := FromStringNamed(tc.s, tc.enc); !bytes.Equal(got, tc.want) {
			t.Errorf("FromStringNamed(%q, %q) = %x, want %x", tc.s, tc.enc, got, tc.want)
		}
	}
}
