package runtime

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestReadWholeFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	os.WriteFile(small, []byte("hello"), 0o644)
	tests := []struct {
		name    string
		path    string
		limit   int64
		want    string
		tooBig  bool
		sizeNeg bool
	}{
		{"a regular file within the limit", small, 5, "hello", false, false},
		{"a regular file past the limit, refused by its size", small, 4, "", true, false},
		{"a device, read until the limit", "/dev/zero", 1 << 16, "", true, true},
		{"an empty device", "/dev/null", 10, "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := ReadWholeFile(tt.path, tt.limit)
			var big *FileTooLargeError
			if tt.tooBig {
				if !errors.As(err, &big) || !errors.Is(err, syscall.EFBIG) || (big.Size < 0) != tt.sizeNeg {
					t.Fatalf("err = %v, want a FileTooLargeError (size unknown: %v)", err, tt.sizeNeg)
				}
				return
			}
			if err != nil || string(b) != tt.want {
				t.Fatalf("got %q, %v; want %q", b, err, tt.want)
			}
		})
	}
	if _, err := ReadWholeFile(filepath.Join(dir, "missing"), 10); !os.IsNotExist(err) {
		t.Fatalf("missing file: %v", err)
	}
}
