package jsonframe

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

func TestUnquote(t *testing.T) {
	tests := []struct {
		lit  string
		want string
		ok   bool
	}{
		{`"plain"`, "plain", true},
		{`""`, "", true},
		{`"a\"b\\c\/d\b\f\n\r\t"`, "a\"b\\c/d\b\f\n\r\t", true},
		{`"\u00e9\u00E9"`, "éé", true},
		{`"\ud83d\ude00"`, "\U0001F600", true},
		{`"\ud800"`, "", false},
		{`"\udc00\ud800"`, "", false},
		{`"\ud800\u0041"`, "", false},
		{"\"\xff\"", "", false},
		{`"unterminated`, "", false},
		{`plain`, "", false},
		{`"a"b"`, "", false},
		{`"\x"`, "", false},
		{`"`, "", false},
	}
	for _, tt := range tests {
		got, ok := Unquote([]byte(tt.lit))
		if got != tt.want || ok != tt.ok {
			t.Errorf("Unquote(%s) = %q, %v; want %q, %v", tt.lit, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzUnquote checks Unquote against encoding/json and AppendString: a
// literal it accepts decodes to the same string with encoding/json, and
// every valid string survives AppendString then Unquote.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`"a\u00e9\ud83d\ude00"`, `"\ud800"`, `"x\ny"`, `"\"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, lit []byte) {
		if s, ok := Unquote(lit); ok {
			var want string
			if err := json.Unmarshal(lit, &want); err != nil || want != s {
				t.Fatalf("Unquote(%q) = %q, encoding/json gives %q (%v)", lit, s, want, err)
			}
		}
		if utf8.Valid(lit) {
			s := string(lit)
			back, ok := Unquote(AppendString(nil, s))
			if !ok || back != s {
				t.Fatalf("Unquote(AppendString(%q)) = %q, %v", s, back, ok)
			}
		}
	})
}
