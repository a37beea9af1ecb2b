package tcp

import (
	"github.com/dop251/goja"

	"earlynode/runtime"
)

// Events emits the hot events of node.tcp and node.http (receive, request, body, complete)
// from the loop. A lone listener is called directly, as the JavaScript emit would call it
// (`this` the emitter), without going through that emit and its arguments object; several
// listeners go through Runtime.Emit; none costs nothing. The last listener called is kept
// ready to call again: a server's request listener is the same function every time.
type Events struct {
	Runtime  *runtime.Runtime
	lastFn   *goja.Object
	lastCall goja.Callable
}

// listener returns the only listener of event on obj (ok), or reports that there are several
// (many) or none.
func (e *Events) listener(obj *goja.Object, event string) (fn goja.Callable, many, ok bool) {
	ev, isObj := obj.Get("_events").(*goja.Object)
	if !isObj {
		return nil, false, false
	}
	list, isObj := ev.Get(event).(*goja.Object)
	if !isObj {
		return nil, false, false
	}
	switch list.Get("length").ToInteger() {
	case 0:
		return nil, false, false
	case 1:
	default:
		return nil, true, false
	}
	f, isObj := list.Get("0").(*goja.Object)
	if !isObj {
		return nil, true, false
	}
	if f != e.lastFn {
		call, isFn := goja.AssertFunction(f)
		if !isFn {
			return nil, true, false
		}
		e.lastFn, e.lastCall = f, call
	}
	return e.lastCall, false, true
}

// Emit0 emits event on obj with no arguments.
func (e *Events) Emit0(obj *goja.Object, event string) error {
	fn, many, ok := e.listener(obj, event)
	switch {
	case ok:
		_, err := e.Runtime.Call(fn, obj)
		return err
	case many:
		return e.Runtime.Emit(obj, event)
	}
	return nil
}

// Emit1 emits event on obj with one argument.
func (e *Events) Emit1(obj *goja.Object, event string, a goja.Value) error {
	fn, many, ok := e.listener(obj, event)
	switch {
	case ok:
		_, err := e.Runtime.Call(fn, obj, a)
		return err
	case many:
		return e.Runtime.Emit(obj, event, a)
	}
	return nil
}

// Emit2 emits event on obj with two arguments.
func (e *Events) Emit2(obj *goja.Object, event string, a, b goja.Value) error {
	fn, many, ok := e.listener(obj, event)
	switch {
	case ok:
		_, err := e.Runtime.Call(fn, obj, a, b)
		return err
	case many:
		return e.Runtime.Emit(obj, event, a, b)
	}
	return nil
}

// Target is what Find found: the listeners of one event of one emitter, ready to be called
// once the argument is made (so that nothing is made for an event nobody hears).
type Target struct {
	obj   *goja.Object
	event string
	fn    goja.Callable
	many  bool
}

// Find looks up the listeners of event on obj.
func (e *Events) Find(obj *goja.Object, event string) Target {
	fn, many, ok := e.listener(obj, event)
	if !ok {
		fn = nil
	}
	return Target{obj: obj, event: event, fn: fn, many: many}
}

// Heard reports whether the event has any listener.
func (t Target) Heard() bool { return t.fn != nil || t.many }

// Emit1 calls the listeners found with one argument.
func (t Target) Emit1(e *Events, a goja.Value) error {
	switch {
	case t.fn != nil:
		_, err := e.Runtime.Call(t.fn, t.obj, a)
		return err
	case t.many:
		return e.Runtime.Emit(t.obj, t.event, a)
	}
	return nil
}
