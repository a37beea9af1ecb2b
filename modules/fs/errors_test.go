//go:build unix

package fs

import (
	"fmt"
	"os"
	"syscall"
	"testing"
)

func TestCallErrorMessage(t *testing.T) {
	tests := []struct {
		err  CallError
		want string
		code string
	}{
		{CallError{Call: "open", Args: "'/x', 'r'", Path: "/x", Errno: syscall.ENOENT},
			"open('/x', 'r'): ENOENT: no such file or directory", "ENOENT"},
		{CallError{Call: "write", Args: "'/tmp/f'", Errno: syscall.EBADF, Reason: "the file is not open"},
			"write('/tmp/f'): EBADF: bad file descriptor (the file is not open)", "EBADF"},
		{CallError{Call: "open", Args: "'/x', 'q'", Reason: "invalid mode 'q'"},
			"open('/x', 'q'): invalid mode 'q'", "EINVAL"},
		{CallError{Call: "read", Args: "fd 7", Errno: syscall.Errno(4000)},
			"read(fd 7): E4000: errno 4000", "E4000"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if got := tt.err.Code(); got != tt.code {
			t.Errorf("Code() = %q, want %q", got, tt.code)
		}
	}
}

func TestErrnoOf(t *testing.T) {
	_, statErr := os.Stat("/nonexistent/earlynode")
	tests := []struct {
		err  error
		want syscall.Errno
	}{
		{syscall.EACCES, syscall.EACCES},
		{statErr, syscall.ENOENT},
		{fmt.Errorf("wrapped: %w", syscall.EISDIR), syscall.EISDIR},
		{os.ErrPermission, syscall.EACCES},
		{fmt.Errorf("plain"), syscall.EIO},
	}
	for _, tt := range tests {
		if got := errnoOf(tt.err); got != tt.want {
			t.Errorf("errnoOf(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/tmp/x", "'/tmp/x'"},
		{"it's", `'it\'s'`},
		{"a\nb\tc", `'a\nb\tc'`},
		{"nul\x00", `'nul\x00'`},
		{`back\slash`, `'back\\slash'`},
		{"ünï", "'ünï'"},
	}
	for _, tt := range tests {
		if got := quote(tt.in); got != tt.want {
			t.Errorf("quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
