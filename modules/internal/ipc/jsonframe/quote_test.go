package jsonframe

import (
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"earlynode/internal/testenv"
)

// TestAppendStringMatchesJSONStringify checks every Unicode scalar value
// against testdata/quote.golden.jsonl, which lists each UTF-16 code unit that
// JSON.stringify (Node 20) does not copy as is.
func TestAppendStringMatchesJSONStringify(t *testing.T) {
	type entry struct {
		CodeUnit int    `json:"codeUnit"`
		JSON     string `json:"json"`
	}
	escaped := map[rune]string{}
	for _, e := range testenv.ReadGoldenJSONL[entry](t, "testdata/quote.golden.jsonl") {
		escaped[rune(e.CodeUnit)] = e.JSON
	}
	if len(escaped) != 32+2+0x800 {
		t.Fatalf("golden lists %d escaped code units, want 32 controls, '\"', '\\\\' and 2048 surrogates", len(escaped))
	}
	checked := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if utf16.IsSurrogate(r) {
			continue // no Go string holds a lone surrogate
		}
		want, ok := escaped[r]
		if !ok {
			want = `"` + string(r) + `"`
		}
		if got := string(AppendString(nil, string(r))); got != want {
			t.Fatalf("AppendString(%U) = %q, JSON.stringify gives %q", r, got, want)
		}
		checked++
	}
	t.Logf("checked %d scalar values", checked)
}

func TestAppendString(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", `""`},
		{"html is not escaped", "<a href='x'>&amp;</a>", `"<a href='x'>&amp;</a>"`},
		{"line separators are not escaped", "a\u2028b\u2029c", "\"a\u2028b\u2029c\""},
		{"short escapes", "\b\t\n\f\r", `"\b\t\n\f\r"`},
		{"other controls lowercase", "\x00\x1f\x0b", `"\u0000\u001f\u000b"`},
		{"del is copied", "\x7f", "\"\x7f\""},
		{"quotes and backslash", `say "hi" \ /`, `"say \"hi\" \\ /"`},
		{"astral", "\U0001F600", "\"\U0001F600\""},
		{"ill-formed byte", "a\xffb", "\"a\uFFFDb\""},
		{"truncated sequence", "a\xe2\x82", "\"a\uFFFD\uFFFD\""},
		{"appends to dst", "x", `"x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(AppendString(nil, tt.in)); got != tt.want {
				t.Errorf("AppendString(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := string(AppendString([]byte("pre:"), "x")); got != `pre:"x"` {
		t.Errorf("AppendString with a prefix = %q", got)
	}
}

func BenchmarkAppendString(b *testing.B) {
	s := "hello world, this is a typical topic name with some ünïcödé"
	buf := make([]byte, 0, 128)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		buf = AppendString(buf[:0], s)
	}
}
