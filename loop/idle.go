package loop

import (
	"runtime/debug"
	"time"
)

// ReleaseMemoryWhenIdle gives memory back to the system once a burst of work is over: when the
// loop has run callbacks and then stayed without any for quiet, it runs a full collection and
// returns the freed pages (as V8 collects when Node goes idle). Without it, a process that
// queued a gigabyte and then went quiet kept it: nothing allocated, so no collection ran.
// Call it once, from any goroutine; it stops when the loop's Run returns.
func (l *Loop) ReleaseMemoryWhenIdle(quiet time.Duration) {
	last := l.turns.Load()
	go func() {
		tick := time.NewTicker(quiet)
		defer tick.Stop()
		active := false
		for range tick.C {
			l.mu.Lock()
			closed := l.closed
			l.mu.Unlock()
			if closed {
				return
			}
			now := l.turns.Load()
			switch {
			case now != last:
				active = true
			case active:
				active = false
				debug.FreeOSMemory()
			}
			last = now
		}
	}()
}
