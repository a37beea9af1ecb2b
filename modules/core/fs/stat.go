//go:build linux

package fs

// stat, lstat, fstat: statx(2) into the numbers of a Stats object.

import (
	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// statFields are a Stats object's numbers in the order fs.js's stats hook takes them: dev,
// mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs,
// birthtimeMs.
type statFields [14]float64

// statx fills f from statx(2) of path relative to dirfd with flags.
func statx(dirfd int, path string, flags int) (statFields, error) {
	var st unix.Statx_t
	var f statFields
	for {
		err := unix.Statx(dirfd, path, flags|unix.AT_STATX_SYNC_AS_STAT, unix.STATX_BASIC_STATS|unix.STATX_BTIME, &st)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return f, err
		}
		break
	}
	ms := func(t unix.StatxTimestamp) float64 { return float64(t.Sec)*1e3 + float64(t.Nsec)/1e6 }
	f = statFields{
		float64(unix.Mkdev(st.Dev_major, st.Dev_minor)), float64(st.Mode), float64(st.Nlink),
		float64(st.Uid), float64(st.Gid), float64(unix.Mkdev(st.Rdev_major, st.Rdev_minor)),
		float64(st.Blksize), float64(st.Ino), float64(st.Size), float64(st.Blocks),
		ms(st.Atime), ms(st.Mtime), ms(st.Ctime), ms(st.Btime),
	}
	if st.Mask&unix.STATX_BTIME == 0 {
		f[13] = f[12]
	}
	return f, nil
}

// statsValue makes a Stats object of f.
func (m *module) statsValue(f statFields) goja.Value {
	vals := make([]any, len(f))
	for i, x := range f {
		vals[i] = x
	}
	v, err := m.stats(goja.Undefined(), m.vm.NewArray(vals...))
	if err != nil {
		panic(err)
	}
	return v
}

func (m *module) statCall(c goja.FunctionCall, call string, flags int) goja.Value {
	path := m.pathArg("path", c.Argument(1))
	return m.run(c, func() (result, error) {
		f, err := statx(unix.AT_FDCWD, path, flags)
		if err != nil {
			return nil, sysErr(call, path, err)
		}
		return one(func() goja.Value { return m.statsValue(f) }), nil
	})
}

// stat is fs.stat(path).
func (m *module) stat(c goja.FunctionCall) goja.Value { return m.statCall(c, "stat", 0) }

// lstat is fs.lstat(path).
func (m *module) lstat(c goja.FunctionCall) goja.Value {
	return m.statCall(c, "lstat", unix.AT_SYMLINK_NOFOLLOW)
}

// fstat is fs.fstat(fd).
func (m *module) fstat(c goja.FunctionCall) goja.Value {
	fd := m.fdArg(c.Argument(1))
	return m.run(c, func() (result, error) {
		f, err := statx(fd, "", unix.AT_EMPTY_PATH)
		if err != nil {
			return nil, &SysError{Syscall: "fstat", Errno: errnoOf(err)}
		}
		return one(func() goja.Value { return m.statsValue(f) }), nil
	})
}
