package runtime

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// Whole-file reads (node.fs.cat, require) refuse what no JavaScript value could hold, as Node
// refuses a file past its buffer or string limit, instead of reading /dev/zero until the
// machine runs out of memory.
const (
	// MaxBufferFile is the most a whole-file read into bytes takes: 2 GiB - 1, as Node's
	// readFile.
	MaxBufferFile = 1<<31 - 1
	// MaxStringFile is the most a whole-file read into a string takes: V8's longest string
	// (0x1fffffe8 characters), which Node also applies.
	MaxStringFile = 0x1fffffe8
)

// FileTooLargeError is a whole-file read refused because the file holds more than Limit bytes.
type FileTooLargeError struct {
	// Size is the file's size, or -1 when it has none (a device or a pipe read past Limit).
	Size int64
	// Limit is the most the read takes.
	Limit int64
}

// Error says how large the file is and what the limit is.
func (e *FileTooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("more than the %d bytes a whole-file read takes (not a regular file: read until the limit)", e.Limit)
	}
	return fmt.Sprintf("%d bytes is more than the %d a whole-file read takes", e.Size, e.Limit)
}

// Unwrap is syscall.EFBIG, so that callers reporting errnos report this one.
func (e *FileTooLargeError) Unwrap() error { return syscall.EFBIG }

// ReadWholeFile reads the file at path, refusing (with a *FileTooLargeError) one holding more
// than limit bytes: a regular file by its size before reading anything, anything else (a
// device, a pipe) once limit bytes have been read. It blocks: call it off the loop.
func ReadWholeFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Mode().IsRegular() {
		if info.Size() > limit {
			return nil, &FileTooLargeError{Size: info.Size(), Limit: limit}
		}
		b := make([]byte, 0, info.Size()+1) // +1: the read that sees EOF
		for {
			n, err := f.Read(b[len(b):cap(b)])
			b = b[:len(b)+n]
			if err == io.EOF {
				return b, nil
			}
			if err != nil {
				return nil, err
			}
			if int64(len(b)) > limit {
				return nil, &FileTooLargeError{Size: int64(len(b)), Limit: limit} // it grew
			}
			if len(b) == cap(b) {
				b = append(b, 0)[:len(b)]
			}
		}
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, &FileTooLargeError{Size: -1, Limit: limit}
	}
	return b, nil
}
