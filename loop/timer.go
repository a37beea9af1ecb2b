package loop

import (
	"container/heap"
	"time"
)

// Timer is a callback due at a deadline, ordered among equal deadlines by the order set. Timers
// belong to the loop goroutine: create, stop and reset them only from callbacks (or before Run).
//
// Timers with the same delay form one FIFO list (their deadlines only grow, as the loop's clock
// does), and the lists sit in a min-heap ordered by their first timer's (deadline, sequence):
// setting or firing a timer costs O(1) plus O(log lists), as in Node's timer lists.
type Timer struct {
	loop       *Loop
	deadline   int64 // nanoseconds on the loop's monotonic clock
	seq        uint64
	list       *timerList // nil when not scheduled
	prev, next *Timer
	fn         Firer
	unref      bool
}

// Firer is what a timer runs when it fires. A Callback is one; a type that holds its Timer by
// value can be its own Firer (see InitTimer), so that the timer costs no allocation of its own.
type Firer interface {
	// Fire runs on the loop goroutine when the timer is due; an error stops the loop.
	Fire() error
}

// Fire calls fn.
func (fn Callback) Fire() error { return fn() }

// timerList holds the scheduled timers of one delay, in deadline order.
type timerList struct {
	delay      time.Duration
	head, tail *Timer
	index      int // position in the heap, -1 when empty and out of it
}

// SetTimer schedules fn to run once after d (d < 0 counts as 0). The timer is referenced.
func (l *Loop) SetTimer(d time.Duration, fn Callback) *Timer {
	t := &Timer{loop: l, fn: fn}
	t.Reset(d)
	return t
}

// InitTimer prepares t, a zero Timer the caller holds (typically a field of the struct that is
// f), to run f whenever it fires; it does not schedule it: Reset does. It is SetTimer without
// the allocations of a Timer and a closure.
func (l *Loop) InitTimer(t *Timer, f Firer) {
	*t = Timer{loop: l, fn: f}
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
	t.deadline = l.nanos(l.Now()) + int64(d)
	tl := l.lastList
	if tl == nil || tl.delay != d || tl.index < 0 {
		// Not the list of the last timer set (programs set many timers of one delay in a row):
		// a map look-up.
		if l.timerLists == nil {
			l.timerLists = map[time.Duration]*timerList{}
		}
		tl = l.timerLists[d]
		if tl == nil {
			tl = &timerList{delay: d, index: -1}
			l.timerLists[d] = tl
		}
	}
	t.list = tl
	t.prev = tl.tail
	if tl.tail != nil {
		tl.tail.next = t
	} else {
		tl.head = t
	}
	tl.tail = t
	if tl.index < 0 {
		heap.Push(&l.timers, tl)
	}
	l.lastList = tl
	if !t.unref {
		l.timerRefs++
	}
}

// Stop unschedules the timer; it reports whether the timer was pending.
func (t *Timer) Stop() bool {
	tl := t.list
	if tl == nil {
		return false
	}
	l := t.loop
	wasHead := tl.head == t
	if t.prev != nil {
		t.prev.next = t.next
	} else {
		tl.head = t.next
	}
	if t.next != nil {
		t.next.prev = t.prev
	} else {
		tl.tail = t.prev
	}
	t.prev, t.next, t.list = nil, nil, nil
	if tl.head == nil {
		heap.Remove(&l.timers, tl.index)
		delete(l.timerLists, tl.delay)
	} else if wasHead {
		heap.Fix(&l.timers, tl.index)
	}
	if !t.unref {
		l.timerRefs--
	}
	return true
}

// Active reports whether the timer is scheduled.
func (t *Timer) Active() bool { return t.list != nil }

// Unref lets the loop exit while the timer is pending. Idempotent.
func (t *Timer) Unref() {
	if t.unref {
		return
	}
	t.unref = true
	if t.list != nil {
		t.loop.timerRefs--
	}
}

// Ref makes a pending timer keep the loop alive again. Idempotent.
func (t *Timer) Ref() {
	if !t.unref {
		return
	}
	t.unref = false
	if t.list != nil {
		t.loop.timerRefs++
	}
}

// nextDeadline returns the earliest deadline and whether any timer is scheduled.
func (l *Loop) nextDeadline() (int64, bool) {
	if len(l.timers) == 0 {
		return 0, false
	}
	return l.timers[0].head.deadline, true
}

// runTimers fires every timer due now that was scheduled before this pass began; timers set by
// these callbacks wait for the next pass, so a zero-delay timer cannot starve I/O. With a
// TimerBatch set, the timers fire inside its Run, as many in one Run as its Yield allows.
func (l *Loop) runTimers() error {
	if len(l.timers) == 0 {
		return nil
	}
	l.pass = timerPass{now: l.nanos(l.now), barrier: l.timerSeq}
	for l.nextDue() != nil {
		if l.timerBatch.Run == nil {
			if err := l.fireDue(); err != nil {
				return err
			}
			continue
		}
		if err := l.timerBatch.Run(l.fireDueBatch); err != nil {
			return err
		}
	}
	return nil
}

// timerPass is the pass of runTimers under way: the clock it reads and the last timer it may
// fire.
type timerPass struct {
	now     int64
	barrier uint64
}

// nextDue returns the timer the pass fires next, or nil when it is done.
func (l *Loop) nextDue() *Timer {
	if len(l.timers) == 0 {
		return nil
	}
	t := l.timers[0].head
	if t.deadline > l.pass.now || t.seq > l.pass.barrier {
		return nil
	}
	return t
}

// fireDue fires the next due timer.
func (l *Loop) fireDue() error {
	t := l.nextDue()
	t.Stop()
	return t.fn.Fire()
}

// fireDueBatch is what a TimerBatch's Run calls: it fires due timers until none is left or
// Yield asks for a return.
func (l *Loop) fireDueBatch() error {
	for l.nextDue() != nil {
		if err := l.fireDue(); err != nil {
			return err
		}
		if l.timerBatch.Yield() {
			return nil
		}
	}
	return nil
}

// TimerBatch lets the loop's user wrap the firing of due timers, so that several fire inside
// one context it sets up once (the runtime: one call into JavaScript, whose nested calls cost
// less than calls made from the top).
type TimerBatch struct {
	// Run must call fire, which fires due timers one after another, and return its error.
	Run func(fire func() error) error
	// Yield, asked after each timer, reports that fire must return (the runtime: microtasks
	// are waiting, which run when its call into JavaScript returns); the loop then calls Run
	// again for the timers still due.
	Yield func() bool
}

// SetTimerBatch makes runTimers fire through b (the zero TimerBatch: one at a time, as
// without). Call it before Run.
func (l *Loop) SetTimerBatch(b TimerBatch) { l.timerBatch = b }

type timerHeap []*timerList

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	a, b := h[i].head, h[j].head
	if a.deadline == b.deadline {
		return a.seq < b.seq
	}
	return a.deadline < b.deadline
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	tl := x.(*timerList)
	tl.index = len(*h)
	*h = append(*h, tl)
}
func (h *timerHeap) Pop() any {
	old := *h
	n := len(old)
	tl := old[n-1]
	old[n-1] = nil
	tl.index = -1
	*h = old[:n-1]
	return tl
}
