package supervisor

import (
	"errors"
	"syscall"
)

// socketpair fails: a worker's bus is a pair of unix sockets, which this build does not make on
// windows, so node --workers says it is not supported.
func socketpair() ([2]int, error) {
	return [2]int{-1, -1}, errors.New("node --workers is not supported on windows")
}

// workerAttr sets nothing.
func workerAttr() *syscall.SysProcAttr { return nil }

// signalName names a signal as the exit message shows it.
func signalName(s syscall.Signal) string { return s.String() }
