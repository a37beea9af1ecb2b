//go:build unix

package netpoll

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// reusePort is the net.ListenConfig.Control that sets SO_REUSEPORT before the socket is bound.
// (On FreeBSD SO_REUSEPORT lets listeners share the port without spreading connections among
// them; SO_REUSEPORT_LB would spread them.)
var reusePort = func(_, _ string, c syscall.RawConn) error {
	var serr error
	if err := c.Control(func(fd uintptr) {
		serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
	}); err != nil {
		return err
	}
	return serr
}
