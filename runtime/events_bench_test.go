package runtime

import (
	"io"
	"testing"

	"github.com/dop251/goja"
)

// emitterWith returns a runtime and an emitter with n listeners of "x".
func emitterWith(b *testing.B, n int) (*Runtime, *goja.Object) {
	rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	obj := rt.NewEmitter()
	rt.VM.Set("e", obj)
	for i := 0; i < n; i++ {
		if _, err := rt.VM.RunString("var k = 0; e.addListener('x', function (a) { k++; });"); err != nil {
			b.Fatal(err)
		}
	}
	return rt, obj
}

// BenchmarkEmit measures Runtime.Emit from Go: an event nobody hears, the hot case of a lone
// listener (called directly, its callable cached), and several listeners.
func BenchmarkEmit(b *testing.B) {
	for _, n := range []int{0, 1, 3} {
		b.Run(map[int]string{0: "none", 1: "one", 3: "three"}[n], func(b *testing.B) {
			rt, obj := emitterWith(b, n)
			a := rt.VM.ToValue(1)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := rt.Emit(obj, "x", a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkHasListeners(b *testing.B) {
	_, obj := emitterWith(b, 1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if !HasListeners(obj, "x") {
			b.Fatal("no listener found")
		}
	}
}
