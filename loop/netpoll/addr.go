package netpoll

import (
	"errors"
	"fmt"
	"net"
	"runtime"
)

// RemoteAddress is the peer's address of a Go connection as RemoteIP shows it.
func RemoteAddress(c net.Conn) string {
	switch a := c.RemoteAddr().(type) {
	case *net.TCPAddr:
		if v4 := a.IP.To4(); v4 != nil {
			return v4.String()
		}
		return a.IP.String()
	case *net.UnixAddr:
		return ""
	case nil:
		return ""
	}
	return c.RemoteAddr().String()
}

func errNotSocket(x any) error {
	return fmt.Errorf("netpoll: %T is not a socket", x)
}

// ErrReusePortUnsupported is what ListenTCP fails with when ListenConfig.ReusePort is asked
// for on a system without SO_REUSEPORT.
var ErrReusePortUnsupported = errors.New("netpoll: SO_REUSEPORT (sharing a port among listeners) is not supported on " + runtime.GOOS)
