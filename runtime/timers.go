package runtime

import (
	"fmt"
	"os"
	"time"

	"github.com/dop251/goja"

	"earlynode/loop"
)

// jsTimer is a timer object returned by setTimeout or setInterval. It is its own JavaScript
// object (a goja dynamic object inheriting the timer prototype) and holds its loop timer by
// value, firing it itself: a timer costs one allocation here (128 bytes) and goja's two for
// the object. What few timers have (extra arguments, properties a program adds) is in more.
type jsTimer struct {
	t        loop.Timer
	rt       *Runtime
	obj      *goja.Object
	fn       goja.Callable
	interval time.Duration
	more     *timerMore
	repeat   bool
}

// timerMore is the rarely used part of a jsTimer.
type timerMore struct {
	args  []goja.Value
	props map[string]goja.Value
}

// Fire calls the timer's function with the timer as `this` (an interval first sets itself
// again, so that clearInterval inside the callback stops it).
func (t *jsTimer) Fire() error {
	if t.repeat {
		t.t.Reset(t.interval)
	}
	var args []goja.Value
	if t.more != nil {
		args = t.more.args
	}
	_, err := t.rt.Call(t.fn, t.obj, args...)
	return err
}

// extra returns t.more, made on first use.
func (t *jsTimer) extra() *timerMore {
	if t.more == nil {
		t.more = &timerMore{}
	}
	return t.more
}

func (t *jsTimer) Get(key string) goja.Value {
	if t.more == nil {
		return nil
	}
	return t.more.props[key]
}
func (t *jsTimer) Has(key string) bool {
	if t.more == nil {
		return false
	}
	_, ok := t.more.props[key]
	return ok
}
func (t *jsTimer) Set(key string, v goja.Value) bool {
	m := t.extra()
	if m.props == nil {
		m.props = map[string]goja.Value{}
	}
	m.props[key] = v
	return true
}
func (t *jsTimer) Delete(key string) bool {
	if t.more != nil {
		delete(t.more.props, key)
	}
	return true
}
func (t *jsTimer) Keys() []string {
	if t.more == nil {
		return nil
	}
	keys := make([]string, 0, len(t.more.props))
	for k := range t.more.props {
		keys = append(keys, k)
	}
	return keys
}

// maxTimerDelay is the longest delay a timer takes, in milliseconds (2^31 - 1, as Node).
const maxTimerDelay = 1<<31 - 1

// installTimers adds setTimeout, setInterval, clearTimeout and clearInterval. Each returns a
// timer object; inside the callback `this` is that object, so clearInterval(this) works.
func (rt *Runtime) installTimers() {
	vm := rt.VM
	rt.timerP = vm.NewObject()
	rt.timerP.Set("ref", func(c goja.FunctionCall) goja.Value {
		if t := rt.timerOf(c.This); t != nil {
			t.t.Ref()
		}
		return c.This
	})
	rt.timerP.Set("unref", func(c goja.FunctionCall) goja.Value {
		if t := rt.timerOf(c.This); t != nil {
			t.t.Unref()
		}
		return c.This
	})
	g := vm.GlobalObject()
	g.Set("setTimeout", func(c goja.FunctionCall) goja.Value { return rt.setTimer(c, false) })
	g.Set("setInterval", func(c goja.FunctionCall) goja.Value { return rt.setTimer(c, true) })
	clear := func(c goja.FunctionCall) goja.Value {
		if t := rt.timerOf(c.Argument(0)); t != nil {
			t.repeat = false
			t.t.Stop()
		}
		return goja.Undefined()
	}
	g.Set("clearTimeout", clear)
	g.Set("clearInterval", clear)
}

func (rt *Runtime) setTimer(c goja.FunctionCall, repeat bool) goja.Value {
	fn, ok := rt.timerCalls.callable(c.Argument(0))
	if !ok {
		panic(rt.VM.NewTypeError("setTimeout/setInterval: the callback must be a function"))
	}
	ms := c.Argument(1).ToFloat()
	if !(ms > 0) { // also NaN
		ms = 0
	}
	if ms > maxTimerDelay {
		// As Node: a delay that does not fit a 32-bit signed integer of milliseconds becomes
		// 1 ms, with a warning, rather than a timer that never fires or one that fires at once.
		fmt.Fprintf(rt.Out.Stderr, "(node:%d) TimeoutOverflowWarning: %s does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.\n",
			os.Getpid(), c.Argument(1).String())
		ms = 1
	}
	if repeat && ms < 1 {
		ms = 1
	}
	jt := &jsTimer{rt: rt, fn: fn, repeat: repeat, interval: time.Duration(ms * float64(time.Millisecond))}
	if len(c.Arguments) > 2 {
		jt.extra().args = append([]goja.Value(nil), c.Arguments[2:]...)
	}
	jt.obj = rt.VM.NewDynamicObject(jt)
	jt.obj.SetPrototype(rt.timerP)
	rt.Loop.InitTimer(&jt.t, jt)
	jt.t.Reset(jt.interval)
	return jt.obj
}

func (rt *Runtime) timerOf(v goja.Value) *jsTimer {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	t, _ := o.Export().(*jsTimer)
	return t
}
