package ipcnet

import (
	"context"
	"errors"
	"net"
	"os"

	"earlynode/loop"
	"earlynode/loop/netpoll"
)

// Every connection runs on a netpoll.Conn: a Stream for unix and plain TCP, a TLSConn over one
// for TLS. The loop reads and writes the non-blocking socket itself when the loop's poller
// says it is ready (TLS decrypts and encrypts there too, once its handshake is done), so a
// message crosses no goroutine on its way to JavaScript and a reply is written by the same
// thread that decoded the request. The methods below run on the loop goroutine.

// dialStream connects off the loop and then attaches the socket to a Stream on the loop (a
// TLSConn over it when opts.TLS is set: 'connect' comes with the TCP connection, as Node's,
// and the handshake follows).
func (c *Conn) dialStream(l *loop.Loop, opts DialOptions) {
	d := net.Dialer{LocalAddr: opts.LocalAddr}
	nc, err := d.DialContext(context.Background(), opts.Network, opts.Address)
	var laddr, raddr net.Addr
	if err == nil {
		laddr, raddr = nc.LocalAddr(), nc.RemoteAddr()
	}
	c.handle.Post(func() error {
		c.connecting = false
		if err != nil {
			if c.destroyed {
				return nil
			}
			return c.fail(wrapOp("connect", opts.Address, err))
		}
		if c.destroyed {
			nc.Close()
			return nil
		}
		c.laddr, c.raddr = laddr, raddr
		st, err := netpoll.Adopt(l, nc)
		if err == nil {
			var conn netpoll.Conn = st
			if opts.TLS != nil {
				conn = netpoll.TLSClient(st, opts.TLS)
			}
			err = c.attach(conn)
		}
		if err != nil {
			return c.fail(wrapOp("connect", opts.Address, err))
		}
		if err := c.events.Connect(); err != nil {
			return err
		}
		return c.streamStarted()
	})
}

// acceptedConn wraps a connection a listener accepted (a TLS one once its handshake is done);
// Start attaches it.
func acceptedConn(l *loop.Loop, conn netpoll.Conn, ln *Listener) *Conn {
	c := newConn(l, nil)
	c.ln = ln
	c.accepted = conn
	c.laddr = conn.LocalAddr()
	c.raddr = conn.RemoteAddr()
	return c
}

// attach starts reading conn.
func (c *Conn) attach(conn netpoll.Conn) error {
	if err := conn.Start(streamEvents{c}); err != nil {
		return err
	}
	c.stream = conn
	if c.unref {
		conn.Unref()
	}
	return nil
}

// startAccepted attaches an accepted connection.
func (c *Conn) startAccepted() {
	conn := c.accepted
	if conn == nil {
		return
	}
	c.accepted = nil
	if c.destroyed {
		conn.Abort(nil)
		return
	}
	if err := c.attach(conn); err != nil {
		c.handle.Post(func() error {
			if c.destroyed {
				return nil
			}
			return c.fail(wrapOp("read", "", err))
		})
		return
	}
	c.streamStarted()
}

// streamStarted writes what was queued before the stream existed, and the end asked for.
func (c *Conn) streamStarted() error {
	if len(c.out) > 0 {
		c.scheduleFlush()
	} else if c.endReq {
		c.stream.CloseWrite()
	}
	return nil
}

// flushAt is how much a turn's writes queue before they go to the stream at once rather than
// at the end of the turn: a program writing many messages in one turn (a loop of sends) then
// has them on their way while it goes on, as Node's writes are.
const flushAt = 64 << 10

// flushStream hands the queue to the stream, which writes what the kernel takes at once and
// keeps the rest.
func (c *Conn) flushStream() error {
	if c.stream == nil || c.stream.Closed() || len(c.out) == 0 {
		return nil
	}
	buf := c.out
	c.out = c.spare[:0]
	if c.stream.Pending() > 0 {
		c.stream.TryFlush() // the socket may take more now
	}
	if p, lim := c.stream.Pending(), c.stream.WriteLimit(); p > 0 && lim > 0 && p+len(buf) > lim {
		// The peer is not taking what waits. The stream checks this itself, but a TLS
		// connection's writes wait outside it until its handshake is done.
		c.stream.Abort(&netpoll.WriteLimitError{Limit: lim})
	} else {
		c.stream.Write(buf) // an error ends the stream, which reports it (End)
	}
	if cap(buf) <= 1<<20 {
		c.spare = buf[:0]
	}
	if c.endReq {
		c.stream.CloseWrite()
	}
	return nil
}

// endStream sends FIN once the queue is written.
func (c *Conn) endStream() {
	if c.stream == nil {
		return // streamStarted sends it
	}
	if len(c.out) > 0 {
		c.flushStream() // sends it after the data
		return
	}
	c.stream.CloseWrite()
}

// closeStream closes the connection once the queue is written (both sides have ended).
func (c *Conn) closeStream() {
	if len(c.out) > 0 {
		c.flushStream()
	}
	c.stream.Close()
}

// streamEvents turns what a netpoll.Conn reports into the connection's events.
type streamEvents struct{ c *Conn }

func (e streamEvents) Data(b []byte) error {
	c := e.c
	if c.destroyed || c.decode == nil {
		return nil
	}
	if batch := c.decode(b); batch != nil {
		return c.events.Batch(batch)
	}
	return nil
}

func (e streamEvents) EOF() error {
	c := e.c
	if c.destroyed {
		return nil
	}
	return c.peerEnded()
}

func (e streamEvents) End(err error) error {
	c := e.c
	if c.destroyed {
		return nil
	}
	if err != nil {
		var he *netpoll.HandshakeError
		if errors.As(err, &he) {
			return c.fail(wrapOp("connect", c.address, he.Err))
		}
		sys := "read"
		var se *os.SyscallError
		var le *netpoll.WriteLimitError
		if errors.As(err, &le) || errors.As(err, &se) && (se.Syscall == "write" || se.Syscall == "writev" || se.Syscall == "shutdown") {
			sys = "write"
		}
		return c.fail(wrapOp(sys, "", err))
	}
	return c.destroy(nil)
}
