package http

import (
	"strconv"

	"github.com/dop251/goja"

	"earlynode/modules/http/wire"
	"earlynode/runtime"
)

// response is the Go side of a ServerResponse, and the object itself (a goja.DynamicObject, see
// props.go), or an answer made in Go (a RouteHandler's, or a 400), queued among the
// connection's responses so that answers leave in request order.
type response struct {
	sc      *serverConn
	obj     *goja.Object // nil for answers made in Go
	own     props        // what JavaScript set on obj
	req     wire.Head    // what the answer depends on: method, version, keep-alive
	out     []byte       // written bytes not yet handed to the stream
	framing wire.Framing
	sent    int64 // body bytes written, for Content-Length

	headSent    bool
	finished    bool
	written     bool // some bytes went to the stream
	aborted     bool // the connection gave up on it: writes are dropped
	keepAlive   bool // the connection may serve another request after this one
	errorAnswer bool
}

// newResponse makes the ServerResponse for the request h and queues it.
func (sc *serverConn) newResponse(h *wire.Head) *response {
	m := sc.m
	r := &response{sc: sc, req: wire.Head{Method: h.Method, Version: h.Version, KeepAlive: h.KeepAlive}}
	r.obj = m.rt.VM.NewDynamicObject(r)
	r.obj.SetPrototype(m.responseProto)
	if n := len(sc.spare); n > 0 {
		r.out = sc.spare[n-1]
		sc.spare[n-1] = nil
		sc.spare = sc.spare[:n-1]
	}
	if sc.cur != nil && sc.cur.obj != nil {
		sc.cur.res = r
	}
	sc.queue = append(sc.queue, r)
	return r
}

// abort drops the response: it leaves the queue and later writes are ignored.
func (r *response) abort() {
	r.aborted = true
	q := r.sc.queue
	for i, x := range q {
		if x == r {
			copy(q[i:], q[i+1:])
			q[len(q)-1] = nil
			r.sc.queue = q[:len(q)-1]
			break
		}
	}
}

// responseOf returns the Go side of a ServerResponse still open; nil for one finished or given
// up by its connection, whose later writes are dropped.
func (m *module) responseOf(v goja.Value) *response {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	// goja's Export allocates; a handler calls sendHeader, sendBody and finish on one response
	// in a row, so the last one found is remembered (an object's Go side never changes).
	r := m.lastResponse
	if obj != m.lastResponseObj {
		if r, ok = obj.Export().(*response); !ok {
			return nil
		}
		m.lastResponseObj, m.lastResponse = obj, r
	}
	if r.finished || r.aborted {
		return nil
	}
	return r
}

func (m *module) responsePrototype() *goja.Object {
	p := m.emitterProto()
	p.Set("sendHeader", func(c goja.FunctionCall) goja.Value {
		if r := m.responseOf(c.This); r != nil {
			r.sendHeader(c.Argument(0), c.Argument(1))
		}
		return goja.Undefined()
	})
	p.Set("sendBody", func(c goja.FunctionCall) goja.Value {
		if r := m.responseOf(c.This); r != nil {
			r.sendBody(c.Argument(0), c.Argument(1))
		}
		return goja.Undefined()
	})
	p.Set("finish", func(c goja.FunctionCall) goja.Value {
		if r := m.responseOf(c.This); r != nil {
			r.finish()
		}
		return goja.Undefined()
	})
	return p
}

// sendHeader writes the status line and headers, with 0.1.0's automatic Connection and
// Transfer-Encoding headers (see wire.AppendResponseHead).
func (r *response) sendHeader(statusV, headersV goja.Value) {
	m := r.sc.m
	if r.headSent {
		m.throw("sendHeader", "the header was already sent")
	}
	status := int(statusV.ToInteger())
	// The module's scratch list, taken while in use: reading the headers can run JavaScript
	// (a value's toString) that answers another request.
	scratch := m.headerScratch
	m.headerScratch = nil
	hs := m.appendHeadersOf(scratch[:0], headersV, "sendHeader")
	out, fr, err := wire.AppendResponseHead(r.out, &r.req, status, hs)
	clear(hs)
	m.headerScratch = hs[:0]
	if err != nil {
		m.throw("sendHeader", err.Error())
	}
	r.out, r.framing, r.headSent, r.keepAlive = out, fr, true, fr.KeepAlive
	r.sc.dirty()
}

// sendBody writes a piece of the body (a string in the given encoding, "ascii" by default, an
// array of integers or a Buffer), chunked when the head said so.
func (r *response) sendBody(chunk, encV goja.Value) {
	m := r.sc.m
	if !r.headSent {
		m.throw("sendBody", "sendHeader must be called first")
	}
	if r.framing.NoBody {
		return
	}
	enc, err := runtime.ParseEncoding(encV, runtime.ASCII)
	if err != nil {
		m.throw("sendBody", err.Error())
	}
	if _, ok := chunk.(goja.String); ok {
		if s := chunk.String(); isASCII(s) {
			r.appendBodyString(s) // the same bytes in every encoding
			r.sc.dirty()
			return
		}
	}
	data, err := m.rt.BytesOf(chunk, enc)
	if err != nil {
		m.throw("sendBody", err.Error())
	}
	r.appendBody(data)
	r.sc.dirty()
}

func (r *response) appendBody(data []byte) {
	if r.framing.Chunked {
		r.out = wire.AppendChunk(r.out, data)
	} else {
		r.out = append(r.out, data...)
	}
	r.count(len(data))
}

func (r *response) appendBodyString(s string) {
	if r.framing.Chunked {
		r.out = wire.AppendChunkString(r.out, s)
	} else {
		r.out = append(r.out, s...)
	}
	r.count(len(s))
}

// count keeps the body within its Content-Length: a body that overruns it would be read as the
// next response, so the connection closes after this one instead.
func (r *response) count(n int) {
	r.sent += int64(n)
	if r.framing.ContentLength >= 0 && r.sent > r.framing.ContentLength {
		r.keepAlive = false
	}
}

// finish ends the response (the last chunk when chunked); the connection then writes it out in
// its turn.
func (r *response) finish() {
	m := r.sc.m
	if !r.headSent {
		m.throw("finish", "sendHeader must be called first")
	}
	if r.framing.Chunked {
		r.out = wire.AppendLastChunk(r.out)
	} else if !r.framing.NoBody && r.framing.ContentLength >= 0 && r.sent != r.framing.ContentLength {
		// Short of its Content-Length: the client could only wait; end the connection.
		r.keepAlive = false
	}
	r.finished = true
	if !r.sc.inBatch {
		r.sc.flush()
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// routeAnswer serializes a Go-made answer; the body's length is given unless the headers set
// the framing. keep reports whether the connection may serve another request after it.
func routeAnswer(req *wire.Head, status int, hs []wire.Header, body []byte, closeAfter bool) (out []byte, keep bool) {
	framed := false
	for _, h := range hs {
		if equalFold(h.Name, "Content-Length") || equalFold(h.Name, "Transfer-Encoding") {
			framed = true
		}
	}
	if !framed {
		hs = append(hs[:len(hs):len(hs)], wire.Header{Name: "Content-Length", Value: strconv.Itoa(len(body))})
	}
	if closeAfter {
		hs = append(hs[:len(hs):len(hs)], wire.Header{Name: "Connection", Value: "close"})
	}
	out, fr, err := wire.AppendResponseHead(nil, req, status, hs)
	if err != nil {
		out, _, _ = wire.AppendResponseHead(nil, req, 500, []wire.Header{{Name: "Content-Length", Value: "0"}, {Name: "Connection", Value: "close"}})
		return out, false
	}
	switch {
	case fr.NoBody:
	case fr.Chunked:
		out = wire.AppendChunk(out, body)
		out = wire.AppendLastChunk(out)
	default:
		out = append(out, body...)
	}
	return out, fr.KeepAlive
}

// callRoute calls a RouteHandler (off the loop) and serializes its answer; a panic in it is a
// 500. keep reports whether the connection may serve another request.
func callRoute(h RouteHandler, req *wire.Head, body []byte) (out []byte, keep bool) {
	defer func() {
		if p := recover(); p != nil {
			out, keep = routeAnswer(req, 500, nil, []byte("internal error\n"), true)
		}
	}()
	status, hs, respBody := h(req, body)
	return routeAnswer(req, status, hs, respBody, false)
}

// equalFold compares ASCII strings case-insensitively.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
