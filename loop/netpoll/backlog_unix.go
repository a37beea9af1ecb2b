//go:build unix && (!linux || portable)

package netpoll

import (
	"net"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// setBacklog listens again on a listening socket with a shorter accept queue (Go listened with
// the system's maximum).
func setBacklog(gl net.Listener, backlog int) error {
	sc, ok := gl.(syscall.Conn)
	if !ok {
		return nil
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return err
	}
	var lerr error
	if err := raw.Control(func(fd uintptr) { lerr = unix.Listen(int(fd), backlog) }); err != nil {
		return err
	}
	if lerr != nil {
		return os.NewSyscallError("listen", lerr)
	}
	return nil
}
