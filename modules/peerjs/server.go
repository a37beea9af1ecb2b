package peerjs

import (
	"fmt"
	"net"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/loop/netpoll"
	nodehttp "earlynode/modules/http"
	"earlynode/modules/http/wire"
	"earlynode/modules/peerjs/server"
)

// peerServer is the native side of one JavaScript PeerServer.
type peerServer struct {
	m      *module
	obj    *goja.Object
	s      *server.Server
	handle *loop.Handle
	addr   net.Addr    // the own port's address; nil when attached
	closed atomic.Bool // close() ran
}

// jsServer is natives.server(serverObject, options): it starts a PeerServer
// on its own port (options.port, options.host) or on a node.http server
// (options.server), and makes it the object's Go side (for
// natives.closeServer, serverAddress and serverClients).
func (m *module) jsServer(c goja.FunctionCall) goja.Value {
	vm := m.rt.VM
	obj := c.Argument(0).ToObject(vm)
	opts, ok := c.Argument(1).(*goja.Object)
	if !ok {
		opts = vm.NewObject()
	}
	ps := &peerServer{m: m, obj: obj, handle: m.rt.Loop.NewHandle()}
	so, err := serverOptions(opts)
	if err != nil {
		ps.handle.Close(nil)
		panic(vm.NewTypeError("PeerServer: %v", err))
	}
	so.Events = ps.events()
	so.Loop = m.rt.Loop
	s, err := server.New(so)
	if err != nil {
		ps.handle.Close(nil)
		panic(vm.NewTypeError("PeerServer: %v", err))
	}
	ps.s = s
	if given(opts, "server") {
		// The node.http server keeps the loop alive; the PeerServer does not.
		ps.handle.Unref()
		if err := ps.attach(opts.Get("server")); err != nil {
			s.Close()
			ps.handle.Close(nil)
			panic(vm.NewTypeError("PeerServer: options.server: %v", err))
		}
		ps.handle.Post(func() error { return m.rt.Emit(obj, "listening") })
	} else {
		if !given(opts, "port") {
			s.Close()
			ps.handle.Close(nil)
			panic(vm.NewTypeError("PeerServer: either options.port or options.server must be given"))
		}
		host := str(opts, "host")
		port := int(opts.Get("port").ToInteger())
		addr, err := s.Listen(net.JoinHostPort(host, strconv.Itoa(port)))
		if err != nil {
			s.Close()
			ps.closed.Store(true)
			ps.handle.Close(func() error {
				return m.rt.Emit(obj, "error", m.newError("listen-error", err.Error()))
			})
		} else {
			ps.addr = addr
			ps.handle.Post(func() error { return m.rt.Emit(obj, "listening") })
		}
	}
	serverState.Set(m.rt, obj, ps)
	return goja.Undefined()
}

// jsClose is natives.closeServer(server).
func (ps *peerServer) jsClose() goja.Value {
	if ps.closed.Swap(true) {
		return goja.Undefined()
	}
	ps.s.Close()
	ps.handle.Close(func() error { return ps.m.rt.Emit(ps.obj, "close") })
	return goja.Undefined()
}

// jsAddress is natives.serverAddress(server).
func (ps *peerServer) jsAddress() goja.Value {
	a, ok := ps.addr.(*net.TCPAddr)
	if !ok {
		return goja.Null()
	}
	o := ps.m.rt.VM.NewObject()
	o.Set("address", a.IP.String())
	o.Set("port", a.Port)
	if a.IP.To4() != nil {
		o.Set("family", "IPv4")
	} else {
		o.Set("family", "IPv6")
	}
	return o
}

// jsClients is natives.serverClients(server).
func (ps *peerServer) jsClients() goja.Value {
	ids := ps.s.ClientIDs()
	vals := make([]any, len(ids))
	for i, id := range ids {
		vals[i] = id
	}
	return ps.m.rt.VM.NewArray(vals...)
}

// serverOptions reads the options of new PeerServer, named as npm peer
// 1.0.2 names them (times in milliseconds).
func serverOptions(o *goja.Object) (server.Options, error) {
	var so server.Options
	so.Key = str(o, "key")
	so.Path = str(o, "path")
	ms := func(name string, dst *time.Duration) error {
		if !given(o, name) {
			return nil
		}
		f := o.Get(name).ToFloat()
		if f < 0 || f != f {
			return fmt.Errorf("%s must be a number of milliseconds, not %v", name, o.Get(name))
		}
		*dst = time.Duration(f * float64(time.Millisecond))
		if *dst == 0 {
			*dst = time.Millisecond
		}
		return nil
	}
	for name, dst := range map[string]*time.Duration{
		"expire_timeout": &so.ExpireTimeout, "alive_timeout": &so.AliveTimeout, "cleanup_out_msgs": &so.CleanupInterval,
	} {
		if err := ms(name, dst); err != nil {
			return so, err
		}
	}
	if given(o, "concurrent_limit") {
		n := o.Get("concurrent_limit").ToInteger()
		if n < 1 {
			return so, fmt.Errorf("concurrent_limit must be at least 1, not %v", o.Get("concurrent_limit"))
		}
		so.ConcurrentLimit = int(n)
	}
	so.AllowDiscovery = given(o, "allow_discovery") && o.Get("allow_discovery").ToBoolean()
	if given(o, "cluster") {
		c, err := clusterOptions(o.Get("cluster"))
		if err != nil {
			return so, err
		}
		so.Cluster = c
	}
	return so, nil
}

// clusterOptions reads options.cluster (docs/scaling.md): true or an object of servers (NATS
// URLs), listen (the embedded NATS server's host:port), name and member_timeout (ms); false
// means no cluster.
func clusterOptions(v goja.Value) (*server.ClusterOptions, error) {
	o, ok := v.(*goja.Object)
	if !ok {
		if v.ToBoolean() {
			return &server.ClusterOptions{}, nil
		}
		return nil, nil
	}
	var c server.ClusterOptions
	if given(o, "servers") {
		list, ok := o.Get("servers").Export().([]any)
		if !ok {
			return nil, fmt.Errorf("cluster.servers must be an array of NATS URLs")
		}
		for _, u := range list {
			s, ok := u.(string)
			if !ok || s == "" {
				return nil, fmt.Errorf("cluster.servers must be an array of NATS URLs, not %v", o.Get("servers"))
			}
			c.Servers = append(c.Servers, s)
		}
	}
	c.Listen = str(o, "listen")
	c.Name = str(o, "name")
	if given(o, "member_timeout") {
		f := o.Get("member_timeout").ToFloat()
		if !(f > 0) {
			return nil, fmt.Errorf("cluster.member_timeout must be a positive number of milliseconds, not %v", o.Get("member_timeout"))
		}
		c.MemberTimeout = time.Duration(f * float64(time.Millisecond))
	}
	return &c, nil
}

// events returns the server's callbacks (called on the loop, inside the
// server's work), which post the JavaScript events connection(id),
// disconnect(id) and error(err) for a later turn.
func (ps *peerServer) events() server.Events {
	m := ps.m
	return server.Events{
		Connection: func(id string) {
			ps.handle.Post(func() error { return m.rt.Emit(ps.obj, "connection", m.rt.VM.ToValue(id)) })
		},
		Disconnect: func(id string) {
			ps.handle.Post(func() error { return m.rt.Emit(ps.obj, "disconnect", m.rt.VM.ToValue(id)) })
		},
		Error: func(err error) {
			ps.handle.Post(func() error { return m.rt.Emit(ps.obj, "error", m.newError("server-error", err.Error())) })
		},
	}
}

// attach serves the PeerServer on a node.http server: the signalling
// WebSocket at {path}peerjs, and the HTTP API under {path} (under
// {path}{key}/ only when path is "/", so that the rest of the site still
// reaches the server's "request" listeners).
func (ps *peerServer) attach(httpServer goja.Value) error {
	s := ps.s
	if err := nodehttp.AttachUpgrade(httpServer, s.WebSocketPath(), ps.serveUpgrade); err != nil {
		return err
	}
	prefix := s.Options().Path
	if prefix == "/" {
		prefix += s.Options().Key + "/"
	}
	return nodehttp.AttachRoute(httpServer, prefix, ps.serveRoute)
}

// serveUpgrade hands a signalling WebSocket to the PeerServer, on the loop (a closed server
// answers 404).
func (ps *peerServer) serveUpgrade(st *netpoll.Stream, head *wire.Head, buffered []byte) error {
	_ = ps.s.ServeStream(st, head, buffered)
	return nil
}

// serveRoute answers a request for the PeerServer's HTTP API.
func (ps *peerServer) serveRoute(head *wire.Head, body []byte) (int, []wire.Header, []byte) {
	if !ps.closed.Load() {
		resp, ok := ps.s.ServeHTTPRequest(server.Request{Method: head.Method, Target: head.Target, Header: fields(head.Headers)})
		if ok {
			hs := make([]wire.Header, len(resp.Header))
			for i, f := range resp.Header {
				hs[i] = wire.Header{Name: f.Name, Value: f.Value}
			}
			return resp.Status, hs, resp.Body
		}
	}
	text := []byte("Not Found")
	return 404, []wire.Header{{Name: "Content-Type", Value: "text/plain"}, {Name: "Content-Length", Value: strconv.Itoa(len(text))}}, text
}

// fields copies request headers into the PeerServer's header type.
func fields(hs []wire.Header) []server.HeaderField {
	out := make([]server.HeaderField, len(hs))
	for i, h := range hs {
		out[i] = server.HeaderField{Name: h.Name, Value: h.Value}
	}
	return out
}
