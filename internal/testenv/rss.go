package testenv

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Pid returns the process id of the running program.
func (p *Proc) Pid() int { return p.cmd.Process.Pid }

// RSS returns a process's resident set size in bytes (VmRSS of /proc/PID/status).
func RSS(pid int) (int64, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("/proc/%d/status has no VmRSS", pid)
}

// RSSWatch samples a process's RSS until Stop, keeping the peak; a process whose RSS passes
// the bound is killed at once (so that a regression costs the machine no more than the bound)
// and Stop fails the test.
type RSSWatch struct {
	p     *Proc
	bound int64
	peak  atomic.Int64
	over  atomic.Bool
	start time.Time
	after atomic.Int64 // how long after the start the bound was passed (ns)
	stop  chan struct{}
	done  sync.WaitGroup
	once  sync.Once
}

// WatchRSS starts sampling p's RSS every 20 ms against bound (bytes); the test's end stops it
// (and reports) if Stop was not called before.
func WatchRSS(t testing.TB, p *Proc, bound int64) *RSSWatch {
	w := &RSSWatch{p: p, bound: bound, start: time.Now(), stop: make(chan struct{})}
	t.Cleanup(func() { w.Stop(t) })
	w.done.Add(1)
	go func() {
		defer w.done.Done()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			if n, err := RSS(p.Pid()); err == nil {
				if n > w.peak.Load() {
					w.peak.Store(n)
				}
				if n > bound {
					w.after.Store(int64(time.Since(w.start)))
					w.over.Store(true)
					p.Kill()
					return
				}
			}
			select {
			case <-w.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return w
}

// Peak returns the highest RSS seen so far, in bytes.
func (w *RSSWatch) Peak() int64 { return w.peak.Load() }

// Over reports whether the RSS passed the bound (the process was then killed).
func (w *RSSWatch) Over() bool { return w.over.Load() }

// Stop ends sampling, logs the peak and fails the test if the bound was passed; only its first
// call does anything.
func (w *RSSWatch) Stop(t testing.TB) {
	t.Helper()
	w.once.Do(func() {
		close(w.stop)
		w.done.Wait()
		t.Logf("%s: peak RSS %d MB (bound %d MB)", w.p.Name, w.Peak()>>20, w.bound>>20)
		if w.Over() {
			t.Errorf("%s: RSS passed %d MB %v after the watch began (killed)\noutput:\n%s", w.p.Name, w.bound>>20,
				time.Duration(w.after.Load()).Round(time.Millisecond), w.p.Output())
		}
	})
}
