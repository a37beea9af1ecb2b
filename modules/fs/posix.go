//go:build unix

package fs

import (
	"strconv"
	"syscall"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// installPosix adds the POSIX wrappers to node.fs. Each returns a node.Promise; none of them
// throws: bad arguments fail the promise like a failed system call.
func (m *module) installPosix() {
	m.obj.Set("rename", m.rename)
	m.obj.Set("stat", m.stat)
	m.obj.Set("unlink", m.pathCall("unlink", syscall.Unlink))
	m.obj.Set("rmdir", m.pathCall("rmdir", syscall.Rmdir))
	m.obj.Set("mkdir", m.mkdir)
	m.obj.Set("open", m.open)
	m.obj.Set("close", m.close)
	m.obj.Set("write", m.write)
	m.obj.Set("read", m.read)
}

// pathCall wraps a system call that takes one path and returns nothing.
func (m *module) pathCall(name string, call func(string) error) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		args := describe(c.Argument(0))
		path, ok := pathArg(c.Argument(0))
		if !ok {
			return m.failed(&CallError{Call: name, Args: args, Reason: "the path must be a string"})
		}
		return m.request(func() (func() []goja.Value, error) {
			if err := call(path); err != nil {
				return nil, &CallError{Call: name, Args: args, Path: path, Errno: errnoOf(err)}
			}
			return nil, nil
		})
	}
}

func (m *module) rename(c goja.FunctionCall) goja.Value {
	args := join(describe(c.Argument(0)), describe(c.Argument(1)))
	from, ok1 := pathArg(c.Argument(0))
	to, ok2 := pathArg(c.Argument(1))
	if !ok1 || !ok2 {
		return m.failed(&CallError{Call: "rename", Args: args, Reason: "both paths must be strings"})
	}
	return m.request(func() (func() []goja.Value, error) {
		if err := syscall.Rename(from, to); err != nil {
			return nil, &CallError{Call: "rename", Args: args, Path: from, Errno: errnoOf(err)}
		}
		return nil, nil
	})
}

func (m *module) mkdir(c goja.FunctionCall) goja.Value {
	path, ok := pathArg(c.Argument(0))
	perm := int64(0o777)
	okPerm := true
	if !absent(c.Argument(1)) {
		perm, okPerm = intArg(c.Argument(1))
	}
	args := join(describe(c.Argument(0)), octal(perm))
	switch {
	case !ok:
		return m.failed(&CallError{Call: "mkdir", Args: describe(c.Argument(0)), Reason: "the path must be a string"})
	case !okPerm || perm > 0o7777:
		return m.failed(&CallError{Call: "mkdir", Args: join(describe(c.Argument(0)), describe(c.Argument(1))), Path: path, Reason: "the mode must be a permission number such as 0755"})
	}
	return m.request(func() (func() []goja.Value, error) {
		if err := syscall.Mkdir(path, uint32(perm)); err != nil {
			return nil, &CallError{Call: "mkdir", Args: args, Path: path, Errno: errnoOf(err)}
		}
		return nil, nil
	})
}

func (m *module) stat(c goja.FunctionCall) goja.Value {
	args := describe(c.Argument(0))
	path, ok := pathArg(c.Argument(0))
	if !ok {
		return m.failed(&CallError{Call: "stat", Args: args, Reason: "the path must be a string"})
	}
	return m.request(func() (func() []goja.Value, error) {
		var st syscall.Stat_t
		for {
			err := syscall.Stat(path, &st)
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				return nil, &CallError{Call: "stat", Args: args, Path: path, Errno: errnoOf(err)}
			}
			break
		}
		return func() []goja.Value { return []goja.Value{m.statObject(&st)} }, nil
	})
}

// open is node.fs.open(path, flags, mode): flags are the node.O_* constants (a File mode string
// such as "w+" is accepted too), mode defaults to 0666.
func (m *module) open(c goja.FunctionCall) goja.Value {
	path, ok := pathArg(c.Argument(0))
	if !ok {
		return m.failed(&CallError{Call: "open", Args: describe(c.Argument(0)), Reason: "the path must be a string"})
	}
	given := join(describe(c.Argument(0)), describe(c.Argument(1)))
	var flags int
	if s, isStr := c.Argument(1).Export().(string); isStr {
		f, err := ParseMode(s)
		if err != nil {
			return m.failed(&CallError{Call: "open", Args: given, Path: path, Reason: err.Error()})
		}
		flags = f
	} else {
		f, ok := intArg(c.Argument(1))
		if !ok && !absent(c.Argument(1)) || f > 1<<31 {
			return m.failed(&CallError{Call: "open", Args: given, Path: path, Reason: "the flags must be node.O_* constants"})
		}
		flags = int(f)
	}
	perm := int64(0o666)
	if !absent(c.Argument(2)) {
		p, ok := intArg(c.Argument(2))
		if !ok || p > 0o7777 {
			return m.failed(&CallError{Call: "open", Args: join(given, describe(c.Argument(2))), Path: path, Reason: "the mode must be a permission number such as 0644"})
		}
		perm = p
	}
	args := join(quote(path), FlagsString(flags), octal(perm))
	return m.request(func() (func() []goja.Value, error) {
		fd, err := m.fds.openFile(path, flags, int(perm))
		if err != nil {
			return nil, &CallError{Call: "open", Args: args, Path: path, Errno: errnoOf(err)}
		}
		return func() []goja.Value { return []goja.Value{m.vm.ToValue(fd)} }, nil
	})
}

// fdArg reads a descriptor argument; a missing or malformed one is EBADF.
func fdArg(v goja.Value) (int, bool) {
	n, ok := intArg(v)
	if !ok || n > 1<<31 {
		return -1, false
	}
	return int(n), true
}

func fdText(v goja.Value) string {
	if n, ok := fdArg(v); ok {
		return "fd " + strconv.Itoa(n)
	}
	return describe(v)
}

func (m *module) close(c goja.FunctionCall) goja.Value {
	args := fdText(c.Argument(0))
	fd, ok := fdArg(c.Argument(0))
	if !ok {
		return m.failed(&CallError{Call: "close", Args: args, Errno: syscall.EBADF, Reason: "not a file descriptor"})
	}
	return m.request(func() (func() []goja.Value, error) {
		if err := m.fds.closeFile(fd); err != nil {
			return nil, &CallError{Call: "close", Args: args, Errno: errnoOf(err)}
		}
		return nil, nil
	})
}

// write is node.fs.write(fd, data, position): data is a string (written as UTF-8) or an array
// of integers; a null position writes at the current offset. It gives the bytes written.
func (m *module) write(c goja.FunctionCall) goja.Value {
	args := fdText(c.Argument(0))
	fd, ok := fdArg(c.Argument(0))
	if !ok {
		return m.failed(&CallError{Call: "write", Args: args, Errno: syscall.EBADF, Reason: "not a file descriptor"})
	}
	data, err := m.bytesArg(c.Argument(1))
	if err != nil {
		return m.failed(&CallError{Call: "write", Args: args, Reason: err.Error()})
	}
	pos, ok := positionArg(c.Argument(2))
	if !ok {
		return m.failed(&CallError{Call: "write", Args: join(args, describe(c.Argument(2))), Errno: syscall.EINVAL, Reason: "the position must be a non-negative integer or null"})
	}
	if s := m.stdStream(fd); s != nil && pos < 0 {
		p := m.rt.NewPromise()
		err := m.writeStd(s, data)
		m.rt.Post(func() error {
			if err != nil {
				return m.rt.Reject(p, m.errorValue(&CallError{Call: "write", Args: args, Errno: errnoOf(err)}))
			}
			return m.rt.Resolve(p, m.vm.ToValue(len(data)))
		})
		return p
	}
	return m.request(func() (func() []goja.Value, error) {
		n, err := m.fds.write(fd, data, pos)
		if err != nil {
			return nil, &CallError{Call: "write", Args: args, Errno: errnoOf(err)}
		}
		return func() []goja.Value { return []goja.Value{m.vm.ToValue(n)} }, nil
	})
}

// read is node.fs.read(fd, length, position, encoding): it gives what was read, "" (or [])
// at the end of the file; a null position reads at the current offset.
func (m *module) read(c goja.FunctionCall) goja.Value {
	args := fdText(c.Argument(0))
	fd, ok := fdArg(c.Argument(0))
	if !ok {
		return m.failed(&CallError{Call: "read", Args: args, Errno: syscall.EBADF, Reason: "not a file descriptor"})
	}
	length, ok := intArg(c.Argument(1))
	if !ok || length > maxReadLength {
		return m.failed(&CallError{Call: "read", Args: join(args, describe(c.Argument(1))), Errno: syscall.EINVAL, Reason: "the length must be an integer from 0 to 1073741824"})
	}
	pos, ok := positionArg(c.Argument(2))
	if !ok {
		return m.failed(&CallError{Call: "read", Args: join(args, describe(c.Argument(1)), describe(c.Argument(2))), Errno: syscall.EINVAL, Reason: "the position must be a non-negative integer or null"})
	}
	enc, err := encodingArg(c.Argument(3), runtime.Raw)
	if err != nil {
		return m.failed(&CallError{Call: "read", Args: args, Reason: err.Error()})
	}
	work := func() (func() []goja.Value, error) {
		buf := make([]byte, length)
		n, err := m.fds.read(fd, buf, pos)
		if err != nil {
			return nil, &CallError{Call: "read", Args: args, Errno: errnoOf(err)}
		}
		return func() []goja.Value { return []goja.Value{m.valueOf(buf[:n], enc)} }, nil
	}
	return m.request(work)
}

// bytesArg turns data to write into bytes the worker may keep: strings as UTF-8, arrays of
// integers as bytes, Buffers and typed arrays copied.
func (m *module) bytesArg(v goja.Value) ([]byte, error) {
	b, err := m.rt.BytesOf(v, runtime.UTF8)
	if err != nil {
		return nil, err
	}
	if _, isStr := v.Export().(string); !isStr {
		b = append([]byte(nil), b...)
	}
	return b, nil
}

// statObject is the stats object of the man page, with atime, mtime and ctime as Dates.
func (m *module) statObject(st *syscall.Stat_t) *goja.Object {
	o := m.vm.NewObject()
	o.Set("dev", int64(st.Dev))
	o.Set("ino", int64(st.Ino))
	o.Set("mode", int64(st.Mode))
	o.Set("nlink", int64(st.Nlink))
	o.Set("uid", int64(st.Uid))
	o.Set("gid", int64(st.Gid))
	o.Set("rdev", int64(st.Rdev))
	o.Set("size", st.Size)
	o.Set("blksize", int64(st.Blksize))
	o.Set("blocks", st.Blocks)
	atime, mtime, ctime := statTimes(st)
	o.Set("atime", m.dateOf(atime))
	o.Set("mtime", m.dateOf(mtime))
	o.Set("ctime", m.dateOf(ctime))
	return o
}

func (m *module) dateOf(ts syscall.Timespec) goja.Value {
	ms := ts.Sec*1000 + ts.Nsec/1e6
	d, err := m.vm.New(m.date, m.vm.ToValue(ms))
	if err != nil {
		return m.vm.ToValue(ms)
	}
	return d
}
