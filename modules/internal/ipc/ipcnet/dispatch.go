package ipcnet

import (
	"github.com/dop251/goja"

	"earlynode/runtime"
)

// Listeners returns the listeners node.EventEmitter keeps on emitter for event (the live
// array) and how many there are; nil when none.
func Listeners(emitter *goja.Object, event string) (*goja.Object, int) {
	ev, ok := emitter.Get("_events").(*goja.Object)
	if !ok {
		return nil, 0
	}
	l, ok := ev.Get(event).(*goja.Object)
	if !ok {
		return nil, 0
	}
	n := int(l.Get("length").ToInteger())
	if n == 0 {
		return nil, 0
	}
	return l, n
}

// Emit calls the listeners of event on a node.EventEmitter directly from Go, as its emit does
// (`this` is the emitter; listeners added meanwhile wait for the next emit), without going
// through the JavaScript emit function. It reports whether anyone listened. The error is the
// exception a listener threw, unwrapped (callers decide what it means).
func Emit(emitter *goja.Object, event string, args ...goja.Value) (bool, error) {
	l, n := Listeners(emitter, event)
	if n == 0 {
		return false, nil
	}
	if n == 1 {
		fn, ok := goja.AssertFunction(l.Get("0"))
		if !ok {
			return true, nil
		}
		_, err := fn(emitter, args...)
		return true, err
	}
	fns := make([]goja.Callable, 0, n)
	for i := 0; i < n; i++ {
		if fn, ok := goja.AssertFunction(l.Get(itoa(i))); ok {
			fns = append(fns, fn)
		}
	}
	for _, fn := range fns {
		if _, err := fn(emitter, args...); err != nil {
			return true, err
		}
	}
	return true, nil
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}

// Uncaught turns an error a JavaScript call returned into the error a loop callback returns
// (runtime.Call's wrapping: an exception becomes a *runtime.FatalError, node.exit an
// *runtime.ExitError).
func Uncaught(rt *runtime.Runtime, err error) error {
	_, e := rt.Call(func(goja.Value, ...goja.Value) (goja.Value, error) { return nil, err }, nil)
	return e
}
