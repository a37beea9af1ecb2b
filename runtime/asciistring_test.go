package runtime

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func TestIsASCII(t *testing.T) {
	long := strings.Repeat("abcdefgh", 9)
	tests := []struct {
		in   string
		want bool
	}{
		{"", true},
		{"short", true},
		{long, true},
		{long + "\x80", false},
		{"\xff" + long, false},
		{long[:33] + "é" + long, false},
		{long[:15] + "\x7f", true},
	}
	for _, tt := range tests {
		if got := isASCII([]byte(tt.in)); got != tt.want {
			t.Errorf("isASCII(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestValueOfUTF8 checks that strings made by the fast path behave in JavaScript exactly like
// those made by ToValue: length, comparison, concatenation, indexing, keys, JSON.
func TestValueOfUTF8(t *testing.T) {
	rt := New(Options{})
	if rt.asciiType() == nil {
		t.Fatal("the ASCII form of this goja version was not recognised: the fast path is off")
	}
	inputs := []string{
		"",
		"tiny",
		strings.Repeat("0123456789abcdef", 4096),
		"ascii then \u00e9 then more ascii text",
		"bad \xff bytes that are not UTF-8 at all",
		strings.Repeat("x", 40) + "😀",
	}
	check, err := rt.VM.RunString(`(function (a, b) {
		var o = {}; o[a] = 1;
		return a.length === b.length && a === b && (a + "!") === (b + "!") && String(a.charCodeAt(a.length - 1)) === String(b.charCodeAt(b.length - 1)) &&
			a.indexOf("e") === b.indexOf("e") && Object.keys(o)[0] === b && JSON.stringify(a) === JSON.stringify(b) &&
			typeof a === "string";
	})`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(check)
	for _, in := range inputs {
		fast := rt.ValueOfUTF8([]byte(in))
		slow := rt.ValueOf([]byte(in), UTF8)
		same, err := fn(goja.Undefined(), fast, slow)
		if err != nil || !same.ToBoolean() {
			t.Errorf("ValueOfUTF8(%.40q) differs from ValueOf: %v", in, err)
		}
		if s := rt.StringValue(strings.ToValidUTF8(in, "\uFFFD")); s.String() != slow.String() {
			t.Errorf("StringValue(%.40q) = %.40q", in, s.String())
		}
	}
}

func BenchmarkValueOfUTF8(b *testing.B) {
	rt := New(Options{})
	data := []byte(strings.Repeat("the quick brown fox jumps over the lazy dog 0123456789\n", 1200))[:65536]
	length, _ := rt.VM.RunString(`(function (s) { return s.length; })`)
	fn, _ := goja.AssertFunction(length)
	b.SetBytes(int64(len(data)))
	b.Run("ValueOfUTF8", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			fn(goja.Undefined(), rt.ValueOfUTF8(data))
		}
	})
	b.Run("ValueOf", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			fn(goja.Undefined(), rt.ValueOf(data, UTF8))
		}
	})
}
