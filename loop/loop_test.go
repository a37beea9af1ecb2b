package loop

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestRunReturnsWhenNothingIsLeft(t *testing.T) {
	l := New(0)
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
}

func TestPostFromManyGoroutinesKeepsPerGoroutineOrder(t *testing.T) {
	l := New(0)
	h := l.NewHandle()
	const writers, each = 8, 2000
	last := make([]int, writers)
	var ran int
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 1; i <= each; i++ {
				i := i
				l.Post(func() error {
					if last[w] != i-1 {
						t.Errorf("writer %d: got %d after %d", w, i, last[w])
					}
					last[w] = i
					ran++
					return nil
				})
			}
		}(w)
	}
	go func() { wg.Wait(); h.Close(nil) }()
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if ran != writers*each {
		t.Fatalf("ran %d callbacks, want %d", ran, writers*each)
	}
}

func TestCallbackErrorStopsRun(t *testing.T) {
	l := New(0)
	boom := errors.New("boom")
	after := false
	l.Post(func() error { return boom })
	l.Post(func() error { after = true; return nil })
	if err := l.Run(); err != boom {
		t.Fatalf("Run = %v, want boom", err)
	}
	if after {
		t.Fatal("a callback after the error ran")
	}
}

func TestDoKeepsTheLoopAliveAndRunsDoneOnTheLoop(t *testing.T) {
	l := New(2)
	var active, peak int32
	done := 0
	for i := 0; i < 10; i++ {
		l.Do(func() Callback {
			n := atomic.AddInt32(&active, 1)
			for {
				p := atomic.LoadInt32(&peak)
				if n <= p || atomic.CompareAndSwapInt32(&peak, p, n) {
					break
				}
			}
			time.Sleep(5 * time.Millisecond) // the request's work: long enough for others to overlap it
			atomic.AddInt32(&active, -1)
			return func() error { done++; return nil }
		})
	}
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if done != 10 {
		t.Fatalf("done ran %d times, want 10", done)
	}
	if peak > 2 {
		t.Fatalf("%d requests ran at once on a pool of 2", peak)
	}
}

func TestHandleRefUnrefIsIdempotent(t *testing.T) {
	tests := []struct {
		name  string
		steps func(h *Handle)
		exits bool
	}{
		{"referenced", func(h *Handle) {}, false},
		{"unref", func(h *Handle) { h.Unref() }, true},
		{"unref twice then ref", func(h *Handle) { h.Unref(); h.Unref(); h.Ref() }, false},
		{"ref twice then unref", func(h *Handle) { h.Ref(); h.Ref(); h.Unref() }, true},
		{"closed", func(h *Handle) { h.Close(nil) }, true},
		{"closed then ref", func(h *Handle) { h.Close(nil); h.Ref() }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := New(0)
			h := l.NewHandle()
			tc.steps(h)
			res := make(chan error, 1)
			go func() { res <- l.Run() }()
			select {
			case <-res:
				if !tc.exits {
					t.Fatal("loop exited with a referenced handle")
				}
			case <-time.After(50 * time.Millisecond):
				if tc.exits {
					t.Fatal("loop did not exit")
				}
				h.Close(nil)
				<-res
			}
		})
	}
}

func TestCloseRunsFinalBeforeExit(t *testing.T) {
	for i := 0; i < 200; i++ {
		l := New(0)
		h := l.NewHandle()
		final := false
		go h.Close(func() error { final = true; return nil })
		if err := l.Run(); err != nil {
			t.Fatal(err)
		}
		if !final {
			t.Fatal("loop exited before the handle's final callback")
		}
		if h.Close(nil) {
			t.Fatal("second Close reported true")
		}
	}
}

func TestTimersFireByDeadlineThenBySequence(t *testing.T) {
	l := New(0)
	var got []string
	add := func(name string, ms int) *Timer {
		return l.SetTimer(time.Duration(ms)*time.Millisecond, func() error { got = append(got, name); return nil })
	}
	l.Post(func() error {
		add("c", 20)
		add("a", 0)
		add("b", 0)
		stopped := add("stopped", 5)
		add("d", 20)
		stopped.Stop()
		unref := add("unref", 10000)
		unref.Unref()
		reset := add("reset", 1)
		reset.Reset(30 * time.Millisecond)
		return nil
	})
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	want := "a b c d reset"
	if s := join(got); s != want {
		t.Fatalf("fired %q, want %q", s, want)
	}
}

func TestZeroDelayTimerSetByATimerWaitsForTheNextTurn(t *testing.T) {
	l := New(0)
	var got []string
	l.Post(func() error {
		l.SetTimer(0, func() error {
			got = append(got, "first")
			l.SetTimer(0, func() error { got = append(got, "third"); return nil })
			l.Post(func() error { got = append(got, "posted"); return nil })
			return nil
		})
		return nil
	})
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if s := join(got); s != "first posted third" {
		t.Fatalf("got %q", s)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func BenchmarkPostFromGoroutine(b *testing.B) {
	l := New(0)
	h := l.NewHandle()
	n := 0
	go func() {
		for i := 0; i < b.N; i++ {
			l.Post(func() error { n++; return nil })
		}
		h.Close(nil)
	}()
	b.ResetTimer()
	if err := l.Run(); err != nil {
		b.Fatal(err)
	}
}

func TestTimerListsAreDroppedWhenEmpty(t *testing.T) {
	l := New(0)
	l.Post(func() error {
		for i := 0; i < 100; i++ {
			l.SetTimer(time.Duration(i)*time.Microsecond, func() error { return nil })
		}
		return nil
	})
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if len(l.timerLists) != 0 || len(l.timers) != 0 {
		t.Fatalf("%d lists and %d heap entries left", len(l.timerLists), len(l.timers))
	}
}

// countingFirer holds its Timer by value and is its own Firer, as InitTimer intends.
type countingFirer struct {
	t     Timer
	fired *[]string
	name  string
	again time.Duration // >= 0: set the timer again once, with this delay
}

func (f *countingFirer) Fire() error {
	*f.fired = append(*f.fired, f.name)
	if f.again >= 0 {
		f.t.Reset(f.again)
		f.again = -1
	}
	return nil
}

func TestInitTimerFiresItsOwnerAndListsAreReused(t *testing.T) {
	cases := []struct {
		name   string
		delays []time.Duration // one timer per entry, set in this order in one turn
		again  []time.Duration // the delay each sets itself again with when it fires, or -1
		want   string
	}{
		{"one list", []time.Duration{0, 0, 0}, []time.Duration{-1, -1, -1}, "0 1 2"},
		{"alternating delays", []time.Duration{0, time.Millisecond, 0, time.Millisecond}, []time.Duration{-1, -1, -1, -1}, "0 2 1 3"},
		{"a list emptied and made again", []time.Duration{0}, []time.Duration{0}, "0 0"},
		{"set again into another list", []time.Duration{0, 0}, []time.Duration{time.Millisecond, -1}, "0 1 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := New(0)
			var got []string
			l.Post(func() error {
				for i, d := range c.delays {
					f := &countingFirer{fired: &got, name: fmt.Sprint(i), again: c.again[i]}
					l.InitTimer(&f.t, f)
					f.t.Reset(d)
				}
				return nil
			})
			if err := l.Run(); err != nil {
				t.Fatal(err)
			}
			if s := join(got); s != c.want {
				t.Fatalf("fired %q, want %q", s, c.want)
			}
			if len(l.timerLists) != 0 || len(l.timers) != 0 {
				t.Fatalf("%d lists and %d heap entries left", len(l.timerLists), len(l.timers))
			}
		})
	}
}

// A TimerBatch's Run wraps the firing of due timers; Yield makes fire return early, and the
// loop calls Run again for the rest. An error ends the pass.
func TestTimerBatch(t *testing.T) {
	boom := errors.New("boom")
	cases := []struct {
		name      string
		timers    int
		yieldAt   map[int]bool // after which timers (by index) Yield says true
		failAt    int          // the timer whose callback fails, or -1
		wantFired int
		wantRuns  int
		wantErr   error
	}{
		{"one run for all", 5, nil, -1, 5, 1, nil},
		{"a yield splits the pass", 5, map[int]bool{1: true}, -1, 5, 2, nil},
		{"a yield after the last", 3, map[int]bool{2: true}, -1, 3, 1, nil},
		{"an error ends the pass", 5, nil, 2, 3, 1, boom},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := New(0)
			fired, runs, inRun := 0, 0, false
			l.SetTimerBatch(TimerBatch{
				Run: func(fire func() error) error {
					runs++
					inRun = true
					defer func() { inRun = false }()
					return fire()
				},
				Yield: func() bool { return c.yieldAt[fired-1] },
			})
			l.Post(func() error {
				for i := 0; i < c.timers; i++ {
					i := i
					l.SetTimer(0, func() error {
						if !inRun {
							t.Errorf("timer %d fired outside Run", i)
						}
						fired++
						if i == c.failAt {
							return boom
						}
						return nil
					})
				}
				return nil
			})
			err := l.Run()
			if err != c.wantErr || fired != c.wantFired || runs != c.wantRuns {
				t.Errorf("err %v, fired %d, runs %d; want %v, %d, %d", err, fired, runs, c.wantErr, c.wantFired, c.wantRuns)
			}
		})
	}
}
