//go:build linux

package fs

// Whole files: readFile, writeFile/appendFile, truncate, and the read and write loops they use.

import (
	"math"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"earlynode/runtime"
)

// openFile is open(2) as fs.open makes it: close-on-exec, and EISDIR-free for directories
// opened read-only (as libuv does).
func openFile(path string, flags int, mode uint32) (int, error) {
	for {
		fd, err := unix.Open(path, flags|unix.O_CLOEXEC, mode)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return -1, sysErr("open", path, err)
		}
		return fd, nil
	}
}

// readAll reads fd to its end (at most runtime.MaxBufferFile bytes).
//
// It reads readChunk bytes at a time: on these machines a 256 MiB file comes in faster in
// such reads than in one (the pages of the new buffer are faulted in a little at a time).
func readAll(fd int) ([]byte, error) {
	var st unix.Stat_t
	size := 0
	if unix.Fstat(fd, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFREG {
		if st.Size > runtime.MaxBufferFile {
			return nil, &runtime.FileTooLargeError{Size: st.Size, Limit: runtime.MaxBufferFile}
		}
		size = int(st.Size)
	}
	b := make([]byte, 0, size+1)
	if size == 0 {
		b = make([]byte, 0, 64<<10)
	}
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		end := min(cap(b), len(b)+readChunk)
		n, err := unix.Read(fd, b[len(b):end])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &SysError{Syscall: "read", Errno: errnoOf(err)}
		}
		if n == 0 {
			return b, nil
		}
		b = b[:len(b)+n]
		if len(b) > runtime.MaxBufferFile {
			return nil, &runtime.FileTooLargeError{Size: -1, Limit: runtime.MaxBufferFile}
		}
	}
}

// readChunk is the most one read(2) of readAll asks for.
const readChunk = 512 << 10

// writeAll writes all of data to fd, at pos (or the current offset when pos < 0).
func writeAll(fd int, data []byte, pos int64) (int, error) {
	done := 0
	for done < len(data) {
		var n int
		var err error
		if pos >= 0 {
			n, err = unix.Pwrite(fd, data[done:], pos+int64(done))
		} else {
			n, err = unix.Write(fd, data[done:])
		}
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return done, &SysError{Syscall: "write", Errno: errnoOf(err)}
		}
		done += n
	}
	return done, nil
}

// readFile is fs.readFile(path | fd, options).
func (m *module) readFile(c goja.FunctionCall) goja.Value {
	opts, enc := m.options(c.Argument(2), "")
	flags := m.flagsArg(get(opts, "flag"), "r")
	if isNumber(c.Argument(1)) {
		fd := m.fdArg(c.Argument(1))
		return m.run(c, func() (result, error) {
			b, err := readAll(fd)
			if err != nil {
				return nil, err
			}
			return one(func() goja.Value { return m.text(b, enc) }), nil
		})
	}
	path := m.pathArg("path", c.Argument(1))
	return m.run(c, func() (result, error) {
		var b []byte
		fd, err := openFile(path, flags, 0o666)
		if err == nil {
			b, err = readAll(fd)
			unix.Close(fd)
		}
		if err != nil {
			return nil, err
		}
		if enc != "" && len(b) > runtime.MaxStringFile {
			return nil, &CodeError{Kind: "Error", Code: "ERR_STRING_TOO_LONG", Message: "Cannot create a string longer than 0x1fffffe8 characters"}
		}
		return one(func() goja.Value { return m.text(b, enc) }), nil
	})
}

// writeFile is fs.writeFile(file, data, options) and, with flag "a", fs.appendFile
// (fs.js passes the default flag as a fourth argument).
func (m *module) writeFile(c goja.FunctionCall) goja.Value {
	opts, enc := m.options(c.Argument(3), "utf8")
	defFlag := "w"
	if c.Argument(4).String() == "a" {
		defFlag = "a"
	}
	flags := m.flagsArg(get(opts, "flag"), defFlag)
	mode := m.modeArg(get(opts, "mode"), 0o666)
	data := m.dataArg("data", c.Argument(2), enc)
	if isNumber(c.Argument(1)) {
		fd := m.fdArg(c.Argument(1))
		return m.run(c, func() (result, error) {
			_, err := writeAll(fd, data, -1)
			return nil, err
		})
	}
	path := m.pathArg("path", c.Argument(1))
	return m.run(c, func() (result, error) {
		fd, err := openFile(path, flags, mode)
		if err != nil {
			return nil, err
		}
		_, err = writeAll(fd, data, -1)
		if cerr := unix.Close(fd); err == nil && cerr != nil {
			err = &SysError{Syscall: "close", Errno: errnoOf(cerr)}
		}
		return nil, err
	})
}

// truncate is fs.truncate(path, len).
func (m *module) truncate(c goja.FunctionCall) goja.Value {
	n := m.intOpt("len", c.Argument(2), 0, math.MinInt32, math.MaxInt64>>11)
	if n < 0 {
		n = 0
	}
	path := m.pathArg("path", c.Argument(1))
	return m.run(c, func() (result, error) {
		fd, err := openFile(path, unix.O_RDWR, 0)
		if err != nil {
			return nil, err
		}
		defer unix.Close(fd)
		if err := unix.Ftruncate(fd, n); err != nil {
			return nil, &SysError{Syscall: "ftruncate", Errno: errnoOf(err)}
		}
		return nil, nil
	})
}

// ftruncate is fs.ftruncate(fd, len).
func (m *module) ftruncate(c goja.FunctionCall) goja.Value {
	fd := m.fdArg(c.Argument(1))
	n := m.intOpt("len", c.Argument(2), 0, math.MinInt32, math.MaxInt64>>11)
	if n < 0 {
		n = 0
	}
	return m.run(c, func() (result, error) {
		if err := unix.Ftruncate(fd, n); err != nil {
			return nil, &SysError{Syscall: "ftruncate", Errno: errnoOf(err)}
		}
		return nil, nil
	})
}
