//go:build unix

package netpoll

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// reusePortSupported says the system has SO_REUSEPORT. (On FreeBSD it lets listeners share
// the port without spreading connections among them; SO_REUSEPORT_LB would spread them.)
const reusePortSupported = true

// ControlReusePort is a net.ListenConfig Control function that sets SO_REUSEPORT on the socket
// before it is bound.
func ControlReusePort(_, _ string, c syscall.RawConn) error {
	var serr error
	if err := c.Control(func(fd uintptr) {
		serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
	}); err != nil {
		return err
	}
	return serr
}
