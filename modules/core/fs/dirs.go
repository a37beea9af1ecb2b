//go:build linux

package fs

// Directories: readdir, mkdir, mkdtemp, rm, rmdir.

import (
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// Node's numbers for the kinds of directory entries (UV_DIRENT_*).
const (
	direntUnknown = iota
	direntFile
	direntDir
	direntLink
	direntFIFO
	direntSocket
	direntChar
	direntBlock
)

func direntType(t fs.FileMode) int {
	switch {
	case t.IsRegular():
		return direntFile
	case t&fs.ModeDir != 0:
		return direntDir
	case t&fs.ModeSymlink != 0:
		return direntLink
	case t&fs.ModeNamedPipe != 0:
		return direntFIFO
	case t&fs.ModeSocket != 0:
		return direntSocket
	case t&fs.ModeCharDevice != 0:
		return direntChar
	case t&fs.ModeDevice != 0:
		return direntBlock
	}
	return direntUnknown
}

type entry struct {
	name, dir string
	kind      int
}

// listDir reads a directory's entries in name order (as libuv's scandir gives them), with the
// entries of subdirectories after each when recursive.
func listDir(root, rel string, recursive bool, out []entry) ([]entry, error) {
	dir := filepath.Join(root, rel)
	if rel == "" {
		dir = root
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return out, err
	}
	for _, e := range ents {
		name := e.Name()
		if rel != "" {
			name = filepath.Join(rel, name)
		}
		out = append(out, entry{name: name, dir: dir, kind: direntType(e.Type())})
	}
	if recursive {
		for _, e := range ents {
			if e.IsDir() {
				sub := e.Name()
				if rel != "" {
					sub = filepath.Join(rel, sub)
				}
				if out, err = listDir(root, sub, true, out); err != nil {
					return out, err
				}
			}
		}
	}
	return out, nil
}

// readdir is fs.readdir(path, options): names, or Dirents withFileTypes.
func (m *module) readdir(c goja.FunctionCall) goja.Value {
	opts, _ := m.options(c.Argument(2), "utf8")
	types := get(opts, "withFileTypes") != nil && get(opts, "withFileTypes").ToBoolean()
	return m.listCall(c, "scandir", types)
}

// opendir is opendir(path, options): the directory's Dirents, which fs.js hands out through
// a Dir one at a time (the whole directory is read at open).
func (m *module) opendir(c goja.FunctionCall) goja.Value {
	return m.listCall(c, "opendir", true)
}

// listCall reads a directory for readdir and opendir: names or Dirents.
func (m *module) listCall(c goja.FunctionCall, call string, types bool) goja.Value {
	path := m.pathArg("path", c.Argument(1))
	opts, enc := m.options(c.Argument(2), "utf8")
	recursive := get(opts, "recursive") != nil && get(opts, "recursive").ToBoolean()
	return m.run(c, func() (result, error) {
		ents, err := listDir(path, "", recursive, nil)
		if err != nil {
			return nil, sysErr(call, path, err)
		}
		return one(func() goja.Value {
			vals := make([]any, len(ents))
			for i, e := range ents {
				name := m.text([]byte(e.name), enc)
				if !types {
					vals[i] = name
					continue
				}
				d, err := m.dirent(goja.Undefined(), name, m.vm.ToValue(e.kind), m.vm.ToValue(e.dir))
				if err != nil {
					panic(err)
				}
				vals[i] = d
			}
			return m.vm.NewArray(vals...)
		}), nil
	})
}

// mkdir is fs.mkdir(path, options | mode): with recursive, the first directory it made.
func (m *module) mkdir(c goja.FunctionCall) goja.Value {
	path := m.pathArg("path", c.Argument(1))
	var recursive bool
	mode := uint32(0o777)
	if o, ok := c.Argument(2).(*goja.Object); ok {
		recursive = get(o, "recursive") != nil && get(o, "recursive").ToBoolean()
		mode = m.modeArg(get(o, "mode"), 0o777)
	} else {
		mode = m.modeArg(c.Argument(2), 0o777)
	}
	return m.run(c, func() (result, error) {
		if !recursive {
			if err := unix.Mkdir(path, mode); err != nil {
				return nil, sysErr("mkdir", path, err)
			}
			return nil, nil
		}
		first := firstMissing(path)
		if err := os.MkdirAll(path, os.FileMode(mode)); err != nil {
			return nil, sysErr("mkdir", path, err)
		}
		if first == "" {
			return one(goja.Undefined), nil
		}
		return one(func() goja.Value { return m.vm.ToValue(first) }), nil
	})
}

// firstMissing is the outermost directory of path that does not exist yet ("" if none).
func firstMissing(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	first := ""
	for p := abs; ; p = filepath.Dir(p) {
		if _, err := os.Lstat(p); err == nil {
			break
		}
		first = p
		if p == filepath.Dir(p) {
			break
		}
	}
	return first
}

// mkdtemp is fs.mkdtemp(prefix): a new directory (mode 0700) named prefix and six random
// letters and digits.
func (m *module) mkdtemp(c goja.FunctionCall) goja.Value {
	prefix := m.pathArg("prefix", c.Argument(1))
	_, enc := m.options(c.Argument(2), "utf8")
	return m.run(c, func() (result, error) {
		const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
		for {
			var r [6]byte
			rand.Read(r[:])
			for i := range r {
				r[i] = letters[int(r[i])%len(letters)]
			}
			dir := prefix + string(r[:])
			err := unix.Mkdir(dir, 0o700)
			if err == unix.EEXIST {
				continue
			}
			if err != nil {
				return nil, sysErr("mkdtemp", prefix+"XXXXXX", err)
			}
			return one(func() goja.Value { return m.text([]byte(dir), enc) }), nil
		}
	})
}

// rm is fs.rm(path, {recursive, force}).
func (m *module) rm(c goja.FunctionCall) goja.Value {
	path := m.pathArg("path", c.Argument(1))
	o, _ := c.Argument(2).(*goja.Object)
	recursive := get(o, "recursive") != nil && get(o, "recursive").ToBoolean()
	force := get(o, "force") != nil && get(o, "force").ToBoolean()
	return m.run(c, func() (result, error) {
		var st unix.Stat_t
		if err := unix.Lstat(path, &st); err != nil {
			if force && err == unix.ENOENT {
				return nil, nil
			}
			return nil, sysErr("lstat", path, err)
		}
		if st.Mode&unix.S_IFMT == unix.S_IFDIR {
			if !recursive {
				return nil, &SystemError{Code: "ERR_FS_EISDIR", Summary: "Path is a directory", Syscall: "rm",
					Errno: syscall.EISDIR, Detail: "is a directory", Path: path}
			}
			if err := os.RemoveAll(path); err != nil {
				var pe *fs.PathError
				if errors.As(err, &pe) {
					return nil, sysErr("rm", pe.Path, err)
				}
				return nil, sysErr("rm", path, err)
			}
			return nil, nil
		}
		if err := unix.Unlink(path); err != nil {
			return nil, sysErr("rm", path, err)
		}
		return nil, nil
	})
}

// rmdir is fs.rmdir(path, {recursive}).
func (m *module) rmdir(c goja.FunctionCall) goja.Value {
	path := m.pathArg("path", c.Argument(1))
	o, _ := c.Argument(2).(*goja.Object)
	recursive := get(o, "recursive") != nil && get(o, "recursive").ToBoolean()
	return m.run(c, func() (result, error) {
		if recursive {
			if err := os.RemoveAll(path); err != nil {
				return nil, sysErr("rmdir", path, err)
			}
			return nil, nil
		}
		if err := unix.Rmdir(path); err != nil {
			return nil, sysErr("rmdir", path, err)
		}
		return nil, nil
	})
}
