package fs

import (
	"crypto/rand"
	"errors"
	"io"
	"io/fs"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"earlynode/runtime"
)

// natives are the calls fs.js makes; each takes (cb, ...Node's arguments) (see module.run).
func (m *module) natives() runtime.Natives {
	return runtime.Natives{
		"readFile":   m.readFile,
		"writeFile":  m.writeFile,
		"open":       m.open,
		"close":      m.close,
		"read":       m.read,
		"write":      m.write,
		"stat":       m.stat,
		"lstat":      m.lstat,
		"fstat":      m.fstat,
		"readdir":    m.readdir,
		"mkdir":      m.mkdir,
		"mkdtemp":    m.mkdtemp,
		"rm":         m.rm,
		"rmdir":      m.rmdir,
		"unlink":     m.unlink,
		"rename":     m.rename,
		"access":     m.access,
		"copyFile":   m.copyFile,
		"symlink":    m.symlink,
		"link":       m.link,
		"readlink":   m.readlink,
		"realpath":   m.realpath,
		"truncate":   m.truncate,
		"ftruncate":  m.ftruncate,
		"chmod":      m.chmod,
		"fsync":      m.fsync,
		"fchmod":     m.fchmod,
		"chown":      m.chown,
		"lchown":     m.lchown,
		"fchown":     m.fchown,
		"utimes":     m.utimes,
		"lutimes":    m.lutimes,
		"futimes":    m.futimes,
		"initRead":   m.initReadStream,
		"initWrite":  m.initWriteStream,
		"flowRead":   m.flowReadStream,
		"writeChunk": m.writeChunk,
		"endWrite":   m.endWriteStream,
		"destroyW":   m.destroyWriteStream,
		"constants":  m.constants(),
	}
}

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
		n, err := unix.Read(fd, b[len(b):cap(b)])
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
		var err error
		if flags == openFlags["r"] {
			b, err = runtime.ReadWholeFile(path, runtime.MaxBufferFile)
			var pe *fs.PathError
			if errors.As(err, &pe) {
				if pe.Op == "open" {
					err = sysErr("open", path, err)
				} else {
					err = &SysError{Syscall: pe.Op, Errno: errnoOf(err)}
				}
			}
		} else {
			var fd int
			if fd, err = openFile(path, flags, 0o666); err == nil {
				b, err = readAll(fd)
				unix.Close(fd)
			}
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
	path := m.pathArg("path", c.Argument(1))
	opts, enc := m.options(c.Argument(2), "utf8")
	types := get(opts, "withFileTypes") != nil && get(opts, "withFileTypes").ToBoolean()
	recursive := get(opts, "recursive") != nil && get(opts, "recursive").ToBoolean()
	return m.run(c, func() (result, error) {
		ents, err := listDir(path, "", recursive, nil)
		if err != nil {
			return nil, sysErr("scandir", path, err)
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
				return nil, &DirError{Path: path}
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

// constants is fs.constants: the access modes, copy flags, open flags and file types.
func (m *module) constants() goja.Value {
	o := m.vm.NewObject()
	for _, kv := range []struct {
		name  string
		value int
	}{
		{"UV_FS_SYMLINK_DIR", 1}, {"UV_FS_SYMLINK_JUNCTION", 2},
		{"O_RDONLY", unix.O_RDONLY}, {"O_WRONLY", unix.O_WRONLY}, {"O_RDWR", unix.O_RDWR},
		{"UV_DIRENT_UNKNOWN", direntUnknown}, {"UV_DIRENT_FILE", direntFile}, {"UV_DIRENT_DIR", direntDir},
		{"UV_DIRENT_LINK", direntLink}, {"UV_DIRENT_FIFO", direntFIFO}, {"UV_DIRENT_SOCKET", direntSocket},
		{"UV_DIRENT_CHAR", direntChar}, {"UV_DIRENT_BLOCK", direntBlock},
		{"S_IFMT", unix.S_IFMT}, {"S_IFREG", unix.S_IFREG}, {"S_IFDIR", unix.S_IFDIR},
		{"S_IFCHR", unix.S_IFCHR}, {"S_IFBLK", unix.S_IFBLK}, {"S_IFIFO", unix.S_IFIFO},
		{"S_IFLNK", unix.S_IFLNK}, {"S_IFSOCK", unix.S_IFSOCK},
		{"O_CREAT", unix.O_CREAT}, {"O_EXCL", unix.O_EXCL}, {"UV_FS_O_FILEMAP", 0},
		{"O_NOCTTY", unix.O_NOCTTY}, {"O_TRUNC", unix.O_TRUNC}, {"O_APPEND", unix.O_APPEND},
		{"O_DIRECTORY", unix.O_DIRECTORY}, {"O_NOATIME", unix.O_NOATIME}, {"O_NOFOLLOW", unix.O_NOFOLLOW},
		{"O_SYNC", unix.O_SYNC}, {"O_DSYNC", unix.O_DSYNC}, {"O_DIRECT", unix.O_DIRECT},
		{"O_NONBLOCK", unix.O_NONBLOCK},
		{"S_IRWXU", 0o700}, {"S_IRUSR", 0o400}, {"S_IWUSR", 0o200}, {"S_IXUSR", 0o100},
		{"S_IRWXG", 0o70}, {"S_IRGRP", 0o40}, {"S_IWGRP", 0o20}, {"S_IXGRP", 0o10},
		{"S_IRWXO", 0o7}, {"S_IROTH", 0o4}, {"S_IWOTH", 0o2}, {"S_IXOTH", 0o1},
		{"F_OK", 0}, {"R_OK", 4}, {"W_OK", 2}, {"X_OK", 1},
		{"UV_FS_COPYFILE_EXCL", 1}, {"COPYFILE_EXCL", 1}, {"UV_FS_COPYFILE_FICLONE", 2},
		{"COPYFILE_FICLONE", 2}, {"UV_FS_COPYFILE_FICLONE_FORCE", 4}, {"COPYFILE_FICLONE_FORCE", 4},
	} {
		o.Set(kv.name, kv.value)
	}
	return o
}

// itoa formats an integer for messages.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
