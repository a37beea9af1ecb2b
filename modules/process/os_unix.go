//go:build unix

package process

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// signalNum returns the number of the signal named name ("SIGTERM"), 0 if there is none.
func signalNum(name string) syscall.Signal { return unix.SignalNum(name) }

// ownGroup makes the child the leader of a process group of its own.
func ownGroup() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

// startShell runs command with /bin/sh.
func startShell(command string, attr *os.ProcAttr) (*os.Process, error) {
	return os.StartProcess("/bin/sh", []string{"sh", "-c", command}, attr)
}

// signalGroup sends sig to the process group led by pid.
func signalGroup(pid int, sig syscall.Signal) error { return syscall.Kill(-pid, sig) }
