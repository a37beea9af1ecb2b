package client

import "sync"

// Events are the callbacks of a Peer and of all its DataConnections; nil
// fields are skipped.
//
// A Peer delivers its events one at a time, in the order they happened,
// from a goroutine of its own (never the goroutine that called a Peer
// method). A callback may call any method of the Peer or of a
// DataConnection. Callbacks should return quickly: the next event waits.
// An embedding (such as earlynode's JavaScript binding) typically posts
// each event to its event loop.
type Events struct {
	// Open: the server accepted this Peer; id is its id.
	Open func(id string)
	// Connection: a remote peer dialled this one. The connection is not
	// open yet; ConnectionOpen follows.
	Connection func(c *DataConnection)
	// Error: an error of the Peer itself (see ErrorType). Fatal ones are
	// followed by Disconnected or Close.
	Error func(err *Error)
	// Disconnected: the signalling connection ended; lastID is the id it
	// had. Existing DataConnections stay open.
	Disconnected func(lastID string)
	// Close: the Peer is destroyed; nothing follows.
	Close func()

	// ConnectionOpen: the DataConnection's channel opened; it can send.
	ConnectionOpen func(c *DataConnection)
	// ConnectionData: one message arrived on the DataConnection.
	ConnectionData func(c *DataConnection, m Message)
	// ConnectionError: an error of one DataConnection.
	ConnectionError func(c *DataConnection, err *Error)
	// ConnectionClose: the DataConnection ended. It fires exactly once for
	// every DataConnection, whether or not it ever opened (PeerJS fires
	// `close` only for connections that opened; see DataConnection.WasOpen).
	ConnectionClose func(c *DataConnection)
}

// dispatcher runs posted callbacks one at a time, in order, on a goroutine
// that exists only while there is work. Posting never blocks.
type dispatcher struct {
	mu      sync.Mutex
	queue   []func()
	running bool
}

// post queues f.
func (d *dispatcher) post(f func()) {
	d.mu.Lock()
	d.queue = append(d.queue, f)
	if !d.running {
		d.running = true
		go d.run()
	}
	d.mu.Unlock()
}

// run drains the queue.
func (d *dispatcher) run() {
	for {
		d.mu.Lock()
		if len(d.queue) == 0 {
			d.running = false
			d.queue = nil
			d.mu.Unlock()
			return
		}
		f := d.queue[0]
		d.queue[0] = nil
		d.queue = d.queue[1:]
		d.mu.Unlock()
		f()
	}
}
