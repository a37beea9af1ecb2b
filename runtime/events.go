package runtime

import (
	"strconv"

	"github.com/dop251/goja"
)

// Go code finds and calls the listeners of a node.EventEmitter here and nowhere else. The
// listener lists are the arrays js/events.js keeps in emitter._events, one per event name.
// _events is a plain object: the names it inherits from Object.prototype (constructor,
// toString, __proto__, ...) are not events: events.js asks hasOwnProperty, Go takes arrays
// only (what _events inherits is never one).

// listenerList returns the listener array obj._events[event], or nil.
func listenerList(obj *goja.Object, event string) *goja.Object {
	ev, ok := obj.Get("_events").(*goja.Object)
	if !ok {
		return nil
	}
	list, ok := ev.Get(event).(*goja.Object)
	// What _events inherits from Object.prototype are functions and, for __proto__,
	// Object.prototype itself: never arrays. (Checking that the array is ev's own on top would
	// cost a lookup on Object.prototype, as much again as the rest of this function.)
	if !ok || list.ClassName() != "Array" {
		return nil
	}
	return list
}

// HasListeners reports whether the emitter obj has a listener for event, without calling
// JavaScript.
func HasListeners(obj *goja.Object, event string) bool {
	list := listenerList(obj, event)
	return list != nil && list.Get("length").ToInteger() > 0
}

// Listeners are the listeners of one event of one emitter, found before the event's arguments
// are made, so that nothing is made for an event nobody hears:
//
//	l := rt.Listeners(obj, "data")
//	if !l.Heard() {
//		return nil
//	}
//	return l.Emit(value(b))
//
// No JavaScript may run between finding and emitting.
type Listeners struct {
	rt   *Runtime
	obj  *goja.Object
	list *goja.Object // nil when n is 0
	n    int
}

// Listeners finds the listeners of event on the emitter obj.
func (rt *Runtime) Listeners(obj *goja.Object, event string) Listeners {
	l := Listeners{rt: rt, obj: obj}
	if list := listenerList(obj, event); list != nil {
		if n := int(list.Get("length").ToInteger()); n > 0 {
			l.list, l.n = list, n
		}
	}
	return l
}

// Heard reports whether the event has a listener.
func (l Listeners) Heard() bool { return l.n > 0 }

// Emit calls the listeners with args, `this` being the emitter, from the loop (see
// Runtime.Call): the error is the one to return from the loop callback.
func (l Listeners) Emit(args ...goja.Value) error {
	switch l.n {
	case 0:
		return nil
	case 1:
		// The hot case: one listener, called directly.
		fn, ok := l.rt.calls.callable(l.list.Get("0"))
		if !ok {
			return nil
		}
		_, err := l.rt.Call(fn, l.obj, args...)
		return err
	}
	for _, fn := range l.snapshot() {
		if _, err := l.rt.Call(fn, l.obj, args...); err != nil {
			return err
		}
	}
	return nil
}

// emitJS is Emit for Go code running inside a JavaScript call (see Runtime.EmitJS).
func (l Listeners) emitJS(args ...goja.Value) {
	switch l.n {
	case 0:
		return
	case 1:
		if fn, ok := l.rt.calls.callable(l.list.Get("0")); ok {
			if _, err := fn(l.obj, args...); err != nil {
				panic(err)
			}
		}
		return
	}
	for _, fn := range l.snapshot() {
		if _, err := fn(l.obj, args...); err != nil {
			panic(err)
		}
	}
}

// snapshot returns the functions of a list of several listeners: listeners added or removed
// while they are called do not change who is called this time.
func (l Listeners) snapshot() []goja.Callable {
	fns := make([]goja.Callable, 0, l.n)
	for i := 0; i < l.n; i++ {
		if fn, ok := l.rt.calls.callable(l.list.Get(strconv.Itoa(i))); ok {
			fns = append(fns, fn)
		}
	}
	return fns
}

// Emit calls every listener of event on the emitter obj with args, `this` being obj, from the
// loop (see Call). Listeners added while it runs wait for the next emit. It walks the listener
// array in Go, so an emit costs one JavaScript call per listener and nothing more; an event
// nobody hears costs two property reads.
func (rt *Runtime) Emit(obj *goja.Object, event string, args ...goja.Value) error {
	return rt.Listeners(obj, event).Emit(args...)
}

// EmitJS is Emit for Go code already running inside a JavaScript call: an exception thrown by a
// listener propagates to the JavaScript caller as a panic that goja turns back into a throw.
func (rt *Runtime) EmitJS(obj *goja.Object, event string, args ...goja.Value) {
	rt.Listeners(obj, event).emitJS(args...)
}

// callCache remembers the goja.Callable of the last functions called as listeners:
// goja.AssertFunction makes new closures on every use, and an event is usually heard by the same
// function every time (a server's request listener, a socket's data listener).
type callCache struct {
	fn   [4]*goja.Object
	call [4]goja.Callable
	next int // the entry to replace next
}

// callable returns v as a function to call, or false when v is not a function.
func (c *callCache) callable(v goja.Value) (goja.Callable, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	for i := range c.fn {
		if c.fn[i] == o {
			return c.call[i], true
		}
	}
	fn, ok := goja.AssertFunction(o)
	if !ok {
		return nil, false
	}
	c.fn[c.next], c.call[c.next] = o, fn
	c.next = (c.next + 1) % len(c.fn)
	return fn, true
}
