//go:build !unix

package netpoll

import "syscall"

// reusePort is nil where the system has no SO_REUSEPORT: ListenTCP then refuses ReusePort
// with ErrReusePortUnsupported.
var reusePort func(network, address string, c syscall.RawConn) error
