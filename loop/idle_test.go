package loop

import (
	"earlynode/internal/testenv"
	"runtime"
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

// heapFree is the free heap memory the process still holds.
func heapFree() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func TestReleaseMemoryWhenIdleGivesBackABurstBesideSteadyWork(t *testing.T) {
	l := New(0)
	h := l.NewHandle()
	l.ReleaseMemoryWhenIdle(20 * time.Millisecond)
	// Work posted every millisecond, as I/O is: the loop never stays quiet for 20 ms.
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				h.Close(nil)
				return
			case <-time.After(time.Millisecond):
				l.Post(func() error { return nil })
			}
		}
	}()
	var burst [][]byte
	l.Post(func() error {
		for i := 0; i < 32; i++ { // a burst of 256 MiB in pieces, then garbage
			b := make([]byte, 8<<20)
			b[len(b)-1] = 1
			burst = append(burst, b)
		}
		burst = nil
		runtime.GC() // the collection steady traffic would bring: the burst is now free heap
		go func() {
			testenv.Poll(2*time.Second, func() bool { return heapFree() < RetainedLimit })
			close(stop)
		}()
		return nil
	})
	if err := l.Run(); err != nil {
		t.Fatal(err)
	}
	if f := heapFree(); f >= RetainedLimit {
		t.Fatalf("%d MiB of free heap still held beside steady work", f>>20)
	}
}
