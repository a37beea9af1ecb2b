package runtime

import (
	"io"
	"runtime/debug"
	"syscall"
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkSetTimeout measures one setTimeout(fn, 0) end to end: the JavaScript call that
// sets it, the loop's timer list and the call of fn when it fires (as
// scripts/bench/runtime/timeouts.js does, 10,000 timers per loop run).
func BenchmarkSetTimeout(b *testing.B) {
	rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	v, err := rt.VM.RunString(`var done = 0; function tick() { done++; }
		(function (n) { for (var i = 0; i < n; i++) setTimeout(tick, 0); })`)
	if err != nil {
		b.Fatal(err)
	}
	set, _ := goja.AssertFunction(v)
	const batch = 10000
	defer debug.SetGCPercent(debug.SetGCPercent(400)) // as cmd/node runs programs
	b.ReportAllocs()
	cpu := processCPU()
	for done := 0; done < b.N; done += batch {
		if _, err := set(goja.Undefined(), rt.VM.ToValue(batch)); err != nil {
			b.Fatal(err)
		}
		if err := rt.Loop.Run(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	done := rt.VM.Get("done").ToInteger()
	b.ReportMetric(float64(done)/b.Elapsed().Seconds(), "callbacks/s")
	b.ReportMetric(float64(processCPU()-cpu)/float64(done), "cpu-ns/op")
}

// processCPU is the CPU time the process has used (every goroutine, the collector's too), in
// nanoseconds: on a shared machine it says more than wall time does.
func processCPU() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
