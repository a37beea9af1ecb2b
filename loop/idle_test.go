package loop

import (
	"runtime/metrics"
	"testing"
	"time"
)

// forcedGCs is the number of collections forced so far (debug.FreeOSMemory forces one).
func forcedGCs() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/forced:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func TestReleaseMemoryWhenIdleCollectsAfterABurst(t *testing.T) {
	l := New(0)
	h := l.NewHandle()
	l.ReleaseMemoryWhenIdle(20 * time.Millisecond)
	before := forcedGCs()
	var burst []byte
	l.Post(func() error {
		burst = make([]byte, 64<<20) // a burst's garbage
		burst[len(burst)-1] = 1
		burst = nil
		go func() {
			deadline := time.Now().Add(10 * time.Second)
			for forcedGCs() == before && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			h.Close(nil)
		}()
		return nil
	})
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if forcedGCs() == before {
		t.Fatal("no collection was forced after the loop went quiet")
	}
}
