package supervisor

import (
	"net"
	"os"
	"sync"

	"earlynode/internal/bus/wire"
)

// queueLen is how many messages may wait for one worker; a worker that falls further behind
// (it does not read its bus) loses the next ones, as a slow consumer does on NATS.
const queueLen = 4096

// hub relays the bus messages of every worker to every worker (the sender included).
type hub struct {
	out   *lineSink
	mu    sync.Mutex
	peers map[int]*peer
}

// peer is the supervisor's end of one worker's bus.
type peer struct {
	index   int
	conn    net.Conn
	queue   chan []byte
	dropped bool // a message was dropped since the last notice
}

func newHub(out *lineSink) *hub { return &hub{out: out, peers: map[int]*peer{}} }

// add starts relaying for worker index over f (the supervisor's end of its socket pair).
func (h *hub) add(index int, f *os.File) {
	c, err := net.FileConn(f)
	f.Close()
	if err != nil {
		h.out.notice("node: worker %d: its message bus cannot be opened: %v", index, err)
		return
	}
	p := &peer{index: index, conn: c, queue: make(chan []byte, queueLen)}
	h.mu.Lock()
	h.peers[index] = p
	h.mu.Unlock()
	go h.read(p)
	go p.write()
}

// remove stops relaying for worker index.
func (h *hub) remove(index int) {
	h.mu.Lock()
	p := h.peers[index]
	delete(h.peers, index)
	h.mu.Unlock()
	if p != nil {
		close(p.queue)
		p.conn.Close()
	}
}

// close stops relaying for every worker.
func (h *hub) close() {
	h.mu.Lock()
	var all []int
	for i := range h.peers {
		all = append(all, i)
	}
	h.mu.Unlock()
	for _, i := range all {
		h.remove(i)
	}
}

// read relays what p publishes until its bus closes.
func (h *hub) read(p *peer) {
	var dec wire.Decoder
	buf := make([]byte, 64<<10)
	for {
		n, err := p.conn.Read(buf)
		if n > 0 {
			if ferr := dec.Feed(buf[:n], h.broadcast); ferr != nil {
				h.out.notice("node: worker %d: %v; its message bus is closed", p.index, ferr)
				p.conn.Close()
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// broadcast queues m for every worker.
func (h *hub) broadcast(m wire.Message) error {
	frame, err := wire.Append(nil, m)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, p := range h.peers {
		select {
		case p.queue <- frame:
			p.dropped = false
		default:
			if !p.dropped {
				p.dropped = true
				h.out.notice("node: worker %d reads its messages too slowly; messages to it are dropped", p.index)
			}
		}
	}
	return nil
}

// write sends p's queued messages until the queue is closed.
func (p *peer) write() {
	for frame := range p.queue {
		if _, err := p.conn.Write(frame); err != nil {
			for range p.queue {
			}
			return
		}
	}
}
