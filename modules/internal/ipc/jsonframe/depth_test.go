package jsonframe

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDepth(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	tests := []struct {
		text  string
		limit int
		want  int
	}{
		{`1`, 10, 0},
		{`[]`, 10, 1},
		{`{"a":[1,{"b":{}}]}`, 10, 4},
		{`["[[[[", "\"[[["]`, 10, 1},
		{`{"\\":"]]]","x":[[]]}`, 10, 3},
		{deep, MaxDepth, MaxDepth + 1},
		{deep, 1 << 30, 100000},
	}
	for _, tt := range tests {
		if got := Depth([]byte(tt.text), tt.limit); got != tt.want {
			t.Errorf("Depth(%.30q, %d) = %d, want %d", tt.text, tt.limit, got, tt.want)
		}
	}
}

// depthOf is the nesting of a decoded encoding/json value.
func depthOf(v any) int {
	d := 0
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			d = max(d, depthOf(e))
		}
		return d + 1
	case map[string]any:
		for _, e := range x {
			d = max(d, depthOf(e))
		}
		return d + 1
	}
	return 0
}

// FuzzDepth: Depth never panics, and on valid JSON it agrees with the nesting of the value.
func FuzzDepth(f *testing.F) {
	for _, s := range []string{`[]`, `{"a":[{"b":"]\"["}]}`, `[[[`, `"\`, `]]]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got := Depth(b, 1<<20)
		var v any
		if len(b) < 10000 && Validate(b) == nil && json.Unmarshal(b, &v) == nil {
			if want := depthOf(v); got != want {
				t.Fatalf("Depth(%q) = %d, want %d", b, got, want)
			}
		}
	})
}
