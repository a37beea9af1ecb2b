package websocket

import (
	"earlynode/loop"
	"earlynode/loop/netpoll"
)

// relayed makes a netpoll.Conn that cannot change its Handler once started (a TLSConn) a
// Transport: it is started with a relay whose target SetHandler changes, so that the client
// handshake's reader can hand the connection to the Conn.
type relayed struct {
	netpoll.Conn
	l       *loop.Loop
	r       relay
	started bool
}

func newRelayed(l *loop.Loop, c netpoll.Conn) *relayed { return &relayed{Conn: c, l: l} }

func (x *relayed) Loop() *loop.Loop { return x.l }

func (x *relayed) SetHandler(h netpoll.Handler) { x.r.h = h }

func (x *relayed) Start(h netpoll.Handler) error {
	x.r.h = h
	if x.started {
		return nil
	}
	x.started = true
	return x.Conn.Start(&x.r)
}

// relay passes a connection's events on to its current Handler.
type relay struct{ h netpoll.Handler }

func (r *relay) Data(b []byte) error { return r.h.Data(b) }
func (r *relay) EOF() error          { return r.h.EOF() }
func (r *relay) End(err error) error { return r.h.End(err) }

// Drained passes the connection's drain on (netpoll.Drainer).
func (r *relay) Drained() error {
	if d, ok := r.h.(netpoll.Drainer); ok {
		return d.Drained()
	}
	return nil
}
