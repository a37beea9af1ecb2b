//go:build !unix

package netpoll

import "net"

// setBacklog does nothing where a listening socket's accept queue cannot be changed after Go
// listened: the system's default stays.
func setBacklog(net.Listener, int) error { return nil }
