package loop

import (
	"earlynode/internal/testenv"
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
			testenv.Poll(10*time.Second, func() bool { return forcedGCs() != before })
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
