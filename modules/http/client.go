package http

import (
	"errors"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	"earlynode/loop/netpoll"
	"earlynode/modules/http/wire"
	"earlynode/runtime"
)

// The Go sides of client objects.
var (
	clientState         = runtime.NewState[*client]("http.client")
	clientRequestState  = runtime.NewState[*clientRequest]("http.clientRequest")
	clientResponseState = runtime.NewState[*clientResponse]("http.clientResponse")
)

// dialTimeout bounds connecting to an unreachable host.
const dialTimeout = 60 * time.Second

// client is the Go side of a node.http.Client: where its requests go. As in 0.1.0, each
// request makes its own connection, closed once the response is complete.
type client struct {
	m    *module
	obj  *goja.Object
	port int
	host string
}

// clientRequest is the Go side of a ClientRequest and its connection.
type clientRequest struct {
	cl       *client
	obj      *goja.Object
	method   string
	framing  wire.Framing
	out      []byte // written before the connection is up
	finished bool
	stream   *netpoll.Stream
	parser   *wire.Parser
	res      *clientResponse
	interim  bool // parsing an interim (1xx) response
	done     bool // the response completed, or an error was reported
}

// clientResponse is the Go side of a ClientResponse.
type clientResponse struct {
	obj *goja.Object
	dec runtime.ValueDecoder
}

func (m *module) newClient(portV, hostV goja.Value) goja.Value {
	cl := &client{m: m, port: portOf(m, portV, "createClient"), host: "127.0.0.1"}
	if !goja.IsUndefined(hostV) && !goja.IsNull(hostV) && hostV.String() != "" {
		cl.host = hostV.String()
	}
	cl.obj = m.newEmitterWith(m.clientProto)
	clientState.Set(m.rt, cl.obj, cl)
	return cl.obj
}

func (m *module) clientPrototype() *goja.Object {
	p := m.emitterProto()
	for name, method := range map[string]string{"get": "GET", "head": "HEAD", "post": "POST", "del": "DELETE", "put": "PUT"} {
		name, method := name, method
		p.Set(name, func(c goja.FunctionCall) goja.Value {
			cl, ok := clientState.Get(c.This)
			if !ok {
				panic(m.rt.VM.NewTypeError(name + "(): not a node.http.Client"))
			}
			return cl.request(method, c.Argument(0), c.Argument(1), name)
		})
	}
	return p
}

// request writes the head of a new request (queued until connected) and starts connecting.
func (cl *client) request(method string, pathV, headersV goja.Value, name string) goja.Value {
	m := cl.m
	path := "/"
	if !goja.IsUndefined(pathV) && !goja.IsNull(pathV) {
		path = pathV.String()
	}
	hs := m.headersOf(headersV, name)
	if !hasHeader(hs, "Host") {
		// HTTP/1.1 requires it and servers (Node 20's among them) refuse requests without
		// it; 0.1.0 sent none unless given one.
		host := cl.host
		if strings.IndexByte(host, ':') >= 0 {
			host = "[" + host + "]"
		}
		if cl.port != 80 {
			host += ":" + strconv.Itoa(cl.port)
		}
		hs = append([]wire.Header{{Name: "Host", Value: host}}, hs...)
	}
	out, fr, err := wire.AppendRequestHead(nil, method, path, hs, false)
	if err != nil {
		m.throw(name, err.Error())
	}
	r := &clientRequest{cl: cl, method: method, framing: fr, out: out}
	r.obj = m.newEmitterWith(m.creqProto)
	clientRequestState.Set(m.rt, r.obj, r)
	netpoll.Dial(m.rt.Loop, cl.host, cl.port, dialTimeout, func(s *netpoll.Stream, err error) error {
		if err != nil {
			return r.fail("cannot connect to " + r.where() + ": " + netpoll.DescribeError(err))
		}
		return r.connected(s)
	})
	return r.obj
}

// hasHeader reports whether hs holds a header called name (in any case).
func hasHeader(hs []wire.Header, name string) bool {
	for _, h := range hs {
		if equalFold(h.Name, name) {
			return true
		}
	}
	return false
}

// connected starts the connection: what was written so far goes out.
func (r *clientRequest) connected(s *netpoll.Stream) error {
	if r.done {
		s.Abort(nil)
		return nil
	}
	if err := s.Start(r); err != nil {
		return r.fail("cannot connect to " + r.where() + ": " + err.Error())
	}
	r.stream = s
	r.parser = wire.NewResponseParser(wire.Limits{})
	r.parser.SetRequestMethod(r.method)
	if len(r.out) > 0 {
		s.Write(r.out)
	}
	r.out = nil
	return nil
}

// write sends request bytes, or keeps them until the connection is up.
func (r *clientRequest) write(b []byte) {
	if r.done {
		return
	}
	if r.stream == nil {
		r.out = append(r.out, b...)
		return
	}
	r.stream.Write(b)
}

// Data parses a read of the response (netpoll.Handler).
func (r *clientRequest) Data(b []byte) error {
	if r.done {
		return nil
	}
	m := r.cl.m
	p := r.parser
	for {
		ev, n, perr := p.Next(b)
		b = b[n:]
		if perr != nil {
			return r.fail("bad response from " + r.where() + ": " + perr.Error())
		}
		switch ev {
		case wire.EventNeedInput:
			return nil
		case wire.EventHead:
			h := p.Head()
			r.interim = h.Interim()
			if r.interim {
				continue
			}
			r.res = m.newClientResponse(r, h)
			if err := m.rt.Emit(r.obj, "response", r.res.obj); err != nil {
				return err
			}
		case wire.EventBody:
			if res := r.res; res != nil && runtime.HasListeners(res.obj, "body") {
				if v := res.dec.Value(m.rt, p.Body()); v != nil {
					if err := m.rt.Emit(res.obj, "body", v); err != nil {
						return err
					}
				}
			}
		case wire.EventComplete, wire.EventUpgrade:
			if r.interim && ev == wire.EventComplete {
				r.interim = false
				continue
			}
			return r.complete()
		}
		if r.done {
			return nil
		}
	}
}

// complete ends the exchange: `complete` on the response, and the connection closes.
func (r *clientRequest) complete() error {
	m := r.cl.m
	r.done = true
	r.stream.Close()
	res := r.res
	if res == nil {
		return nil
	}
	if v := res.dec.Flush(m.rt); v != nil && runtime.HasListeners(res.obj, "body") {
		if err := m.rt.Emit(res.obj, "body", v); err != nil {
			return err
		}
	}
	return m.rt.Emit(res.obj, "complete")
}

// EOF handles the server closing its side: the end of a response read until close, or an
// error (netpoll.Handler).
func (r *clientRequest) EOF() error {
	if r.done {
		return nil
	}
	ev, ferr := r.parser.Finish()
	switch {
	case ferr != nil:
		return r.fail("bad response from " + r.where() + ": " + ferr.Error())
	case ev == wire.EventComplete && r.res != nil:
		return r.complete()
	}
	return r.fail(r.where() + " closed the connection before a response")
}

// End runs once the connection is closed (netpoll.Handler).
func (r *clientRequest) End(err error) error {
	if r.done {
		return nil
	}
	if err == nil {
		return r.fail(r.where() + " closed the connection before the response was complete")
	}
	return r.fail("connection to " + r.where() + " failed: " + netpoll.DescribeError(err))
}

func (r *clientRequest) where() string {
	return net.JoinHostPort(r.cl.host, strconv.Itoa(r.cl.port))
}

// fail reports an error once: on the response when one was emitted, else on the request; the
// connection is dropped.
func (r *clientRequest) fail(msg string) error {
	if r.done {
		return nil
	}
	r.done = true
	if r.stream != nil {
		r.stream.Abort(errors.New(msg))
	}
	target := r.obj
	if r.res != nil {
		target = r.res.obj
	}
	return r.cl.m.rt.Emit(target, "error", r.cl.m.errorValue(msg))
}

func (m *module) clientRequestOf(v goja.Value, method string) *clientRequest {
	if r, ok := clientRequestState.Get(v); ok {
		return r
	}
	panic(m.rt.VM.NewTypeError(method + "(): not a node.http.ClientRequest"))
}

func (m *module) clientRequestPrototype() *goja.Object {
	p := m.emitterProto()
	p.Set("sendBody", func(c goja.FunctionCall) goja.Value {
		r := m.clientRequestOf(c.This, "sendBody")
		r.sendBody(c.Argument(0), c.Argument(1))
		return goja.Undefined()
	})
	p.Set("finish", func(c goja.FunctionCall) goja.Value {
		r := m.clientRequestOf(c.This, "finish")
		if fn := c.Argument(0); !goja.IsUndefined(fn) && !goja.IsNull(fn) {
			add, _ := goja.AssertFunction(r.obj.Get("addListener"))
			if _, err := add(r.obj, m.rt.VM.ToValue("response"), fn); err != nil {
				panic(err)
			}
		}
		r.finish()
		return goja.Undefined()
	})
	return p
}

// sendBody writes a piece of the request body, chunked unless a Content-Length was given.
func (r *clientRequest) sendBody(chunk, encV goja.Value) {
	m := r.cl.m
	if r.finished {
		m.throw("sendBody", "the request is already finished")
	}
	if r.framing.NoBody {
		m.throw("sendBody", "a "+r.method+" request without Content-Length or Transfer-Encoding carries no body")
	}
	enc, err := parseEncodingOr(m, encV, "sendBody")
	if err != nil {
		m.throw("sendBody", err.Error())
	}
	data, err := m.rt.BytesOf(chunk, enc)
	if err != nil {
		m.throw("sendBody", err.Error())
	}
	if r.framing.Chunked {
		r.write(wire.AppendChunk(nil, data))
		return
	}
	r.write(data)
}

// finish ends the request: the last chunk when chunked.
func (r *clientRequest) finish() {
	if r.finished {
		return
	}
	r.finished = true
	if r.framing.Chunked {
		r.write([]byte(wire.LastChunk))
	}
}

// newClientResponse makes a ClientResponse: statusCode, httpVersion, headers, client.
func (m *module) newClientResponse(r *clientRequest, h *wire.Head) *clientResponse {
	res := &clientResponse{}
	obj := m.newEmitterWith(m.cresProto)
	obj.Set("statusCode", h.StatusCode)
	obj.Set("httpVersion", h.Version)
	obj.Set("headers", m.headersValue(h.Headers))
	obj.Set("client", r.cl.obj)
	clientResponseState.Set(m.rt, obj, res)
	res.obj = obj
	return res
}

func (m *module) clientResponsePrototype() *goja.Object {
	p := m.emitterProto()
	p.Set("setBodyEncoding", func(c goja.FunctionCall) goja.Value {
		enc := bodyEncoding(m, c.Argument(0), "setBodyEncoding")
		if res, ok := clientResponseState.Get(c.This); ok {
			res.dec.SetEncoding(enc)
		}
		return goja.Undefined()
	})
	return p
}
