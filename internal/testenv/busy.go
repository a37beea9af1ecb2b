package testenv

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// BusyCores keeps every core of the machine busy until the test ends: one spinning goroutine
// per CPU beside the test, so that the code under test (and any process it starts) runs late
// and in whatever order the scheduler picks, as on a loaded machine.
func BusyCores(t testing.TB) {
	t.Helper()
	var stop atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < runtime.NumCPU(); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := uint64(i)
			for !stop.Load() {
				for j := 0; j < 1000; j++ {
					x = x*6364136223846793005 + 1442695040888963407
				}
			}
			_ = x
		}()
	}
	t.Cleanup(func() {
		stop.Store(true)
		wg.Wait()
	})
}
