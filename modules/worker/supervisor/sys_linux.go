package supervisor

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// socketpair makes the connected pair of unix sockets a worker's bus runs on, close-on-exec.
func socketpair() ([2]int, error) {
	pair, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return pair, os.NewSyscallError("socketpair", err)
	}
	return pair, nil
}

// workerAttr puts a worker in a process group of its own, dying with the supervisor.
func workerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}
