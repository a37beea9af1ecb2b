package loop

import (
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// RetainedLimit is how much free heap memory, backed by pages the system gave the process, a
// busy loop may keep before ReleaseMemoryWhenIdle gives it back without waiting for quiet.
const RetainedLimit = 64 << 20

// ReleaseMemoryWhenIdle gives memory back to the system once a burst of work is over: when the
// loop has run callbacks and then stayed without any for quiet, it runs a full collection and
// returns the freed pages (as V8 collects when Node goes idle). Without it, a process that
// queued a gigabyte and then went quiet kept it: nothing allocated, so no collection ran. A loop
// that never goes quiet (a server answering a steady client) gets the same at most once per
// quiet period while more than RetainedLimit of its heap is free but still held, so that one
// burst beside steady traffic does not keep its peak for ever.
// Call it once, from any goroutine; it stops when the loop's Run returns.
func (l *Loop) ReleaseMemoryWhenIdle(quiet time.Duration) {
	last := l.turns.Load()
	go func() {
		tick := time.NewTicker(quiet)
		defer tick.Stop()
		active := false
		free := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}}
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
				metrics.Read(free)
				if free[0].Value.Kind() == metrics.KindUint64 && free[0].Value.Uint64() > RetainedLimit {
					debug.FreeOSMemory()
				}
			case active:
				active = false
				debug.FreeOSMemory()
			}
			last = now
		}
	}()
}
