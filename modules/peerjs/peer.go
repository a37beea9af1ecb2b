package peerjs

import (
	"context"
	"encoding/json"
	"reflect"
	"time"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/modules/peerjs/client"
)

// peer is the native side of one JavaScript Peer. Its fields are touched
// only on the loop.
type peer struct {
	m      *module
	obj    *goja.Object
	core   *client.Peer
	handle *loop.Handle

	signalling bool // connected or connecting to the server
	destroying bool // destroy() ran; Close is on its way
	closed     bool // Close arrived; the handle is closed
	conns      map[*client.DataConnection]*conn
}

// conn is the native side of one JavaScript DataConnection.
type conn struct {
	p    *peer
	core *client.DataConnection // nil for a connection the core refused
	obj  *goja.Object
}

// jsPeer is natives.peer(peerObject, id, options, configJSON): it starts a
// core Peer whose events become the object's events, and makes it the
// object's Go side (for natives.connect, destroy, disconnect, reconnect
// and listAllPeers).
func (m *module) jsPeer(c goja.FunctionCall) goja.Value {
	vm := m.rt.VM
	obj := c.Argument(0).ToObject(vm)
	id := c.Argument(1).String()
	opts, err := m.peerOptions(c.Argument(2), c.Argument(3))
	if err != nil {
		panic(vm.NewTypeError("new Peer: %v", err))
	}
	p := &peer{m: m, obj: obj, handle: m.rt.Loop.NewHandle(), signalling: true, conns: map[*client.DataConnection]*conn{}}
	p.core = client.NewPeer(id, opts, p.events())
	peerState.Set(m.rt, obj, p)
	return goja.Undefined()
}

// jsDestroy is natives.destroy(peer).
func (p *peer) jsDestroy() goja.Value {
	if !p.closed {
		p.destroying = true
		p.updateRef()
	}
	p.core.Destroy()
	return goja.Undefined()
}

// jsDisconnect is natives.disconnect(peer).
func (p *peer) jsDisconnect() goja.Value {
	p.core.Disconnect()
	return goja.Undefined()
}

// jsReconnect is natives.reconnect(peer).
func (p *peer) jsReconnect() goja.Value {
	if err := p.core.Reconnect(); err != nil {
		p.m.rt.EmitJS(p.obj, "error", p.m.coreError(err))
		return goja.Undefined()
	}
	if !p.closed {
		p.signalling = true
		p.updateRef()
	}
	return goja.Undefined()
}

// peerOptions reads the options of new Peer; configText is
// JSON.stringify(options.config) or undefined.
func (m *module) peerOptions(v, configText goja.Value) (client.Options, error) {
	var o client.Options
	// Loopback candidates let two Peers on one machine meet without a
	// network; mDNS needs multicast, which test machines and namespaces
	// lack. Both can be turned back: {loopback: false, mdns: true}.
	o.IncludeLoopback, o.DisableMDNS = true, true
	o.Log = func(line string) { m.rt.Out.Stderr.WriteString("PeerJS: " + line + "\n") }
	o.Loop = m.rt.Loop // the signalling socket runs on the program's loop
	if configText != nil && !goja.IsUndefined(configText) {
		cfg, err := client.ConfigFromJSON([]byte(configText.String()))
		if err != nil {
			return o, err
		}
		o.Config = cfg
	}
	opts, ok := v.(*goja.Object)
	if !ok {
		return o, nil
	}
	o.Host = str(opts, "host")
	if given(opts, "port") {
		o.Port = int(opts.Get("port").ToInteger())
	}
	o.Path = str(opts, "path")
	o.Key = str(opts, "key")
	o.Secure = given(opts, "secure") && opts.Get("secure").ToBoolean()
	o.Token = str(opts, "token")
	if given(opts, "pingInterval") {
		o.PingInterval = time.Duration(opts.Get("pingInterval").ToFloat() * float64(time.Millisecond))
	}
	if given(opts, "loopback") {
		o.IncludeLoopback = opts.Get("loopback").ToBoolean()
	}
	if given(opts, "mdns") {
		o.DisableMDNS = !opts.Get("mdns").ToBoolean()
	}
	// iceTimeouts: {disconnected, failed, keepAlive} in ms (earlynode's own;
	// see client.ICETimeouts).
	if it, ok := opts.Get("iceTimeouts").(*goja.Object); ok {
		ms := func(name string) time.Duration {
			if !given(it, name) {
				return 0
			}
			return time.Duration(it.Get(name).ToFloat() * float64(time.Millisecond))
		}
		o.ICETimeouts = client.ICETimeouts{Disconnected: ms("disconnected"), Failed: ms("failed"), KeepAlive: ms("keepAlive")}
	}
	if given(opts, "debug") {
		d := opts.Get("debug")
		if d.ExportType() != nil && d.ExportType().Kind() == reflect.Bool {
			if d.ToBoolean() {
				o.Debug = 3
			}
		} else {
			o.Debug = int(d.ToInteger())
		}
	}
	return o, nil
}

// events returns the core callbacks: each posts its event to the loop. The
// core calls them one at a time, in order, so the posts keep that order.
func (p *peer) events() client.Events {
	post := p.handle.Post
	return client.Events{
		Open: func(id string) {
			post(func() error { return p.m.call(p.m.hooks.peerOpen, p.obj, p.m.rt.VM.ToValue(id)) })
		},
		Connection: func(c *client.DataConnection) {
			post(func() error {
				cn, err := p.newConn(c)
				if err != nil {
					return err
				}
				return p.m.call(p.m.hooks.peerConnection, p.obj, cn.obj)
			})
		},
		Error: func(e *client.Error) {
			post(func() error { return p.m.call(p.m.hooks.peerError, p.obj, p.m.coreError(e)) })
		},
		Disconnected: func(id string) {
			post(func() error {
				p.signalling = false
				p.updateRef()
				return p.m.call(p.m.hooks.peerDisconnected, p.obj, p.m.rt.VM.ToValue(id))
			})
		},
		Close: func() {
			post(func() error {
				p.closed = true
				p.handle.Close(nil)
				return p.m.call(p.m.hooks.peerClose, p.obj)
			})
		},
		ConnectionOpen: func(c *client.DataConnection) {
			post(func() error {
				if cn := p.conns[c]; cn != nil {
					return p.m.call(p.m.hooks.connectionOpen, cn.obj)
				}
				return nil
			})
		},
		ConnectionData: func(c *client.DataConnection, msg client.Message) {
			post(func() error {
				cn := p.conns[c]
				if cn == nil {
					return nil
				}
				v, err := p.m.messageValue(msg)
				if err != nil {
					return p.m.call(p.m.hooks.connectionError, cn.obj, p.m.newError(string(client.ErrInvalidMessage), err.Error()))
				}
				return p.m.rt.Emit(cn.obj, "data", v)
			})
		},
		ConnectionError: func(c *client.DataConnection, e *client.Error) {
			post(func() error {
				if cn := p.conns[c]; cn != nil {
					return p.m.call(p.m.hooks.connectionError, cn.obj, p.m.coreError(e))
				}
				return nil
			})
		},
		ConnectionClose: func(c *client.DataConnection) {
			post(func() error {
				cn := p.conns[c]
				if cn == nil {
					return nil
				}
				delete(p.conns, c)
				p.updateRef()
				return p.m.call(p.m.hooks.connectionClose, cn.obj)
			})
		},
	}
}

// updateRef keeps the loop alive while the peer is connected to its
// server, has live connections, or is being destroyed.
func (p *peer) updateRef() {
	if p.closed {
		return
	}
	if p.signalling || p.destroying || len(p.conns) > 0 {
		p.handle.Ref()
	} else {
		p.handle.Unref()
	}
}

// newConn makes the JavaScript DataConnection of a core connection and
// registers it.
func (p *peer) newConn(c *client.DataConnection) (*conn, error) {
	vm := p.m.rt.VM
	cn := &conn{p: p, core: c}
	var meta goja.Value = goja.Undefined()
	if md := c.Metadata(); md != nil {
		meta = vm.ToValue(string(md))
	}
	localID := p.obj.Get("id")
	if localID == nil {
		localID = goja.Undefined()
	}
	obj, err := p.m.hooks.makeConn(goja.Undefined(), p.obj, localID,
		vm.ToValue(c.ConnectionID()), vm.ToValue(c.Peer()), vm.ToValue(c.Label()), meta,
		vm.ToValue(string(c.Serialization())), vm.ToValue(c.Reliable()))
	if err != nil {
		return nil, err
	}
	cn.obj = obj.ToObject(vm)
	connState.Set(p.m.rt, cn.obj, cn)
	p.conns[c] = cn
	p.updateRef()
	return cn, nil
}

// jsConnect is peer.connect's native half: natives.connect(peer, remote,
// label, metadataJSON, serialization, reliable, metadataError) ->
// DataConnection. A connection
// the core refuses (unknown serialization, no id, a disconnected peer), or
// whose metadata has no JSON form, is returned closed, with the peer's
// "error" and the connection's "close" following.
func (p *peer) jsConnect(c goja.FunctionCall) goja.Value {
	remote := c.Argument(1).String()
	co := client.ConnectOptions{
		Label:         c.Argument(2).String(),
		Serialization: c.Argument(4).String(),
		Reliable:      c.Argument(5).ToBoolean(),
	}
	if mv := c.Argument(3); !goja.IsUndefined(mv) {
		co.Metadata = json.RawMessage(mv.String())
	}
	// The seed's name "none" is PeerJS 1.5's "raw" on the wire; the
	// connection keeps the name it was asked for.
	asked := co.Serialization
	if me := c.Argument(6); !goja.IsUndefined(me) {
		return p.refused(remote, co, asked, &client.Error{Type: "invalid-metadata", Message: me.String()})
	}
	core, err := p.core.Connect(remote, co)
	if err != nil {
		return p.refused(remote, co, asked, err)
	}
	cn, jerr := p.newConn(core)
	if jerr != nil {
		panic(jerr)
	}
	if asked == "none" {
		cn.obj.Set("serialization", "none")
	}
	return cn.obj
}

// refused returns a DataConnection that never opens, for a connect the
// core refused: the peer's "error" and the connection's "close" follow on
// the loop, as a failed dial's do.
func (p *peer) refused(remote string, co client.ConnectOptions, asked string, err error) goja.Value {
	vm := p.m.rt.VM
	var meta goja.Value = goja.Undefined()
	if co.Metadata != nil {
		meta = vm.ToValue(string(co.Metadata))
	}
	localID := p.obj.Get("id")
	if localID == nil {
		localID = goja.Undefined()
	}
	label := co.Label
	obj, cerr := p.m.hooks.makeConn(goja.Undefined(), p.obj, localID, vm.ToValue(""), vm.ToValue(remote),
		vm.ToValue(label), meta, vm.ToValue(asked), vm.ToValue(co.Reliable))
	if cerr != nil {
		panic(cerr)
	}
	o := obj.ToObject(vm)
	connState.Set(p.m.rt, o, &conn{p: p, obj: o})
	errObj := p.m.coreError(err)
	p.handle.Post(func() error {
		if err := p.m.call(p.m.hooks.peerError, p.obj, errObj); err != nil {
			return err
		}
		return p.m.rt.Emit(o, "close")
	})
	return o
}

// jsListAllPeers is natives.listAllPeers(peer, callback).
func (p *peer) jsListAllPeers(c goja.FunctionCall) goja.Value {
	cb, _ := goja.AssertFunction(c.Argument(1))
	core := p.core
	p.m.rt.Loop.Go(func() loop.Callback {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		ids, err := core.ListAllPeers(ctx)
		return func() error {
			if err != nil {
				if err := p.m.call(p.m.hooks.peerError, p.obj, p.m.coreError(err)); err != nil {
					return err
				}
				ids = nil
			}
			vals := make([]any, len(ids))
			for i, id := range ids {
				vals[i] = id
			}
			_, err := p.m.rt.Call(cb, goja.Undefined(), p.m.rt.VM.NewArray(vals...))
			return err
		}
	})
	return goja.Undefined()
}

// coreError turns an error of the core into a JavaScript Error with a
// `type` (PeerJS's error types; "webrtc" for anything else).
func (m *module) coreError(err error) *goja.Object {
	if e, ok := err.(*client.Error); ok {
		return m.newError(string(e.Type), e.Error())
	}
	return m.newError(string(client.ErrWebRTC), err.Error())
}
