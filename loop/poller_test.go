package loop

import (
	"sync/atomic"
	"testing"
	"time"
)

// chanPoller is a Poller over a channel: "I/O" is a callback sent on io; Wake sends nil.
type chanPoller struct {
	l       *Loop
	io      chan Callback
	polls   atomic.Int32 // Poll calls
	waits   atomic.Int32 // Poll calls that could wait
	lastMax atomic.Int64 // the timeout of the last waiting Poll
}

func (p *chanPoller) Poll(timeout time.Duration) {
	p.polls.Add(1)
	var timer <-chan time.Time
	switch {
	case timeout == 0:
		select {
		case fn := <-p.io:
			if fn != nil {
				p.l.Post(fn)
			}
		default:
		}
		return
	case timeout > 0:
		timer = time.After(timeout)
	}
	p.waits.Add(1)
	p.lastMax.Store(int64(timeout))
	select {
	case fn := <-p.io:
		if fn != nil {
			p.l.Post(fn)
		}
	case <-timer:
	}
}

func (p *chanPoller) Wake() {
	select {
	case p.io <- nil:
	default:
	}
}

func TestPollerIOPostsAndTimersWakeTheLoop(t *testing.T) {
	l := New(0)
	p := &chanPoller{l: l, io: make(chan Callback, 1)}
	l.SetPoller(p)
	if l.Poller() != p {
		t.Fatal("Poller() does not return the installed poller")
	}
	h := l.NewHandle()
	var order []string
	start := time.Now()
	l.SetTimer(30*time.Millisecond, func() error {
		order = append(order, "timer")
		// I/O arrives while the loop sleeps in Poll. The delays are the
		// scenario (events from outside, later), not a synchronisation: the
		// order is the same if the loop is not asleep yet.
		go func() {
			time.Sleep(10 * time.Millisecond)
			p.io <- func() error {
				order = append(order, "io")
				// A post from another goroutine wakes the sleeping Poll.
				go func() {
					time.Sleep(10 * time.Millisecond)
					l.Post(func() error {
						order = append(order, "post")
						h.Close(nil)
						return nil
					})
				}()
				return nil
			}
		}()
		return nil
	})
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if got := time.Since(start); got > 5*time.Second {
		t.Fatalf("Run took %v", got)
	}
	if want := "timer io post"; joinWords(order) != want {
		t.Fatalf("order %q, want %q", joinWords(order), want)
	}
	if p.waits.Load() == 0 {
		t.Fatal("the loop never slept in Poll")
	}
}

func TestPollerIsPolledEveryBusyTurn(t *testing.T) {
	l := New(0)
	p := &chanPoller{l: l, io: make(chan Callback, 1)}
	l.SetPoller(p)
	n := 0
	var step Callback
	step = func() error {
		n++
		if n < 100 {
			l.Post(step)
		}
		return nil
	}
	l.Post(step)
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if polls := p.polls.Load(); polls < 100 {
		t.Fatalf("%d polls for 100 busy turns", polls)
	}
}

func joinWords(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
