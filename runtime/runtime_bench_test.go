package runtime

import (
	"io"
	"sync"
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkPostIntoJS measures the loop alone: callbacks posted from other goroutines, each
// calling a JavaScript function on the loop (the goal is at least 1,000,000 per second).
func BenchmarkPostIntoJS(b *testing.B) {
	rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	v, err := rt.VM.RunString("var n = 0; (function () { n++; })")
	if err != nil {
		b.Fatal(err)
	}
	fn, _ := goja.AssertFunction(v)
	h := rt.Loop.NewHandle()
	const posters = 4
	var wg sync.WaitGroup
	b.ResetTimer()
	for p := 0; p < posters; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := p; i < b.N; i += posters {
				rt.Post(func() error {
					_, err := rt.Call(fn, goja.Undefined())
					return err
				})
			}
		}(p)
	}
	go func() { wg.Wait(); h.Close(nil) }()
	if err := rt.Loop.Run(); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if n := rt.VM.Get("n").ToInteger(); n != int64(b.N) {
		b.Fatalf("ran %d callbacks, want %d", n, b.N)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "callbacks/s")
}
