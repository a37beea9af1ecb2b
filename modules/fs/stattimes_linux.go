package fs

import "syscall"

// statTimes returns a stat's access, modification and change times.
func statTimes(st *syscall.Stat_t) (atime, mtime, ctime syscall.Timespec) {
	return st.Atim, st.Mtim, st.Ctim
}
