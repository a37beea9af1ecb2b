package http

import (
	"github.com/dop251/goja"

	"earlynode/modules/http/wire"
	"earlynode/runtime"
)

// headKey is the hidden (non-enumerable) property of a ServerRequest holding its packed head
// (see packHead), from which request.uri and request.headers are made on first use. (A symbol
// would hide it better, but costs each request a map of its own.)
const headKey = "_head"

// request is the Go side of a ServerRequest while its body arrives.
type request struct {
	sc  *serverConn
	obj *goja.Object
	res *response
	dec runtime.ValueDecoder
}

// newRequest makes a ServerRequest object. Only method, httpVersion and connection are set
// now; uri and headers are made when first read.
func (m *module) newRequest(sc *serverConn, h *wire.Head) *request {
	obj := m.rt.VM.NewObject()
	obj.SetPrototype(m.requestProto)
	var method goja.Value
	switch h.Method {
	case "GET":
		method = m.strGET
	case "POST":
		method = m.strPOST
	default:
		method = m.rt.VM.ToValue(h.Method)
	}
	version := m.str11
	if h.Version == "1.0" {
		version = m.str10
	}
	obj.Set("method", method)
	obj.Set("httpVersion", version)
	obj.Set("connection", sc.obj)
	obj.DefineDataProperty(headKey, m.rt.VM.ToValue(packHead(h)), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	r := &request{sc: sc, obj: obj}
	m.requests[obj] = r
	return r
}

// emitBody emits one piece of the body in the request's encoding.
func (r *request) emitBody(b []byte) error {
	l := r.sc.m.rt.Listeners(r.obj, "body")
	if !l.Heard() {
		return nil
	}
	v := r.dec.Value(r.sc.m.rt, b)
	if v == nil {
		return nil
	}
	return l.Emit(v)
}

// complete emits `complete` (once) and forgets the Go side.
func (r *request) complete() error {
	m := r.sc.m
	delete(m.requests, r.obj)
	if v := r.dec.Flush(m.rt); v != nil && runtime.HasListeners(r.obj, "body") {
		if err := m.rt.Emit(r.obj, "body", v); err != nil {
			return err
		}
	}
	return m.rt.Emit(r.obj, "complete")
}

// requestPrototype is node.http.ServerRequest.prototype: setBodyEncoding and the lazy uri and
// headers.
func (m *module) requestPrototype() *goja.Object {
	p := m.emitterProto()
	p.Set("setBodyEncoding", func(c goja.FunctionCall) goja.Value {
		obj, _ := c.This.(*goja.Object)
		enc := bodyEncoding(m, c.Argument(0), "setBodyEncoding")
		if r := m.requests[obj]; r != nil {
			r.dec.SetEncoding(enc)
		}
		return goja.Undefined()
	})
	m.lazyProperty(p, "uri", func(obj *goja.Object) goja.Value {
		target, _ := unpackHead(headOf(obj))
		return m.uriObject(wire.ParseURI(target))
	})
	m.lazyProperty(p, "headers", func(obj *goja.Object) goja.Value {
		_, hs := unpackHead(headOf(obj))
		return m.headersValue(hs)
	})
	return p
}

func headOf(obj *goja.Object) string {
	if v := obj.Get(headKey); v != nil && !goja.IsUndefined(v) {
		return v.String()
	}
	return ""
}

// lazyProperty defines name on proto as an accessor that makes the value for the object it is
// read on, then stores it there as a plain property (which later reads find first).
func (m *module) lazyProperty(proto *goja.Object, name string, make func(obj *goja.Object) goja.Value) {
	vm := m.rt.VM
	get := vm.ToValue(func(c goja.FunctionCall) goja.Value {
		obj, ok := c.This.(*goja.Object)
		if !ok || obj == proto {
			return goja.Undefined()
		}
		v := make(obj)
		obj.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		return v
	})
	set := vm.ToValue(func(c goja.FunctionCall) goja.Value {
		if obj, ok := c.This.(*goja.Object); ok && obj != proto {
			obj.DefineDataProperty(name, c.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
		return goja.Undefined()
	})
	proto.DefineAccessorProperty(name, get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// bodyEncoding reads setBodyEncoding's argument: "utf8" or "raw" as in 0.1.0, also "ascii" and
// "buffer" (beyond 0.1.0).
func bodyEncoding(m *module, v goja.Value, method string) runtime.Encoding {
	e, err := runtime.ParseEncoding(v, runtime.Raw)
	if err != nil {
		m.throw(method, err.Error())
	}
	return e
}
