package http

import (
	"strconv"

	"github.com/dop251/goja"

	"earlynode/modules/http/wire"
)

// index returns the property key of array index i.
func (m *module) index(i int) string {
	if i < len(m.indexKeys) {
		return m.indexKeys[i]
	}
	return strconv.Itoa(i)
}

// headersOf reads headers from JavaScript: 0.1.0's array of [name, value] pairs (values may be
// numbers), or, as later Node allowed, an object of name: value (an array value gives the
// name once per element). undefined and null mean none.
func (m *module) headersOf(v goja.Value, method string) []wire.Header {
	return m.appendHeadersOf(nil, v, method)
}

// appendHeadersOf is headersOf appending to dst.
func (m *module) appendHeadersOf(dst []wire.Header, v goja.Value, method string) []wire.Header {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return dst
	}
	o, ok := v.(*goja.Object)
	if !ok {
		m.throw(method, "headers must be an array of [name, value] pairs")
	}
	if o.ClassName() != "Array" {
		hs := dst
		for _, k := range o.Keys() {
			val := o.Get(k)
			if arr, ok := val.(*goja.Object); ok && arr.ClassName() == "Array" {
				n := int(arr.Get("length").ToInteger())
				for i := 0; i < n; i++ {
					hs = append(hs, wire.Header{Name: k, Value: arr.Get(m.index(i)).String()})
				}
				continue
			}
			hs = append(hs, wire.Header{Name: k, Value: val.String()})
		}
		return hs
	}
	n := int(o.Get("length").ToInteger())
	hs := append(dst, make([]wire.Header, n)...)
	for i := 0; i < n; i++ {
		pair, ok := o.Get(m.index(i)).(*goja.Object)
		if !ok {
			m.throw(method, "header "+strconv.Itoa(i)+" is not a [name, value] pair")
		}
		name, value := pair.Get("0"), pair.Get("1")
		if name == nil || goja.IsUndefined(name) || value == nil || goja.IsUndefined(value) {
			m.throw(method, "header "+strconv.Itoa(i)+" is not a [name, value] pair")
		}
		hs[len(dst)+i] = wire.Header{Name: name.String(), Value: value.String()}
	}
	return hs
}

// headersValue makes 0.1.0's headers array: [name, value] pairs in wire order, original case,
// duplicates kept.
func (m *module) headersValue(hs []wire.Header) *goja.Object {
	vm := m.rt.VM
	pairs := make([]any, len(hs))
	for i, h := range hs {
		pairs[i] = vm.NewArray(h.Name, h.Value)
	}
	return vm.NewArray(pairs...)
}

// uriObject makes request.uri / parseUri's result: the fields present in the string (0.1.0
// left out the empty ones), params always (decoded; the last of a repeated name wins) and
// toString() giving the source back.
func (m *module) uriObject(u wire.URI) *goja.Object {
	o := m.newEmitterWith(m.uriProto)
	set := func(name, v string) {
		if v != "" {
			o.Set(name, v)
		}
	}
	set("source", u.Source)
	set("protocol", u.Protocol)
	set("authority", u.Authority)
	set("userInfo", u.UserInfo)
	set("user", u.User)
	set("password", u.Password)
	set("host", u.Host)
	set("port", u.Port)
	set("relative", u.Relative)
	set("path", u.Path)
	set("directory", u.Directory)
	set("file", u.File)
	set("query", u.Query)
	set("anchor", u.Anchor)
	params := m.rt.VM.NewObject()
	for _, p := range u.Params {
		// Defined, not assigned: a pair named __proto__ must stay a plain property.
		params.DefineDataProperty(p.Name, m.rt.VM.ToValue(p.Value), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	o.Set("params", params)
	return o
}

// uriPrototype holds the toString of uri objects.
func (m *module) uriPrototype() *goja.Object {
	p := m.rt.VM.NewObject()
	p.DefineDataProperty("toString", m.rt.VM.ToValue(func(c goja.FunctionCall) goja.Value {
		if o, ok := c.This.(*goja.Object); ok {
			if s := o.Get("source"); s != nil && !goja.IsUndefined(s) {
				return s
			}
		}
		return m.rt.VM.ToValue("")
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return p
}
