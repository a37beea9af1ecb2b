package runtime

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUTF8Decoder(t *testing.T) {
	tests := []struct {
		name   string
		pieces []string
		want   []string // what each Decode gives, then Flush
	}{
		{"ascii", []string{"abc", "def"}, []string{"abc", "def", ""}},
		{"two-byte split", []string{"caf\xc3", "\xa9!"}, []string{"caf", "é!", ""}},
		{"three-byte split twice", []string{"\xe2", "\x82", "\xac"}, []string{"", "", "€", ""}},
		{"four-byte split", []string{"a\xf0\x9f", "\x98\x80b"}, []string{"a", "😀b", ""}},
		{"truncated at the end", []string{"ok\xe2\x82"}, []string{"ok", "\uFFFD\uFFFD"}},
		{"bad bytes are replaced one by one", []string{"a\xff\xfeb"}, []string{"a\uFFFD\uFFFDb", ""}},
		{"stray continuation bytes", []string{"\x80\x80x"}, []string{"\uFFFD\uFFFDx", ""}},
		{"invalid prefix is not held", []string{"\xed\xa0"}, []string{"\uFFFD\uFFFD", ""}},
		{"lone lead byte then ascii", []string{"\xc3", "A"}, []string{"", "\uFFFDA", ""}},
		{"empty pieces", []string{"", "x", ""}, []string{"", "x", "", ""}},
	}
	for _, tt := range tests {
		var d UTF8Decoder
		var got []string
		for _, p := range tt.pieces {
			got = append(got, d.Decode([]byte(p)))
		}
		got = append(got, d.Flush())
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzUTF8Decoder checks that however a byte stream is cut, the decoder gives valid UTF-8, and
// gives exactly the input when the input is valid UTF-8.
func FuzzUTF8Decoder(f *testing.F) {
	for _, s := range []string{"", "hello", "caf\xc3\xa9", "\xe2\x82\xac\xf0\x9f\x98\x80", "\xff\xc3", "a\xed\xa0\x80b"} {
		f.Add([]byte(s), uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, cut uint8) {
		step := int(cut%7) + 1
		var d UTF8Decoder
		var b strings.Builder
		for i := 0; i < len(data); i += step {
			end := i + step
			if end > len(data) {
				end = len(data)
			}
			b.WriteString(d.Decode(data[i:end]))
		}
		b.WriteString(d.Flush())
		got := b.String()
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 out of %q", data)
		}
		if utf8.Valid(data) && got != string(data) {
			t.Fatalf("valid input %q came out as %q", data, got)
		}
	})
}
