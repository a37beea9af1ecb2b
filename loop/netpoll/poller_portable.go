//go:build !linux || portable

package netpoll

import (
	"time"

	"earlynode/loop"
)

// portableIO says which implementation this build has: the one on Go's net package.
const portableIO = true

// poller is the per-loop state of the portable implementation. It waits for nothing itself:
// each connection's reads and writes run on goroutines of their own (blocking in Go's net
// package, which uses the system's poller: epoll, kqueue, IOCP) and post what they did to
// the loop. As a loop.Poller it only makes the loop sleep until a post or a timer.
type poller struct {
	l    *loop.Loop
	wake chan struct{}

	tlsBuf      []byte // where TLS connections decrypt to (see TLSConn.drain)
	tlsDraining bool   // tlsBuf is in use
}

// pollerOf returns the poller of the loop, installing one on first use (on the loop goroutine).
func pollerOf(l *loop.Loop) (*poller, error) {
	if p, ok := l.Poller().(*poller); ok {
		return p, nil
	}
	p := &poller{l: l, wake: make(chan struct{}, 1)}
	l.SetPoller(p)
	return p, nil
}

// Poll implements loop.Poller: it sleeps until Wake or timeout.
func (p *poller) Poll(timeout time.Duration) {
	switch {
	case timeout == 0:
		return
	case timeout < 0:
		<-p.wake
	default:
		t := time.NewTimer(timeout)
		select {
		case <-p.wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// Wake implements loop.Poller.
func (p *poller) Wake() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}
