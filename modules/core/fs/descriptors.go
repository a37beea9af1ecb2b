//go:build linux

package fs

// Calls on descriptors: open, close, read, write, fsync.

import (
	"math"
	"math/big"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"earlynode/runtime"
)

// open is fs.open(path, flags, mode): a descriptor.
func (m *module) open(c goja.FunctionCall) goja.Value {
	path := m.pathArg("path", c.Argument(1))
	flags := m.flagsArg(c.Argument(2), "r")
	mode := m.modeArg(c.Argument(3), 0o666)
	return m.run(c, func() (result, error) {
		fd, err := openFile(path, flags, mode)
		if err != nil {
			return nil, err
		}
		return one(func() goja.Value { return m.vm.ToValue(fd) }), nil
	})
}

// close is fs.close(fd).
func (m *module) close(c goja.FunctionCall) goja.Value {
	fd := m.fdArg(c.Argument(1))
	return m.run(c, func() (result, error) {
		if err := unix.Close(fd); err != nil {
			return nil, &SysError{Syscall: "close", Errno: errnoOf(err)}
		}
		return nil, nil
	})
}

// bufferArg reads the Buffer (or other typed array) of read and write.
func (m *module) bufferArg(v goja.Value) []byte {
	o, ok := v.(*goja.Object)
	if ok {
		if b, err := m.rt.BytesOf(o, runtime.BufferEncoding); err == nil && m.isBufferLike(o) {
			return b
		}
	}
	throw(m.rt, argTypeError("buffer", "an instance of Buffer, TypedArray, or DataView", v))
	return nil
}

// positionArg reads a file position (a number or a BigInt): absent or -1 is the current
// offset (-1).
func (m *module) positionArg(v goja.Value) int64 {
	if absent(v) {
		return -1
	}
	var f float64
	switch x := v.Export().(type) {
	case *big.Int:
		if !x.IsInt64() || x.Int64() < -1 {
			throw(m.rt, &CodeError{Kind: "RangeError", Code: "ERR_OUT_OF_RANGE",
				Message: "The value of \"position\" is out of range. It must be >= -1n && <= 9223372036854775807n. Received " + x.String() + "n"})
		}
		return x.Int64()
	case int64, float64:
		f = v.ToFloat()
	default:
		throw(m.rt, argTypeError("position", "of type bigint or integer", v))
	}
	if math.IsNaN(f) || f != math.Trunc(f) || f < -1 || f > 1<<53-1 {
		throw(m.rt, &CodeError{Kind: "RangeError", Code: "ERR_OUT_OF_RANGE",
			Message: "The value of \"position\" is out of range. It must be >= -1 && <= 9007199254740991. Received " + v.String()})
	}
	return int64(f)
}

// span reads the offset and length of read (read true) and write within a buffer of n bytes,
// with Node's checks and messages; a length of 0 is (0, 0) whatever the offset, as read
// answers 0 at once for it.
func (m *module) span(offV, lenV goja.Value, n int, read bool) (int, int) {
	off := m.intOpt("offset", offV, 0, 0, 1<<53-1)
	if !read && off > int64(n) {
		throw(m.rt, &CodeError{Kind: "RangeError", Code: "ERR_OUT_OF_RANGE",
			Message: "The value of \"offset\" is out of range. It must be <= " + itoa(int64(n)) + ". Received " + itoa(off)})
	}
	length := m.intOpt("length", lenV, max(int64(n)-off, 0), 0, math.MaxInt32)
	if length == 0 && read {
		return 0, 0
	}
	if off+length > int64(n) {
		throw(m.rt, &CodeError{Kind: "RangeError", Code: "ERR_OUT_OF_RANGE",
			Message: "The value of \"length\" is out of range. It must be <= " + itoa(int64(n)-off) + ". Received " + itoa(length)})
	}
	return int(off), int(length)
}

// read is fs.read(fd, buffer, offset, length, position): bytesRead and the buffer.
func (m *module) read(c goja.FunctionCall) goja.Value {
	fd := m.fdArg(c.Argument(1))
	bufV := c.Argument(2)
	buf := m.bufferArg(bufV)
	off, length := m.span(c.Argument(3), c.Argument(4), len(buf), true)
	pos := m.positionArg(c.Argument(5))
	dst := buf[off : off+length]
	return m.run(c, func() (result, error) {
		if length == 0 {
			return func() []goja.Value { return []goja.Value{m.vm.ToValue(0), bufV} }, nil
		}
		var n int
		var err error
		for {
			if pos >= 0 {
				n, err = unix.Pread(fd, dst, pos)
			} else {
				n, err = unix.Read(fd, dst)
			}
			if err != unix.EINTR {
				break
			}
		}
		if err != nil {
			return nil, &SysError{Syscall: "read", Errno: errnoOf(err)}
		}
		return func() []goja.Value { return []goja.Value{m.vm.ToValue(n), bufV} }, nil
	})
}

// write is fs.write(fd, buffer, offset, length, position) and, with a string,
// fs.write(fd, string, position, encoding): bytesWritten and what was written.
func (m *module) write(c goja.FunctionCall) goja.Value {
	fd := m.fdArg(c.Argument(1))
	dataV := c.Argument(2)
	var data []byte
	var pos int64
	if s, ok := stringOf(dataV); ok {
		pos = m.positionArg(c.Argument(3))
		enc := m.encodingName(c.Argument(4))
		data = m.dataArg("buffer", m.vm.ToValue(s), enc)
	} else {
		buf := m.bufferArg(dataV)
		off, length := m.span(c.Argument(3), c.Argument(4), len(buf), false)
		pos = m.positionArg(c.Argument(5))
		data = buf[off : off+length]
	}
	return m.run(c, func() (result, error) {
		n, err := writeAll(fd, data, pos)
		if err != nil {
			return nil, err
		}
		return func() []goja.Value { return []goja.Value{m.vm.ToValue(n), dataV} }, nil
	})
}

// fsync is fs.fsync(fd).
func (m *module) fsync(c goja.FunctionCall) goja.Value {
	fd := m.fdArg(c.Argument(1))
	return m.run(c, func() (result, error) {
		if err := unix.Fsync(fd); err != nil {
			return nil, &SysError{Syscall: "fsync", Errno: errnoOf(err)}
		}
		return nil, nil
	})
}
