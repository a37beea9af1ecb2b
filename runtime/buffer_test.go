package runtime

import (
	"bytes"
	"testing"
)

// indexOf and lastIndexOf as Node computes them: negative offsets count from the end, an empty
// needle answers the clamped offset, lastIndexOf searches backwards from the offset.
func TestBufferIndexOf(t *testing.T) {
	hay := []byte("hello world, hello")
	for _, tt := range []struct {
		needle  string
		offset  int64
		forward bool
		want    int64
	}{
		{"l", 0, true, 2},
		{"ell", 0, true, 1},
		{"hello", 1, true, 13},
		{"hello", -5, true, 13},
		{"hello", -100, true, 0},
		{"hello", 100, true, -1},
		{"l", 18, false, 16},
		{"l", 100, false, 16},
		{"l", -100, false, -1},
		{"hello", 12, false, 0},
		{"hello", 13, false, 13},
		{"", 3, true, 3},
		{"", 100, true, 18},
		{"", -3, false, 15},
		{"xyz", 0, true, -1},
		{"hello world, hello!", 0, true, -1},
	} {
		if got := indexOf(hay, []byte(tt.needle), tt.offset, tt.forward); got != tt.want {
			t.Errorf("indexOf(%q, %d, forward=%v) = %d, want %d", tt.needle, tt.offset, tt.forward, got, tt.want)
		}
	}
	if got := indexOf(nil, []byte("a"), 0, true); got != -1 {
		t.Errorf("indexOf in an empty buffer = %d", got)
	}
}

func TestFillPattern(t *testing.T) {
	for _, tt := range []struct{ n, pat, want string }{
		{"......", "ab", "ababab"},
		{".....", "abc", "abcab"},
		{"..", "abcd", "ab"},
		{"", "ab", ""},
	} {
		dst := []byte(tt.n)
		fillPattern(dst, []byte(tt.pat))
		if !bytes.Equal(dst, []byte(tt.want)) {
			t.Errorf("fillPattern(%d bytes, %q) = %q, want %q", len(tt.n), tt.pat, dst, tt.want)
		}
	}
}
