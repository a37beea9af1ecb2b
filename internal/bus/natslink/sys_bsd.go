//go:build darwin || freebsd || netbsd || openbsd

package natslink

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// socketpair makes the connected pair of unix sockets the link runs on, close-on-exec.
func socketpair() ([2]int, error) {
	pair, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM, 0)
	if err != nil {
		return pair, os.NewSyscallError("socketpair", err)
	}
	unix.CloseOnExec(pair[0])
	unix.CloseOnExec(pair[1])
	return pair, nil
}

// helperAttr sets nothing: these systems have no parent-death signal; the helper ends when
// the link's socket closes.
func helperAttr() *syscall.SysProcAttr { return nil }
