package http

import "github.com/dop251/goja"

// ServerRequest and ServerResponse objects are goja dynamic objects (goja.DynamicObject)
// backed by their Go sides, made once per request: an ordinary goja object costs a property
// map and a name list that grow with each property set, which a profile of the hello world
// under wrk showed as the largest cost of making a request's objects (newRequest was 12% of
// the server's CPU, a fifth of what the loop spent outside system calls). A dynamic object is
// two allocations and finds its Go side by Export, without a map.
//
// What JavaScript sees is what it saw before: own, writable, enumerable properties set by the
// script; the prototype (node.http.ServerRequest/ServerResponse.prototype, node.EventEmitter)
// consulted for the rest. Two differences a script could find: such an object cannot be frozen
// or given accessor or symbol properties (goja refuses, with a TypeError), and the emitter's
// _events, non-enumerable on an ordinary object, is left out of the keys instead.

// eventsKey is where node.EventEmitter keeps its listener lists (runtime/js/events.js):
// defined non-enumerable there, so keys leave it out.
const eventsKey = "_events"

// props are the own properties of a dynamic object, in the order they were first set.
type props struct {
	names []string
	vals  []goja.Value
}

// find returns the index of name, or -1.
func (p *props) find(name string) int {
	for i, n := range p.names {
		if n == name {
			return i
		}
	}
	return -1
}

// get returns the value of name, or nil when it has none (the prototype is asked then).
func (p *props) get(name string) goja.Value {
	if i := p.find(name); i >= 0 {
		return p.vals[i]
	}
	return nil
}

// set sets name, adding it after the others when new.
func (p *props) set(name string, v goja.Value) {
	if i := p.find(name); i >= 0 {
		p.vals[i] = v
		return
	}
	p.names = append(p.names, name)
	p.vals = append(p.vals, v)
}

// del removes name.
func (p *props) del(name string) {
	if i := p.find(name); i >= 0 {
		p.names = append(p.names[:i], p.names[i+1:]...)
		copy(p.vals[i:], p.vals[i+1:])
		p.vals[len(p.vals)-1] = nil
		p.vals = p.vals[:len(p.vals)-1]
	}
}

// keys returns the enumerable names: all but the emitter's _events.
func (p *props) keys() []string {
	out := make([]string, 0, len(p.names))
	for _, n := range p.names {
		if n != eventsKey {
			out = append(out, n)
		}
	}
	return out
}

// Get implements goja.DynamicObject: a ServerRequest's uri and headers are made when first
// read.
func (r *request) Get(name string) goja.Value {
	i := r.own.find(name)
	if i < 0 {
		return nil
	}
	v := r.own.vals[i]
	if v == nil {
		v = r.make(name)
		r.own.vals[i] = v
	}
	return v
}

// Set implements goja.DynamicObject.
func (r *request) Set(name string, v goja.Value) bool { r.own.set(name, v); return true }

// Has implements goja.DynamicObject.
func (r *request) Has(name string) bool { return r.own.find(name) >= 0 }

// Delete implements goja.DynamicObject.
func (r *request) Delete(name string) bool { r.own.del(name); return true }

// Keys implements goja.DynamicObject.
func (r *request) Keys() []string { return r.own.keys() }

// Get implements goja.DynamicObject.
func (r *response) Get(name string) goja.Value { return r.own.get(name) }

// Set implements goja.DynamicObject.
func (r *response) Set(name string, v goja.Value) bool { r.own.set(name, v); return true }

// Has implements goja.DynamicObject.
func (r *response) Has(name string) bool { return r.own.find(name) >= 0 }

// Delete implements goja.DynamicObject.
func (r *response) Delete(name string) bool { r.own.del(name); return true }

// Keys implements goja.DynamicObject.
func (r *response) Keys() []string { return r.own.keys() }
