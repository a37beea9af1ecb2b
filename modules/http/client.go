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

// client is the Go side of a node.http.Client: where its requests go. As in 0.1.0, a client
// keeps one connection and sends its requests over it one after another, in the order they
// were issued: a request goes out once the response to the one before it is complete (no
// pipelining). The connection is kept alive between requests while the server allows it and
// made again when the server closed it; it is closed once no request waits.
type client struct {
	m     *module
	obj   *goja.Object
	port  int
	host  string
	queue []*clientRequest // issued and not done, in order; queue[0] is the one on the wire
	conn  *clientConn      // the connection (dialing, busy or idle), or nil
}

// clientConn is one connection of a client (netpoll.Handler). It carries one request at a
// time.
type clientConn struct {
	cl     *client
	stream *netpoll.Stream // nil while dialing
	req    *clientRequest  // the request it carries, nil when idle
	parser *wire.Parser    // the response to req
	closed bool            // closed or aborted by us, or gone: carries nothing more
}

// clientRequest is the Go side of a ClientRequest.
type clientRequest struct {
	cl       *client
	obj      *goja.Object
	method   string
	framing  wire.Framing
	out      []byte // written before the request is on a connection
	finished bool
	conn     *clientConn // the connection it is on, once its turn came
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

// request writes the head of a new request (kept until its turn on the connection) and queues
// it behind the client's earlier requests.
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
	out, fr, err := wire.AppendRequestHead(nil, method, path, hs, hasHeader(hs, "Connection"))
	if err != nil {
		m.throw(name, err.Error())
	}
	r := &clientRequest{cl: cl, method: method, framing: fr, out: out}
	r.obj = m.newEmitterWith(m.creqProto)
	clientRequestState.Set(m.rt, r.obj, r)
	cl.queue = append(cl.queue, r)
	cl.next()
	return r.obj
}

// next puts the first waiting request on the connection: the idle one when there is one, else
// a new one. With nothing waiting, an idle connection is closed.
func (cl *client) next() {
	c := cl.conn
	if len(cl.queue) == 0 {
		if c != nil && c.stream != nil && c.req == nil {
			c.close()
		}
		return
	}
	r := cl.queue[0]
	if r.conn != nil {
		return // already on the wire
	}
	if c != nil {
		if c.stream != nil && c.req == nil {
			c.begin(r)
		}
		return // dialing: the request goes out once connected
	}
	c = &clientConn{cl: cl}
	cl.conn = c
	netpoll.Dial(cl.m.rt.Loop, cl.host, cl.port, dialTimeout, func(s *netpoll.Stream, err error) error {
		if err != nil {
			c.closed = true
			cl.drop(c)
			if len(cl.queue) > 0 {
				return cl.queue[0].fail("cannot connect to " + cl.where() + ": " + netpoll.DescribeError(err))
			}
			return nil
		}
		if c.closed || len(cl.queue) == 0 {
			s.Abort(nil)
			cl.drop(c)
			return nil
		}
		if err := s.Start(c); err != nil {
			c.closed = true
			cl.drop(c)
			return cl.queue[0].fail("cannot connect to " + cl.where() + ": " + err.Error())
		}
		c.stream = s
		c.begin(cl.queue[0])
		return nil
	})
}

// drop forgets c as the client's connection.
func (cl *client) drop(c *clientConn) {
	if cl.conn == c {
		cl.conn = nil
	}
}

// finished takes r, done, off the front of the queue.
func (cl *client) finished(r *clientRequest) {
	for i, q := range cl.queue {
		if q == r {
			cl.queue = append(cl.queue[:i:i], cl.queue[i+1:]...)
			return
		}
	}
}

func (cl *client) where() string {
	return net.JoinHostPort(cl.host, strconv.Itoa(cl.port))
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

// begin puts r on the connection: what was written of it so far goes out.
func (c *clientConn) begin(r *clientRequest) {
	c.req = r
	r.conn = c
	c.parser = wire.NewResponseParser(wire.Limits{})
	c.parser.SetRequestMethod(r.method)
	if len(r.out) > 0 {
		c.stream.Write(r.out)
	}
	r.out = nil
}

// close closes the connection once what it queued is written.
func (c *clientConn) close() {
	if !c.closed {
		c.closed = true
		c.stream.Close()
	}
	c.cl.drop(c)
}

// write sends request bytes, or keeps them until the request's turn comes.
func (r *clientRequest) write(b []byte) {
	if r.done {
		return
	}
	if r.conn == nil {
		r.out = append(r.out, b...)
		return
	}
	r.conn.stream.Write(b)
}

// Data parses a read of the response (netpoll.Handler).
func (c *clientConn) Data(b []byte) error {
	if c.closed {
		return nil
	}
	r := c.req
	if r == nil {
		// Bytes while no request is out: nothing can make sense of them.
		c.close()
		return nil
	}
	m := c.cl.m
	p := c.parser
	for {
		ev, n, perr := p.Next(b)
		b = b[n:]
		if perr != nil {
			return r.fail("bad response from " + c.cl.where() + ": " + perr.Error())
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
			reuse := ev == wire.EventComplete && len(b) == 0 && r.finished &&
				r.framing.KeepAlive && r.res != nil && p.Head().KeepAlive
			return r.complete(reuse)
		}
		if r.done {
			return nil
		}
	}
}

// complete ends the exchange: the connection carries the next request when reuse allows it
// (else it closes), then `complete` on the response.
func (r *clientRequest) complete(reuse bool) error {
	cl := r.cl
	m := cl.m
	r.done = true
	cl.finished(r)
	if c := r.conn; c != nil {
		c.req = nil
		if !reuse {
			c.close()
		}
	}
	if res := r.res; res != nil {
		if v := res.dec.Flush(m.rt); v != nil && runtime.HasListeners(res.obj, "body") {
			if err := m.rt.Emit(res.obj, "body", v); err != nil {
				return err
			}
		}
		if err := m.rt.Emit(res.obj, "complete"); err != nil {
			return err
		}
	}
	cl.next()
	return nil
}

// EOF handles the server closing its side: the end of a response read until close, or an
// error (netpoll.Handler).
func (c *clientConn) EOF() error {
	r := c.req
	if c.closed || r == nil {
		if !c.closed {
			c.close()
		}
		return nil
	}
	ev, ferr := c.parser.Finish()
	switch {
	case ferr != nil:
		return r.fail("bad response from " + c.cl.where() + ": " + ferr.Error())
	case ev == wire.EventComplete && r.res != nil:
		return r.complete(false)
	}
	return r.fail(c.cl.where() + " closed the connection before a response")
}

// End runs once the connection is closed (netpoll.Handler).
func (c *clientConn) End(err error) error {
	wasClosed := c.closed
	c.closed = true
	c.cl.drop(c)
	r := c.req
	if r == nil || r.done {
		if !wasClosed {
			c.cl.next()
		}
		return nil
	}
	if err == nil {
		return r.fail(c.cl.where() + " closed the connection before the response was complete")
	}
	return r.fail("connection to " + c.cl.where() + " failed: " + netpoll.DescribeError(err))
}

// fail reports an error once: on the response when one was emitted, else on the request; the
// connection is dropped and the next request goes out on a new one.
func (r *clientRequest) fail(msg string) error {
	if r.done {
		return nil
	}
	cl := r.cl
	r.done = true
	cl.finished(r)
	if c := r.conn; c != nil {
		c.req = nil
		if !c.closed {
			c.closed = true
			c.stream.Abort(errors.New(msg))
		}
		cl.drop(c)
	}
	target := r.obj
	if r.res != nil {
		target = r.res.obj
	}
	err := cl.m.rt.Emit(target, "error", cl.m.errorValue(msg))
	cl.next()
	return err
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
