package netpoll

import (
	"testing"
	"time"

	"earlynode/loop"
)

// TestTimersWithThePoller: while the poller waits (a listener registered, so it has something
// to wait on), the loop's timers fire in deadline order and never before their delay, whether
// the timerfd is set once, moved earlier by a timer set later, or left set for a timer that was
// stopped. (Delays count from the clock of the turn that set them, as libuv's do.)
func TestTimersWithThePoller(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name   string
		delays []time.Duration // timers set on the first turn, in this order
		stop   int             // index of a timer stopped before it fires (-1: none)
		want   []int           // the order they fire in
	}{
		{"one", []time.Duration{20 * ms}, -1, []int{0}},
		{"a later one then an earlier one", []time.Duration{60 * ms, 15 * ms}, -1, []int{1, 0}},
		{"equal delays in the order set", []time.Duration{10 * ms, 10 * ms, 5 * ms}, -1, []int{2, 0, 1}},
		{"the first stopped", []time.Duration{10 * ms, 40 * ms}, 0, []int{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := loop.New(0)
			var fired []int
			var early []string
			l.Post(func() error {
				ln, err := ListenTCP(l, "127.0.0.1", 0, ListenConfig{}, func(s *Stream) error { s.Abort(nil); return nil })
				if err != nil {
					return err
				}
				start := l.Now() // timers count from the turn's clock
				timers := make([]*loop.Timer, len(tc.delays))
				for i, d := range tc.delays {
					i, d := i, d
					timers[i] = l.SetTimer(d, func() error {
						if since := time.Since(start); since < d {
							early = append(early, tc.name+": timer "+d.String()+" fired after "+since.String())
						}
						fired = append(fired, i)
						if len(fired) == len(tc.want) {
							ln.Close()
						}
						return nil
					})
				}
				if tc.stop >= 0 {
					timers[tc.stop].Stop()
				}
				return nil
			})
			runLoop(t, l, 10*time.Second)
			if len(early) > 0 {
				t.Errorf("early: %v", early)
			}
			if len(fired) != len(tc.want) {
				t.Fatalf("fired %v, want %v", fired, tc.want)
			}
			for i := range tc.want {
				if fired[i] != tc.want[i] {
					t.Fatalf("fired %v, want %v", fired, tc.want)
				}
			}
		})
	}
}
