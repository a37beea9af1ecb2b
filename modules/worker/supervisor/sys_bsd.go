//go:build darwin || freebsd || netbsd || openbsd

package supervisor

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// socketpair makes the connected pair of unix sockets a worker's bus runs on, close-on-exec.
func socketpair() ([2]int, error) {
	pair, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM, 0)
	if err != nil {
		return pair, os.NewSyscallError("socketpair", err)
	}
	unix.CloseOnExec(pair[0])
	unix.CloseOnExec(pair[1])
	return pair, nil
}

// workerAttr puts a worker in a process group of its own. These systems have no
// parent-death signal: a worker outlives a supervisor that is killed outright.
func workerAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }
