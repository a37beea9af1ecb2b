//go:build linux

package fs

// Calls on paths: unlink, rename, access, copyFile, symlink, link, readlink, realpath.

import (
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// pathCall is a call on one path that answers nothing.
func (m *module) pathCall(c goja.FunctionCall, call string, do func(path string) error) goja.Value {
	path := m.pathArg("path", c.Argument(1))
	return m.run(c, func() (result, error) {
		if err := do(path); err != nil {
			return nil, sysErr(call, path, err)
		}
		return nil, nil
	})
}

// unlink is fs.unlink(path).
func (m *module) unlink(c goja.FunctionCall) goja.Value {
	return m.pathCall(c, "unlink", unix.Unlink)
}

// rename is fs.rename(oldPath, newPath).
func (m *module) rename(c goja.FunctionCall) goja.Value {
	from := m.pathArg("oldPath", c.Argument(1))
	to := m.pathArg("newPath", c.Argument(2))
	return m.run(c, func() (result, error) {
		if err := unix.Rename(from, to); err != nil {
			return nil, sysErr2("rename", from, to, err)
		}
		return nil, nil
	})
}

// access is fs.access(path, mode).
func (m *module) access(c goja.FunctionCall) goja.Value {
	mode := uint32(0)
	if v := c.Argument(2); !absent(v) {
		if !isNumber(v) {
			throw(m.rt, argTypeError("mode", "of type number", v))
		}
		if f := v.ToFloat(); f != math.Trunc(f) || f < 0 || f > 7 {
			throw(m.rt, &CodeError{Kind: "RangeError", Code: "ERR_OUT_OF_RANGE", Message: "mode is out of range: >= 0 && <= 7"})
		}
		mode = uint32(v.ToInteger())
	}
	return m.pathCall(c, "access", func(p string) error { return unix.Access(p, mode) })
}

// copyFile is fs.copyFile(src, dest, mode): mode 1 (COPYFILE_EXCL) fails if dest exists.
func (m *module) copyFile(c goja.FunctionCall) goja.Value {
	src := m.pathArg("src", c.Argument(1))
	dst := m.pathArg("dest", c.Argument(2))
	mode := m.intOpt("mode", c.Argument(3), 0, 0, 7)
	return m.run(c, func() (result, error) {
		if err := copyFile(src, dst, mode&1 != 0); err != nil {
			return nil, sysErr2("copyfile", src, dst, err)
		}
		return nil, nil
	})
}

func copyFile(src, dst string, excl bool) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if excl {
		flags |= os.O_EXCL
	}
	out, err := os.OpenFile(dst, flags, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	out.Chmod(info.Mode().Perm())
	return out.Close()
}

// symlink is fs.symlink(target, path, type).
func (m *module) symlink(c goja.FunctionCall) goja.Value {
	target := m.pathArg("target", c.Argument(1))
	path := m.pathArg("path", c.Argument(2))
	return m.run(c, func() (result, error) {
		if err := unix.Symlink(target, path); err != nil {
			return nil, sysErr2("symlink", target, path, err)
		}
		return nil, nil
	})
}

// link is fs.link(existingPath, newPath).
func (m *module) link(c goja.FunctionCall) goja.Value {
	from := m.pathArg("existingPath", c.Argument(1))
	to := m.pathArg("newPath", c.Argument(2))
	return m.run(c, func() (result, error) {
		if err := unix.Link(from, to); err != nil {
			return nil, sysErr2("link", from, to, err)
		}
		return nil, nil
	})
}

// readlink is fs.readlink(path, options).
func (m *module) readlink(c goja.FunctionCall) goja.Value {
	path := m.pathArg("path", c.Argument(1))
	_, enc := m.options(c.Argument(2), "utf8")
	return m.run(c, func() (result, error) {
		t, err := os.Readlink(path)
		if err != nil {
			return nil, sysErr("readlink", path, err)
		}
		return one(func() goja.Value { return m.text([]byte(t), enc) }), nil
	})
}

// realpath is fs.realpath(path, options): the absolute path with no symbolic links; an
// error names the lstat of the first component that failed, as Node's does.
func (m *module) realpath(c goja.FunctionCall) goja.Value {
	path := m.pathArg("path", c.Argument(1))
	_, enc := m.options(c.Argument(2), "utf8")
	return m.run(c, func() (result, error) {
		abs, err := filepath.Abs(path)
		if err == nil {
			abs, err = filepath.EvalSymlinks(abs)
		}
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return nil, sysErr("lstat", pe.Path, err)
			}
			return nil, sysErr("lstat", path, err)
		}
		return one(func() goja.Value { return m.text([]byte(abs), enc) }), nil
	})
}
