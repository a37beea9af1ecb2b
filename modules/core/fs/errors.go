//go:build linux

package fs

import (
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"earlynode/runtime"
)

// SysError is the failure of one system call as Node 20 reports it: an Error whose message
// reads "ENOENT: no such file or directory, open '/x'" (with " -> 'dest'" for calls on two
// paths) and whose code, errno (negative, as libuv numbers them), syscall, path and dest say
// the same in fields.
type SysError struct {
	// Syscall is the call that failed, as Node names it ("open", "scandir", "rename").
	Syscall string
	// Path is the path the call was about, or "" for calls on a descriptor.
	Path string
	// Dest is the second path of rename, link, symlink and copyfile, or "".
	Dest string
	// Errno is the system's error number.
	Errno syscall.Errno
}

// Error is the message Node gives the error.
func (e *SysError) Error() string {
	var b strings.Builder
	b.WriteString(ErrnoName(e.Errno))
	b.WriteString(": ")
	b.WriteString(ErrnoText(e.Errno))
	b.WriteString(", ")
	b.WriteString(e.Syscall)
	if e.Path != "" {
		b.WriteString(" '")
		b.WriteString(e.Path)
		b.WriteByte('\'')
	}
	if e.Dest != "" {
		b.WriteString(" -> '")
		b.WriteString(e.Dest)
		b.WriteByte('\'')
	}
	return b.String()
}

// ErrnoName is the errno's symbolic name ("ENOENT"), or "E<number>" when it has none.
func ErrnoName(e syscall.Errno) string {
	if n := unix.ErrnoName(e); n != "" {
		return n
	}
	return fmt.Sprintf("E%d", int(e))
}

// libuvText holds the descriptions libuv gives where they differ from the C library's.
var libuvText = map[syscall.Errno]string{
	syscall.EEXIST:       "file already exists",
	syscall.EISDIR:       "illegal operation on a directory",
	syscall.ELOOP:        "too many symbolic links encountered",
	syscall.EXDEV:        "cross-device link not permitted",
	syscall.ENAMETOOLONG: "name too long",
	syscall.EBUSY:        "resource busy or locked",
	syscall.ESPIPE:       "invalid seek",
	syscall.EAGAIN:       "resource temporarily unavailable",
	syscall.ENOTSUP:      "operation not supported on socket",
	syscall.EMLINK:       "too many links",
	syscall.ETXTBSY:      "text file is busy",
	syscall.EIO:          "i/o error",
	syscall.ENXIO:        "no such device or address",
	syscall.EFBIG:        "file too large",
}

// ErrnoText is the description Node prints after the errno's name.
func ErrnoText(e syscall.Errno) string {
	if s, ok := libuvText[e]; ok {
		return s
	}
	return e.Error()
}

// errnoOf digs the errno out of an error from the os, io/fs or syscall packages.
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

// sysErr makes the SysError of call on path from err.
func sysErr(call, path string, err error) error {
	return &SysError{Syscall: call, Path: path, Errno: errnoOf(err)}
}

// sysErr2 is sysErr for calls on two paths.
func sysErr2(call, path, dest string, err error) error {
	return &SysError{Syscall: call, Path: path, Dest: dest, Errno: errnoOf(err)}
}

// CodeError is a failure Node reports with a code of its own rather than an errno (an
// argument of the wrong type, a file too large): a TypeError, RangeError or Error with code.
type CodeError struct {
	// Kind is the constructor: "TypeError", "RangeError" or "Error".
	Kind string
	// Code is Node's code ("ERR_INVALID_ARG_TYPE").
	Code string
	// Message is the message.
	Message string
}

// Error is the message.
func (e *CodeError) Error() string { return e.Message }

// SystemError is a failure Node reports as a SystemError of its own code (rm of a directory
// without recursive, cp's refusals): the message reads "Summary: syscall returned ENAME
// (detail) path", and info holds the same in fields.
type SystemError struct {
	// Code is Node's code ("ERR_FS_EISDIR").
	Code string
	// Summary starts the message ("Path is a directory").
	Summary string
	// Syscall is the call that refused ("rm", "cp").
	Syscall string
	// Errno is the error the refusal stands for.
	Errno syscall.Errno
	// Name is the errno name the message and info give, when not Errno's own (Node's cp
	// names EISDIR with errno EINVAL).
	Name string
	// Detail is the explanation in parentheses.
	Detail string
	// Path is the path the refusal is about.
	Path string
}

// Error is Node's message.
func (e *SystemError) Error() string {
	return e.Summary + ": " + e.Syscall + " returned " + e.name() + " (" + e.Detail + ") " + e.Path
}

func (e *SystemError) name() string {
	if e.Name != "" {
		return e.Name
	}
	return ErrnoName(e.Errno)
}

// errorValue is the JavaScript error for err: a SysError or CodeError as Node makes it, a
// file too large as Node's ERR_FS_FILE_TOO_LARGE, anything else as an Error with its message.
func errorValue(rt *runtime.Runtime, err error) goja.Value {
	vm := rt.VM
	var tooLarge *runtime.FileTooLargeError
	if errors.As(err, &tooLarge) {
		size := tooLarge.Size
		msg := fmt.Sprintf("File size (%d) is greater than 2 GiB", size)
		if size < 0 {
			msg = "File size is greater than 2 GiB"
		}
		err = &CodeError{Kind: "RangeError", Code: "ERR_FS_FILE_TOO_LARGE", Message: msg}
	}
	switch e := err.(type) {
	case *SysError:
		o := rt.NewError(e.Error())
		o.Set("errno", -int(e.Errno))
		o.Set("code", ErrnoName(e.Errno))
		o.Set("syscall", e.Syscall)
		if e.Path != "" {
			o.Set("path", e.Path)
		}
		if e.Dest != "" {
			o.Set("dest", e.Dest)
		}
		return o
	case *SystemError:
		o := rt.NewError(e.Error())
		o.Set("name", "SystemError")
		o.Set("code", e.Code)
		info := vm.NewObject()
		info.Set("message", e.Detail)
		info.Set("path", e.Path)
		info.Set("syscall", e.Syscall)
		info.Set("errno", int(e.Errno))
		info.Set("code", e.name())
		o.Set("info", info)
		o.Set("errno", int(e.Errno))
		o.Set("syscall", e.Syscall)
		o.Set("path", e.Path)
		return o
	case *CodeError:
		ctor, _ := goja.AssertConstructor(vm.Get(e.Kind))
		o, cerr := ctor(nil, vm.ToValue(e.Message))
		if cerr != nil {
			o = rt.NewError(e.Message)
		}
		o.Set("code", e.Code)
		return o
	}
	return rt.NewError(err.Error())
}

// throw panics with the JavaScript error for err, for natives.
func throw(rt *runtime.Runtime, err error) {
	panic(errorValue(rt, err))
}

// argTypeError is Node's ERR_INVALID_ARG_TYPE for argument name, which must be what want says.
func argTypeError(name, want string, got goja.Value) error {
	return &CodeError{Kind: "TypeError", Code: "ERR_INVALID_ARG_TYPE",
		Message: fmt.Sprintf("The %q argument must be %s. Received %s", name, want, received(got))}
}

// received renders a wrong argument as Node's messages do ("undefined", "type number (1)",
// "an instance of Object").
func received(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	if _, sym := v.(*goja.Symbol); sym {
		return "type symbol (Symbol(" + v.String() + "))"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			name := o.Get("name")
			if name != nil && name.String() != "" {
				return "function " + name.String()
			}
			return "function "
		}
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			if n := c.Get("name"); n != nil && n.String() != "" {
				return "an instance of " + n.String()
			}
		}
		return "an instance of Object"
	}
	switch x := v.Export().(type) {
	case string:
		if _, sym := v.(*goja.Symbol); sym {
			break
		}
		s := x
		if len(s) > 25 {
			s = s[:25] + "..."
		}
		return fmt.Sprintf("type string ('%s')", s)
	case bool:
		return fmt.Sprintf("type boolean (%v)", x)
	case *big.Int:
		return "type bigint (" + x.String() + "n)"
	}
	if v.ExportType() != nil && v.ExportType().Kind().String() == "int64" || isNumber(v) {
		return "type number (" + v.String() + ")"
	}
	return "type " + v.ExportType().String() + " (" + v.String() + ")"
}

func isNumber(v goja.Value) bool {
	switch v.Export().(type) {
	case int64, float64:
		return true
	}
	return false
}
