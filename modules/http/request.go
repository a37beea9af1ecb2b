package http

import (
	"github.com/dop251/goja"

	"earlynode/modules/http/wire"
	"earlynode/runtime"
)

// request is the Go side of a ServerRequest, and the object itself (a goja.DynamicObject, see
// props.go): method, uri, headers, httpVersion and connection are its own properties, uri and
// headers made when first read.
type request struct {
	sc   *serverConn
	obj  *goja.Object
	res  *response
	dec  runtime.ValueDecoder
	open bool // its body is arriving: setBodyEncoding applies

	// The parser's target and headers (theirs to keep, see wire.Parser.Head), for uri and
	// headers when first read.
	target  string
	headers []wire.Header

	own     props
	nameBuf [5]string
	valBuf  [5]goja.Value
}

// newRequest makes a ServerRequest object.
func (m *module) newRequest(sc *serverConn, h *wire.Head) *request {
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
	r := &request{sc: sc, open: true, target: h.Target, headers: h.Headers}
	// uri and headers are nil until read (request.Get makes them).
	r.own.names = append(r.nameBuf[:0], "method", "uri", "headers", "httpVersion", "connection")
	r.own.vals = append(r.valBuf[:0], method, nil, nil, version, sc.obj)
	r.obj = m.rt.VM.NewDynamicObject(r)
	r.obj.SetPrototype(m.requestProto)
	return r
}

// make makes the lazy property name (uri or headers).
func (r *request) make(name string) goja.Value {
	m := r.sc.m
	if name == "uri" {
		return m.uriObject(wire.ParseURI(r.target))
	}
	return m.headersValue(r.headers)
}

// requestOf returns the Go side of a ServerRequest whose body is still arriving, or nil.
func requestOf(v goja.Value) *request {
	if obj, ok := v.(*goja.Object); ok {
		if r, ok := obj.Export().(*request); ok && r.open {
			return r
		}
	}
	return nil
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
	r.open = false
	if v := r.dec.Flush(m.rt); v != nil && runtime.HasListeners(r.obj, "body") {
		if err := m.rt.Emit(r.obj, "body", v); err != nil {
			return err
		}
	}
	return m.rt.Emit(r.obj, "complete")
}

// requestPrototype is node.http.ServerRequest.prototype: setBodyEncoding.
func (m *module) requestPrototype() *goja.Object {
	p := m.emitterProto()
	p.Set("setBodyEncoding", func(c goja.FunctionCall) goja.Value {
		enc := bodyEncoding(m, c.Argument(0), "setBodyEncoding")
		if r := requestOf(c.This); r != nil {
			r.dec.SetEncoding(enc)
		}
		return goja.Undefined()
	})
	return p
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
