package loop

import (
	"sync/atomic"
	"time"
)

// Poller lets the loop wait for I/O readiness itself, as libuv's loop waits in epoll: a
// module that owns file descriptors installs one with SetPoller, and the loop then sleeps in
// Poll instead of on its own wake-up channel, and polls without waiting once per turn while
// it has callbacks to run, so that I/O is never starved. Without a poller the loop behaves as
// before.
type Poller interface {
	// Poll waits at most timeout (negative: without limit; zero: not at all) for I/O and hands
	// what is ready to the loop by posting callbacks. It runs on the loop goroutine.
	Poll(timeout time.Duration)
	// Wake makes a Poll in progress, or the next one, return at once. Safe from any goroutine.
	Wake()
}

// pollerState is the loop's part of the Poller arrangement.
type pollerState struct {
	p        atomic.Pointer[pollerBox]
	sleeping atomic.Bool // the loop is (about to be) waiting in Poll
	fresh    bool        // the last Poll waited: the next turn need not poll again
}

type pollerBox struct{ p Poller }

// SetPoller installs p (on the loop goroutine, or before Run). There is one per loop.
func (l *Loop) SetPoller(p Poller) { l.poll.p.Store(&pollerBox{p}) }

// Poller returns the installed poller, or nil.
func (l *Loop) Poller() Poller {
	if b := l.poll.p.Load(); b != nil {
		return b.p
	}
	return nil
}

// pollWait is wait with a poller: sleep in Poll until I/O, a post or the earliest timer. The
// sleeping flag is raised before the queue is looked at, so that a post racing with this
// either is seen here or wakes the Poll (see wakePoller).
func (l *Loop) pollWait(p Poller) {
	l.poll.sleeping.Store(true)
	l.mu.Lock()
	queued := len(l.queue)
	// A reference dropped from another goroutine between Run's exit check and the flag above
	// woke no Poll (none was waiting yet): look again, or the loop would sleep for ever with
	// nothing left to wait for.
	done := l.refs <= 0 && l.timerRefs == 0
	l.mu.Unlock()
	timeout := time.Duration(-1)
	if queued > 0 || done {
		timeout = 0
	} else if deadline, ok := l.nextDeadline(); ok {
		timeout = time.Duration(deadline - l.nanos(time.Now()))
		if timeout < 0 {
			timeout = 0
		}
	}
	p.Poll(timeout)
	l.poll.sleeping.Store(false)
	l.poll.fresh = true
}

// wakePoller wakes a loop sleeping in Poll; called after every post.
func (l *Loop) wakePoller() {
	if l.poll.sleeping.Load() {
		if p := l.Poller(); p != nil {
			p.Wake()
		}
	}
}

// pollTurn polls without waiting, once per turn of a busy loop, unless the turn's callbacks
// came from a Poll that just waited (as libuv polls once per turn).
func (l *Loop) pollTurn() {
	if l.poll.fresh {
		l.poll.fresh = false
		return
	}
	if p := l.Poller(); p != nil {
		p.Poll(0)
	}
}

// Dispatch queues fn from inside Poll (on the loop goroutine) without waking the loop, which
// is about to look at its queue anyway.
func (l *Loop) Dispatch(fn Callback) {
	l.mu.Lock()
	l.queue = append(l.queue, fn)
	l.mu.Unlock()
}
