package loop

import (
	"container/heap"
	"time"
)

// Timer is a callback due at a deadline, ordered among equal deadlines by the order set. Timers
// belong to the loop goroutine: create, stop and reset them only from callbacks (or before Run).
type Timer struct {
	loop     *Loop
	deadline time.Time
	seq      uint64
	index    int // position in the heap, -1 when not scheduled
	fn       Callback
	unref    bool
}

// SetTimer schedules fn to run once after d (d < 0 counts as 0). The timer is referenced.
func (l *Loop) SetTimer(d time.Duration, fn Callback) *Timer {
	t := &Timer{loop: l, fn: fn, index: -1}
	t.Reset(d)
	return t
}

// Reset (re)schedules the timer to fire after d, behind every timer already due at the same
// deadline.
func (t *Timer) Reset(d time.Duration) {
	if d < 0 {
		d = 0
	}
	l := t.loop
	t.Stop()
	l.timerSeq++
	t.seq = l.timerSeq
	t.deadline = l.Now().Add(d)
	heap.Push(&l.timers, t)
	if !t.unref {
		l.timerRefs++
	}
}

// Stop unschedules the timer; it reports whether the timer was pending.
func (t *Timer) Stop() bool {
	if t.index < 0 {
		return false
	}
	heap.Remove(&t.loop.timers, t.index)
	if !t.unref {
		t.loop.timerRefs--
	}
	return true
}

// Active reports whether the timer is scheduled.
func (t *Timer) Active() bool { return t.index >= 0 }

// Unref lets the loop exit while the timer is pending. Idempotent.
func (t *Timer) Unref() {
	if t.unref {
		return
	}
	t.unref = true
	if t.index >= 0 {
		t.loop.timerRefs--
	}
}

// Ref makes a pending timer keep the loop alive again. Idempotent.
func (t *Timer) Ref() {
	if !t.unref {
		return
	}
	t.unref = false
	if t.index >= 0 {
		t.loop.timerRefs++
	}
}

// runTimers fires every timer due now that was scheduled before this pass began; timers set by
// these callbacks wait for the next pass, so a zero-delay timer cannot starve I/O.
func (l *Loop) runTimers() error {
	if len(l.timers) == 0 {
		return nil
	}
	now := l.now
	barrier := l.timerSeq
	for len(l.timers) > 0 {
		t := l.timers[0]
		if t.deadline.After(now) || t.seq > barrier {
			return nil
		}
		heap.Pop(&l.timers)
		if !t.unref {
			l.timerRefs--
		}
		if err := t.fn(); err != nil {
			return err
		}
	}
	return nil
}

type timerHeap []*Timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].deadline.Equal(h[j].deadline) {
		return h[i].seq < h[j].seq
	}
	return h[i].deadline.Before(h[j].deadline)
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*Timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*h = old[:n-1]
	return t
}
