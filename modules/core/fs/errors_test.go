//go:build linux

package fs

import (
	"syscall"
	"testing"
)

// The messages Node 20 gives for the errors scripts meet most (libuv's descriptions, not the
// C library's where they differ).
func TestSysErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		err  SysError
		want string
	}{
		{SysError{Syscall: "open", Path: "/x", Errno: syscall.ENOENT}, "ENOENT: no such file or directory, open '/x'"},
		{SysError{Syscall: "mkdir", Path: "/d", Errno: syscall.EEXIST}, "EEXIST: file already exists, mkdir '/d'"},
		{SysError{Syscall: "read", Errno: syscall.EISDIR}, "EISDIR: illegal operation on a directory, read"},
		{SysError{Syscall: "rename", Path: "/a", Dest: "/b", Errno: syscall.ENOENT}, "ENOENT: no such file or directory, rename '/a' -> '/b'"},
		{SysError{Syscall: "rmdir", Path: "/d", Errno: syscall.ENOTEMPTY}, "ENOTEMPTY: directory not empty, rmdir '/d'"},
		{SysError{Syscall: "close", Errno: syscall.EBADF}, "EBADF: bad file descriptor, close"},
		{SysError{Syscall: "open", Path: "/l", Errno: syscall.ELOOP}, "ELOOP: too many symbolic links encountered, open '/l'"},
		{SysError{Syscall: "access", Path: "/r", Errno: syscall.EACCES}, "EACCES: permission denied, access '/r'"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

// Every flag string Node accepts opens as Node opens it; the exclusive and sync forms add
// O_EXCL and O_SYNC to their base.
func TestOpenFlags(t *testing.T) {
	for _, tc := range []struct {
		flag string
		want int
	}{
		{"r", syscall.O_RDONLY},
		{"r+", syscall.O_RDWR},
		{"w", syscall.O_TRUNC | syscall.O_CREAT | syscall.O_WRONLY},
		{"wx", syscall.O_TRUNC | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL},
		{"a+", syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR},
		{"as", syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_SYNC},
		{"rs+", syscall.O_RDWR | syscall.O_SYNC},
	} {
		if got, ok := openFlags[tc.flag]; !ok || got != tc.want {
			t.Errorf("%q: got %#o (known %v), want %#o", tc.flag, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"", "rw", "x", "W"} {
		if _, ok := openFlags[bad]; ok {
			t.Errorf("%q should not be a flag", bad)
		}
	}
}
