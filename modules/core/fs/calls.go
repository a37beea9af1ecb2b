//go:build linux

package fs

// The natives of fs.js and the constants, by name.

import (
	"strconv"

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
		"opendir":    m.opendir,
		"mkdir":      m.mkdir,
		"mkdtemp":    m.mkdtemp,
		"rm":         m.rm,
		"rmdir":      m.rmdir,
		"unlink":     m.unlink,
		"rename":     m.rename,
		"access":     m.access,
		"copyFile":   m.copyFile,
		"cp":         m.cp,
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
