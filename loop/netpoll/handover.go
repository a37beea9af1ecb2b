package netpoll

import "earlynode/loop"

// SetHandler makes h the stream's Handler from the next event on: a protocol that takes over a
// connection another one started reading (a WebSocket after node.http parsed its upgrade
// request) keeps the Stream, its descriptor and its write queue, and only changes who is told.
// On a stream not started yet it only names the Handler Start will use.
func (s *Stream) SetHandler(h Handler) { s.h = h }

// Drainer is a Handler that wants to know when its stream's write queue has been written out:
// Drained is called, on the loop, each time a queue the kernel did not take at once becomes
// empty (not after writes that went straight to the socket). A writer that stops producing
// while too much waits uses it to start again, as a node stream's "drain".
type Drainer interface {
	Drained() error
}

// Loop returns the loop the stream runs on.
func (s *Stream) Loop() *loop.Loop { return s.p.l }

// Drained passes the stream's drain on to a TLSConn's handler that asks for it (Drainer): the
// records of everything written are then with the kernel.
func (e tlsEvents) Drained() error {
	t := e.t
	if d, ok := t.h.(Drainer); ok && t.open && !t.closed && len(t.out) == 0 {
		return d.Drained()
	}
	return nil
}
