//go:build unix

package fs

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// CallError is the failure of one file system call: which call, on what (a quoted path and the
// other arguments, or a descriptor), and the system's error. Its message reads
// "open('/x', 'r'): ENOENT: no such file or directory".
type CallError struct {
	// Call is the name of the call that failed ("open", "read", "stat", ...).
	Call string
	// Args describes what the call was given, as the message shows it ("'/x', 'r'", "fd 7").
	Args string
	// Path is the path the call was about, or "" when it worked on a descriptor only.
	Path string
	// Errno is the system's error number, or 0 for failures found before any system call.
	Errno syscall.Errno
	// Reason is the explanation for failures without an errno (an invalid mode string).
	Reason string
}

// Error formats the call, its arguments, the errno's name and its description.
func (e *CallError) Error() string {
	var b strings.Builder
	b.WriteString(e.Call)
	b.WriteByte('(')
	b.WriteString(e.Args)
	b.WriteString("): ")
	if e.Errno != 0 {
		b.WriteString(ErrnoName(e.Errno))
		b.WriteString(": ")
		b.WriteString(e.Errno.Error())
		if e.Reason != "" {
			b.WriteString(" (")
			b.WriteString(e.Reason)
			b.WriteByte(')')
		}
	} else {
		b.WriteString(e.Reason)
	}
	return b.String()
}

// Code is the errno's name ("ENOENT"), or "EINVAL" for failures without an errno.
func (e *CallError) Code() string {
	if e.Errno == 0 {
		return "EINVAL"
	}
	return ErrnoName(e.Errno)
}

// ErrnoName is the symbolic name of an errno ("ENOENT"), or "E<number>" when it has none.
func ErrnoName(e syscall.Errno) string {
	if n := unix.ErrnoName(e); n != "" {
		return n
	}
	return fmt.Sprintf("E%d", int(e))
}

// errnoOf digs the errno out of an error from the os or syscall packages (EIO when there is
// none, which does not happen for the calls this package makes).
func errnoOf(err error) syscall.Errno {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return syscall.ENOENT
	case errors.Is(err, fs.ErrPermission):
		return syscall.EACCES
	case errors.Is(err, fs.ErrExist):
		return syscall.EEXIST
	}
	return syscall.EIO
}

// quote renders a path or a mode string as the messages show it: in single quotes, with
// quotes, backslashes and control characters escaped so that every path reads unambiguously.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
