//go:build !linux || portable

package netpoll

import (
	"errors"
	"net"
	"time"

	"earlynode/loop"
)

// listenerIO is the portable implementation's part of a Listener: a Go listener whose
// connections an accepting goroutine posts to the loop.
type listenerIO struct {
	gl net.Listener
}

// listenerOf takes over a listening Go socket (which it then owns) and starts accepting.
// backlog > 0 changes the length of its accept queue where the system allows it.
func listenerOf(l *loop.Loop, gl net.Listener, port, backlog int, onConn AcceptFunc) (*Listener, error) {
	p, err := pollerOf(l)
	if err != nil {
		gl.Close()
		return nil, err
	}
	if backlog > 0 {
		if err := setBacklog(gl, backlog); err != nil {
			gl.Close()
			return nil, err
		}
	}
	ln := &Listener{p: p, listenerIO: listenerIO{gl: gl}, port: port, onConn: onConn}
	ln.handle = l.NewHandle()
	go ln.acceptLoop()
	return ln, nil
}

// acceptLoop accepts until the listener is closed and posts each connection to the loop.
func (ln *Listener) acceptLoop() {
	for {
		c, err := ln.gl.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			// Out of descriptors, say: wait a little rather than spin on the listening socket.
			time.Sleep(100 * time.Millisecond)
			continue
		}
		ln.p.l.Post(func() error {
			if ln.closed {
				c.Close()
				return nil
			}
			return ln.onConn(newStream(ln.p, c, RemoteAddress(c)))
		})
	}
}

// closeIO closes the Go listener, which ends the accepting goroutine.
func (ln *Listener) closeIO() { ln.gl.Close() }
