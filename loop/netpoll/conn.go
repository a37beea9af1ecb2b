package netpoll

import (
	"net"
)

// Conn is what a Stream and a TLSConn both are: one connection driven by the loop, with the
// same vocabulary (see Stream). Callers that take either (the IPC libraries' connections) hold
// a Conn.
type Conn interface {
	// Start begins reading, reporting to h.
	Start(h Handler) error
	// Write queues b (copied); it never blocks. Past the write limit it fails with a
	// WriteLimitError and aborts the connection.
	Write(b []byte) error
	// SetWriteLimit sets the most the connection queues for its peer (0: no limit); WriteLimit
	// returns it.
	SetWriteLimit(n int)
	WriteLimit() int
	// CloseWrite ends the writing side once everything queued is written.
	CloseWrite()
	// Close closes once everything queued is written.
	Close()
	// Abort closes now, dropping what is queued; End(err) follows.
	Abort(err error)
	// Pause stops reading until Resume.
	Pause()
	Resume()
	// Ref and Unref say whether the connection keeps the loop alive.
	Ref()
	Unref()
	// Pending returns how many bytes wait to be written.
	Pending() int
	// TryFlush writes what is queued as far as the socket takes it now.
	TryFlush() error
	// Closed reports whether the connection was closed.
	Closed() bool
	LocalAddr() net.Addr
	RemoteAddr() net.Addr
}

var (
	_ Conn = (*Stream)(nil)
	_ Conn = (*TLSConn)(nil)
)
