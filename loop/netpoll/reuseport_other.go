//go:build !unix

package netpoll

import "syscall"

// reusePortSupported says the system has no SO_REUSEPORT: ListenTCP refuses ReusePort with
// ErrReusePortUnsupported.
const reusePortSupported = false

// ControlReusePort is a net.ListenConfig Control function that would set SO_REUSEPORT; here it
// fails with ErrReusePortUnsupported.
func ControlReusePort(_, _ string, _ syscall.RawConn) error { return ErrReusePortUnsupported }
