//go:build unix

package supervisor

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// signalName names a signal as the exit message shows it ("SIGKILL").
func signalName(s syscall.Signal) string { return unix.SignalName(s) }
