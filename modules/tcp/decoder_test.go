package tcp

import "testing"

func TestIncompleteTail(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 0},
		{"h\xc3", 1},
		{"h\xc3\xa9", 0},
		{"\xe2\x82", 2},
		{"\xe2\x82\xac", 0},
		{"\xf0\x9f\x98", 3},
		{"\xf0\x9f\x98\x80", 0},
		{"\x80\x80\x80", 0}, // stray continuation bytes are not held back
	}
	for _, tt := range tests {
		if got := incompleteTail([]byte(tt.in)); got != tt.want {
			t.Errorf("incompleteTail(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
