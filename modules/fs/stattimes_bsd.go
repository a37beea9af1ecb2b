//go:build darwin || freebsd || netbsd

package fs

import "syscall"

// statTimes returns a stat's access, modification and change times.
func statTimes(st *syscall.Stat_t) (atime, mtime, ctime syscall.Timespec) {
	return st.Atimespec, st.Mtimespec, st.Ctimespec
}
