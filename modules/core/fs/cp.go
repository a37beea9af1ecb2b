//go:build linux

package fs

// cp: copying files, links and (recursive) directory trees.

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// cpOptions are fs.cp's options.
type cpOptions struct {
	recursive, force, errorOnExist, dereference, preserveTimestamps, verbatimSymlinks bool
}

// cp is fs.cp(src, dest, options).
func (m *module) cp(c goja.FunctionCall) goja.Value {
	src := m.pathArg("src", c.Argument(1))
	dst := m.pathArg("dest", c.Argument(2))
	o := cpOptions{force: true}
	if opts, ok := c.Argument(3).(*goja.Object); ok {
		flag := func(name string, def bool) bool {
			if v := get(opts, name); v != nil {
				return v.ToBoolean()
			}
			return def
		}
		if get(opts, "filter") != nil {
			throw(m.rt, &CodeError{Kind: "TypeError", Code: "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM",
				Message: "cp's filter option is not provided by earlynode (yet)"})
		}
		o = cpOptions{recursive: flag("recursive", false), force: flag("force", true),
			errorOnExist: flag("errorOnExist", false), dereference: flag("dereference", false),
			preserveTimestamps: flag("preserveTimestamps", false), verbatimSymlinks: flag("verbatimSymlinks", false)}
	}
	return m.run(c, func() (result, error) { return nil, copyTree(src, dst, o, true) })
}

func cpRefusal(code, summary string, errno syscall.Errno, detail, path string) error {
	return &SystemError{Code: code, Summary: summary, Syscall: "cp", Errno: errno, Detail: detail, Path: path}
}

// statOf is lstat, or stat when following links.
func statOf(path string, follow bool) (os.FileInfo, error) {
	if follow {
		return os.Stat(path)
	}
	return os.Lstat(path)
}

// copyTree copies src to dst with Node's checks (top: the call's own arguments).
func copyTree(src, dst string, o cpOptions, top bool) error {
	st, err := statOf(src, o.dereference)
	if err != nil {
		return sysErr("lstat", src, err)
	}
	dstSt, dstErr := statOf(dst, o.dereference)
	if top {
		if dstErr == nil && os.SameFile(st, dstSt) {
			return cpRefusal("ERR_FS_CP_EINVAL", "Invalid src or dest", syscall.EINVAL, "src and dest cannot be the same", src)
		}
		if st.IsDir() && isSubdir(src, dst) {
			return cpRefusal("ERR_FS_CP_EINVAL", "Invalid src or dest", syscall.EINVAL,
				"cannot copy "+src+" to a subdirectory of self "+dst, dst)
		}
	}
	if st.IsDir() {
		if !o.recursive {
			e := cpRefusal("ERR_FS_EISDIR", "Path is a directory", syscall.EINVAL, src+" is a directory (not copied)", src)
			e.(*SystemError).Name = "EISDIR"
			return e
		}
		if dstErr == nil && !dstSt.IsDir() {
			return cpRefusal("ERR_FS_CP_DIR_TO_NON_DIR", "Cannot overwrite non-directory with directory", syscall.EISDIR,
				"cannot overwrite non-directory "+dst+" with directory "+src, dst)
		}
		if dstErr != nil {
			if err := os.Mkdir(dst, st.Mode().Perm()|0o700); err != nil {
				return sysErr("mkdir", dst, err)
			}
			defer os.Chmod(dst, st.Mode().Perm())
		}
		ents, err := os.ReadDir(src)
		if err != nil {
			return sysErr("opendir", src, err)
		}
		for _, e := range ents {
			if err := copyTree(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()), o, false); err != nil {
				return err
			}
		}
		return nil
	}
	if dstErr == nil {
		if dstSt.IsDir() {
			return cpRefusal("ERR_FS_CP_NON_DIR_TO_DIR", "Cannot overwrite directory with non-directory", syscall.ENOTDIR,
				"cannot overwrite directory "+dst+" with non-directory "+src, dst)
		}
		if !o.force {
			if o.errorOnExist {
				return cpRefusal("ERR_FS_CP_EEXIST", "Target already exists", syscall.EEXIST, dst+" already exists", dst)
			}
			return nil
		}
	}
	if st.Mode()&os.ModeSymlink != 0 {
		target, err := os.Readlink(src)
		if err != nil {
			return sysErr("readlink", src, err)
		}
		if !o.verbatimSymlinks && !filepath.IsAbs(target) {
			if abs, err := filepath.Abs(filepath.Join(filepath.Dir(src), target)); err == nil {
				target = abs
			}
		}
		if dstErr == nil {
			os.Remove(dst)
		}
		if err := os.Symlink(target, dst); err != nil {
			return sysErr2("symlink", target, dst, err)
		}
		return nil
	}
	if err := copyFile(src, dst, false); err != nil {
		return sysErr2("copyfile", src, dst, err)
	}
	if o.preserveTimestamps {
		var s unix.Stat_t
		if unix.Stat(src, &s) == nil {
			unix.UtimesNano(dst, []unix.Timespec{s.Atim, s.Mtim})
		}
	}
	return nil
}

// isSubdir reports whether dst lies inside the directory src.
func isSubdir(src, dst string) bool {
	a, err1 := filepath.Abs(src)
	b, err2 := filepath.Abs(dst)
	if err1 != nil || err2 != nil {
		return false
	}
	return a != b && strings.HasPrefix(b+string(filepath.Separator), a+string(filepath.Separator))
}
