//go:build unix

package fs

import (
	"strings"
	"syscall"
	"testing"
)

func TestParseMode(t *testing.T) {
	tests := []struct {
		mode  string
		flags int
	}{
		{"r", syscall.O_RDONLY},
		{"r+", syscall.O_RDWR},
		{"w", syscall.O_WRONLY | syscall.O_CREAT | syscall.O_TRUNC},
		{"w+", syscall.O_RDWR | syscall.O_CREAT | syscall.O_TRUNC},
		{"a", syscall.O_WRONLY | syscall.O_APPEND | syscall.O_CREAT},
		{"a+", syscall.O_RDWR | syscall.O_APPEND | syscall.O_CREAT},
	}
	for _, tt := range tests {
		got, err := ParseMode(tt.mode)
		if err != nil || got != tt.flags {
			t.Errorf("ParseMode(%q) = %#x, %v; want %#x", tt.mode, got, err, tt.flags)
		}
	}
	for _, bad := range []string{"", "R", "rw", "r++", "x", "w-", "a+b", "rb", " r"} {
		if _, err := ParseMode(bad); err == nil || !strings.Contains(err.Error(), "invalid mode") {
			t.Errorf("ParseMode(%q) error = %v, want an invalid mode error", bad, err)
		}
	}
}

func TestFlagsString(t *testing.T) {
	tests := []struct {
		flags int
		want  string
	}{
		{syscall.O_RDONLY, "O_RDONLY"},
		{syscall.O_WRONLY | syscall.O_CREAT | syscall.O_TRUNC, "O_WRONLY|O_CREAT|O_TRUNC"},
		{syscall.O_RDWR | syscall.O_APPEND, "O_RDWR|O_APPEND"},
		{syscall.O_RDONLY | 1<<29, "O_RDONLY|0x20000000"},
		{3, "0x3"},
	}
	for _, tt := range tests {
		if got := FlagsString(tt.flags); got != tt.want {
			t.Errorf("FlagsString(%#x) = %q, want %q", tt.flags, got, tt.want)
		}
	}
}
