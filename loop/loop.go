// Package loop is earlynode's event loop: one goroutine runs every callback, other goroutines
// post work to it. It knows nothing of JavaScript.
//
// Its vocabulary is libuv's: a Handle is long-lived (a server, a socket, a child process) and
// keeps the loop alive while referenced; a request is one-shot work done off the loop by Do, whose
// completion runs on it; a Timer fires a callback at a deadline. Run returns when nothing is
// queued, no handle is referenced, no request is in flight and no referenced timer is pending.
package loop

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Callback is work run on the loop goroutine. A non-nil error stops the loop and is returned by
// Run (an uncaught exception, an exit request).
type Callback func() error

// Loop is an event loop. Create it with New; call Run from the goroutine that owns the state the
// callbacks touch.
type Loop struct {
	mu     sync.Mutex
	queue  []Callback
	spare  []Callback
	refs   int // referenced handles plus requests in flight
	wake   chan struct{}
	closed bool

	// owned by the loop goroutine
	timers     timerHeap
	timerLists map[time.Duration]*timerList
	lastList   *timerList // the list the last timer set went into (timer.go)
	pass       timerPass  // the pass of runTimers under way
	timerBatch TimerBatch
	timerRefs  int
	timerSeq   uint64
	now        time.Time // the loop's clock, read once per turn as libuv does
	sleep      *time.Timer

	workers chan struct{}
	epoch   time.Time
	poll    pollerState   // see poller.go
	turns   atomic.Uint64 // turns that ran callbacks (see ReleaseMemoryWhenIdle)
}

// New returns a loop whose blocking requests run on at most workers goroutines at once
// (workers <= 0 means four per CPU, at least eight).
func New(workers int) *Loop {
	if workers <= 0 {
		workers = 4 * runtime.NumCPU()
		if workers < 8 {
			workers = 8
		}
	}
	return &Loop{
		wake:    make(chan struct{}, 1),
		workers: make(chan struct{}, workers),
		epoch:   time.Now(),
	}
}

// Post queues fn to run on the loop. It is safe from any goroutine; posts from one goroutine run
// in the order posted. Posting does not by itself keep the loop alive once fn has run.
func (l *Loop) Post(fn Callback) {
	l.mu.Lock()
	l.queue = append(l.queue, fn)
	l.mu.Unlock()
	l.signal()
}

// PostBatch queues several callbacks with one lock and one wake-up.
func (l *Loop) PostBatch(fns ...Callback) {
	l.mu.Lock()
	l.queue = append(l.queue, fns...)
	l.mu.Unlock()
	l.signal()
}

func (l *Loop) signal() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
	l.wakePoller()
}

// postAndRelease queues fn and drops one reference in the same critical section, so the loop
// cannot observe "nothing referenced" before fn is queued.
func (l *Loop) postAndRelease(fn Callback) {
	l.mu.Lock()
	if fn != nil {
		l.queue = append(l.queue, fn)
	}
	l.refs--
	l.mu.Unlock()
	l.signal()
}

func (l *Loop) addRef(n int) {
	l.mu.Lock()
	l.refs += n
	l.mu.Unlock()
	if n < 0 {
		l.signal()
	}
}

// Do runs work on the bounded worker pool and then the callback work returns (which may be nil)
// on the loop. The loop stays alive until that callback has run.
func (l *Loop) Do(work func() Callback) {
	l.addRef(1)
	go func() {
		l.workers <- struct{}{}
		var done Callback
		func() {
			defer func() { <-l.workers }()
			done = work()
		}()
		l.postAndRelease(done)
	}()
}

// Go runs work on a new goroutine (not the bounded pool: for work that waits rather than
// computes, such as a blocking accept) and then its returned callback on the loop, keeping the
// loop alive meanwhile.
func (l *Loop) Go(work func() Callback) {
	l.addRef(1)
	go func() { l.postAndRelease(work()) }()
}

// Run runs callbacks and timers until the loop has nothing left to do (it returns nil) or a
// callback returns an error (it returns that error).
func (l *Loop) Run() error {
	l.sleep = time.NewTimer(time.Hour)
	l.sleep.Stop()
	defer l.sleep.Stop()
	for {
		l.now = time.Now()
		if err := l.runTimers(); err != nil {
			return err
		}
		l.mu.Lock()
		q := l.queue
		if len(q) == 0 {
			if l.refs <= 0 && l.timerRefs == 0 {
				l.closed = true
				l.mu.Unlock()
				return nil
			}
			l.mu.Unlock()
			l.wait()
			continue
		}
		l.queue = l.spare[:0]
		l.mu.Unlock()
		l.turns.Add(1)
		l.pollTurn()
		for i, fn := range q {
			q[i] = nil
			if err := fn(); err != nil {
				l.requeue(q[i+1:])
				return err
			}
		}
		l.spare = q[:0]
	}
}

// requeue puts callbacks that were not run back at the front of the queue, so that a Run after
// an error would see them.
func (l *Loop) requeue(rest []Callback) {
	if len(rest) == 0 {
		return
	}
	l.mu.Lock()
	l.queue = append(append([]Callback(nil), rest...), l.queue...)
	l.mu.Unlock()
}

// wait sleeps until something is posted or the earliest timer is due.
func (l *Loop) wait() {
	if p := l.Poller(); p != nil {
		l.pollWait(p)
		return
	}
	deadline, ok := l.nextDeadline()
	if !ok {
		<-l.wake
		return
	}
	d := time.Duration(deadline - l.nanos(time.Now()))
	if d <= 0 {
		return
	}
	l.sleep.Reset(d)
	select {
	case <-l.wake:
		if !l.sleep.Stop() {
			select {
			case <-l.sleep.C:
			default:
			}
		}
	case <-l.sleep.C:
	}
}

// Now returns the loop's clock: the time read at the start of the current turn. Timers set in
// one turn with equal delays share a deadline and fire in the order set.
func (l *Loop) Now() time.Time {
	if l.now.IsZero() {
		l.now = time.Now()
	}
	return l.now
}

// nanos converts a time to the loop's monotonic nanoseconds, counted from the loop's creation.
func (l *Loop) nanos(t time.Time) int64 { return int64(t.Sub(l.epoch)) }

// Alive reports whether Run would find work: queued callbacks, referenced handles or requests,
// or referenced timers. Call it on the loop goroutine, between runs.
func (l *Loop) Alive() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.queue) > 0 || l.refs > 0 || l.timerRefs > 0
}

// Pending reports how many callbacks are queued and how many references keep the loop alive;
// for tests and diagnostics.
func (l *Loop) Pending() (queued, refs int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.queue), l.refs
}
