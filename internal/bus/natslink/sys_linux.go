package natslink

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// socketpair makes the connected pair of unix sockets the link runs on, close-on-exec.
func socketpair() ([2]int, error) {
	pair, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return pair, os.NewSyscallError("socketpair", err)
	}
	return pair, nil
}

// helperAttr makes the helper end when this process does.
func helperAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM} }
