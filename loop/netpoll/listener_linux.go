//go:build !portable

package netpoll

import (
	"net"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"earlynode/loop"
)

// listenerIO is the epoll implementation's part of a Listener: its descriptor, accepted from
// on the loop goroutine when the poller says it is readable.
type listenerIO struct {
	pf    *pollFD
	fd    int
	retry *loop.Timer // accepting again after running out of descriptors
}

// listenerOf takes over a listening Go socket, which it closes: the Listener owns a duplicate
// of its descriptor. backlog > 0 changes the length of its accept queue.
func listenerOf(l *loop.Loop, gl net.Listener, port, backlog int, onConn AcceptFunc) (*Listener, error) {
	sc, ok := gl.(syscall.Conn)
	if !ok {
		gl.Close()
		return nil, errNotSocket(gl)
	}
	fd, err := dupFD(sc)
	gl.Close()
	if err != nil {
		return nil, err
	}
	if backlog > 0 {
		// Go listened with the system's maximum; a smaller queue was asked for.
		if err := unix.Listen(fd, backlog); err != nil {
			unix.Close(fd)
			return nil, os.NewSyscallError("listen", err)
		}
	}
	return listenFD(l, fd, port, onConn)
}

// listenFD drives a listening, non-blocking descriptor (which it then owns).
func listenFD(l *loop.Loop, fd, port int, onConn AcceptFunc) (*Listener, error) {
	p, err := pollerOf(l)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	ln := &Listener{p: p, listenerIO: listenerIO{fd: fd}, port: port, onConn: onConn}
	if ln.pf, err = p.add(fd, unix.EPOLLIN, ln.accept, nil); err != nil {
		unix.Close(fd)
		return nil, err
	}
	ln.handle = l.NewHandle()
	return ln, nil
}

// dupFD returns a close-on-exec duplicate of a Go socket's descriptor (non-blocking, as the
// original), so that the original can be closed and the socket driven by the poller alone.
func dupFD(c syscall.Conn) (int, error) {
	raw, err := c.SyscallConn()
	if err != nil {
		return -1, err
	}
	fd := -1
	var derr error
	if err := raw.Control(func(orig uintptr) {
		fd, derr = unix.FcntlInt(orig, unix.F_DUPFD_CLOEXEC, 0)
	}); err != nil {
		return -1, err
	}
	if derr != nil {
		return -1, os.NewSyscallError("fcntl", derr)
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		unix.Close(fd)
		return -1, err
	}
	return fd, nil
}

// accept takes the connections waiting, a bounded number per turn.
func (ln *Listener) accept() error {
	for i := 0; i < 128 && !ln.closed; i++ {
		fd, sa, err := unix.Accept4(ln.fd, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
		switch err {
		case nil:
		case unix.EAGAIN, unix.EINTR:
			return nil
		case unix.ECONNABORTED:
			continue
		case unix.EMFILE, unix.ENFILE, unix.ENOBUFS, unix.ENOMEM:
			// Out of descriptors: stop asking for a while rather than spin on the
			// listening socket, which stays readable.
			ln.p.set(ln.pf, 0)
			ln.retry = ln.p.l.SetTimer(100*time.Millisecond, func() error {
				if !ln.closed {
					ln.p.set(ln.pf, unix.EPOLLIN)
				}
				return nil
			})
			ln.retry.Unref()
			return nil
		default:
			return nil
		}
		unix.SetsockoptInt(fd, unix.IPPROTO_TCP, unix.TCP_NODELAY, 1)
		if err := ln.onConn(newStream(ln.p, fd, sockaddrIP(sa))); err != nil {
			return err
		}
	}
	return nil
}

// closeIO stops accepting and closes the descriptor.
func (ln *Listener) closeIO() {
	if ln.retry != nil {
		ln.retry.Stop()
	}
	ln.p.remove(ln.pf)
	unix.Close(ln.fd)
}
