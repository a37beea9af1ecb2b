//go:build linux

package fs

// File attributes: chmod, fchmod, chown, lchown, fchown, utimes, lutimes, futimes.

import (
	"math"
	"strconv"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// chmod is fs.chmod(path, mode).
func (m *module) chmod(c goja.FunctionCall) goja.Value {
	mode := m.modeArg(c.Argument(2), 0)
	if absent(c.Argument(2)) {
		throw(m.rt, argTypeError("mode", "of type number", c.Argument(2)))
	}
	return m.pathCall(c, "chmod", func(p string) error { return unix.Chmod(p, mode) })
}

// fchmod is fs.fchmod(fd, mode).
func (m *module) fchmod(c goja.FunctionCall) goja.Value {
	fd := m.fdArg(c.Argument(1))
	if absent(c.Argument(2)) {
		throw(m.rt, argTypeError("mode", "of type number", c.Argument(2)))
	}
	mode := m.modeArg(c.Argument(2), 0)
	return m.run(c, func() (result, error) {
		if err := unix.Fchmod(fd, mode); err != nil {
			return nil, &SysError{Syscall: "fchmod", Errno: errnoOf(err)}
		}
		return nil, nil
	})
}

// ids reads the uid and gid of the chown calls.
func (m *module) ids(c goja.FunctionCall) (int, int) {
	uid := m.intOpt("uid", c.Argument(2), 0, -1, math.MaxUint32)
	gid := m.intOpt("gid", c.Argument(3), 0, -1, math.MaxUint32)
	if absent(c.Argument(2)) {
		throw(m.rt, argTypeError("uid", "of type number", c.Argument(2)))
	}
	if absent(c.Argument(3)) {
		throw(m.rt, argTypeError("gid", "of type number", c.Argument(3)))
	}
	return int(uid), int(gid)
}

// chown is fs.chown(path, uid, gid).
func (m *module) chown(c goja.FunctionCall) goja.Value {
	uid, gid := m.ids(c)
	return m.pathCall(c, "chown", func(p string) error { return unix.Chown(p, uid, gid) })
}

// lchown is fs.lchown(path, uid, gid).
func (m *module) lchown(c goja.FunctionCall) goja.Value {
	uid, gid := m.ids(c)
	return m.pathCall(c, "lchown", func(p string) error { return unix.Lchown(p, uid, gid) })
}

// fchown is fs.fchown(fd, uid, gid).
func (m *module) fchown(c goja.FunctionCall) goja.Value {
	fd := m.fdArg(c.Argument(1))
	uid, gid := m.ids(c)
	return m.run(c, func() (result, error) {
		if err := unix.Fchown(fd, uid, gid); err != nil {
			return nil, &SysError{Syscall: "fchown", Errno: errnoOf(err)}
		}
		return nil, nil
	})
}

// timeArg reads a time of the utimes calls as Node does: a Date, a number of seconds or a
// numeric string.
func (m *module) timeArg(v goja.Value) unix.Timespec {
	var sec float64
	switch {
	case isNumber(v):
		sec = v.ToFloat()
	default:
		if o, ok := v.(*goja.Object); ok && o.ClassName() == "Date" {
			sec = o.ToFloat() / 1000 // its time value, in milliseconds
			break
		}
		if s, ok := stringOf(v); ok {
			if f, err := strconv.ParseFloat(s, 64); err == nil {
				sec = f
				break
			}
		}
		throw(m.rt, &CodeError{Kind: "TypeError", Code: "ERR_INVALID_ARG_TYPE", // Node's wording
			Message: "The \"time\" argument must be an instance of Date or an Time in seconds. Received " + received(v)})
	}
	if math.IsNaN(sec) || math.IsInf(sec, 0) {
		sec = float64(time.Now().UnixNano()) / 1e9
	}
	whole := math.Floor(sec)
	return unix.Timespec{Sec: int64(whole), Nsec: int64((sec - whole) * 1e9)}
}

func (m *module) utimesCall(c goja.FunctionCall, call string, flags int) goja.Value {
	path := m.pathArg("path", c.Argument(1))
	ts := []unix.Timespec{m.timeArg(c.Argument(2)), m.timeArg(c.Argument(3))}
	return m.run(c, func() (result, error) {
		if err := unix.UtimesNanoAt(unix.AT_FDCWD, path, ts, flags); err != nil {
			return nil, sysErr(call, path, err)
		}
		return nil, nil
	})
}

// utimes is fs.utimes(path, atime, mtime).
func (m *module) utimes(c goja.FunctionCall) goja.Value { return m.utimesCall(c, "utime", 0) }

// lutimes is fs.lutimes(path, atime, mtime): the link itself.
func (m *module) lutimes(c goja.FunctionCall) goja.Value {
	return m.utimesCall(c, "lutime", unix.AT_SYMLINK_NOFOLLOW)
}

// futimes is fs.futimes(fd, atime, mtime).
func (m *module) futimes(c goja.FunctionCall) goja.Value {
	fd := m.fdArg(c.Argument(1))
	ts := []unix.Timespec{m.timeArg(c.Argument(2)), m.timeArg(c.Argument(3))}
	return m.run(c, func() (result, error) {
		if err := unix.UtimesNanoAt(fd, "", ts, unix.AT_EMPTY_PATH); err != nil {
			return nil, &SysError{Syscall: "futime", Errno: errnoOf(err)}
		}
		return nil, nil
	})
}
