// Package peerjs is require("peerjs"): Peer, DataConnection and PeerServer for JavaScript,
// with the API shape of the 2013 PeerJS API reference on PeerJS 1.5.5's wire protocol
// (docs/wire/peerjs.md, API shape), so that a script's Peer talks to PeerJS in browsers and in Node.
//
// The shape lives in peerjs.js; the mechanism is the Go core, package earlynode/modules/peerjs/client
// (signalling, WebRTC on pion, the binary/json/raw serializations) and
// earlynode/modules/peerjs/server (the PeerServer). The core reports a Peer's events in order
// from a goroutine of its own; each is posted to the loop, where it becomes a JavaScript event.
// A Peer holds a loop handle while it is connected to its server or has live connections.
//
// Values cross at the edge (package earlynode/modules/binarypack/jsvalue, in PeerJS's dialect):
// send packs JavaScript values straight into BinaryPack bytes, and received BinaryPack values
// become JavaScript values as PeerJS 1.5.5 makes them (binary data as ArrayBuffer).
package peerjs

import (
	_ "embed"

	"github.com/dop251/goja"

	"earlynode/modules/binarypack/jsvalue"
	"earlynode/runtime"
)

//go:embed peerjs.js
var peerjsJS string

// Install registers the built-in package "peerjs".
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("peerjs", load)
}

// module is the package's state in one runtime.
type module struct {
	rt        *runtime.Runtime
	packer    *jsvalue.Bridge
	parse     goja.Callable // JSON.parse
	stringify goja.Callable // JSON.stringify
	jsonObj   goja.Value
	hooks     hooks
}

// hooks are the functions of peerjs.js the natives call: makeConnection, and the _on* methods
// of Peer and DataConnection (called with `this` the object).
type hooks struct {
	makeConn                                                    goja.Callable
	peerOpen, peerConnection, peerError, peerDisconnected       goja.Callable
	peerClose, connectionOpen, connectionError, connectionClose goja.Callable
}

// The Go sides of Peer, DataConnection and PeerServer objects.
var (
	peerState   = runtime.NewState[*peer]("peerjs.Peer")
	connState   = runtime.NewState[*conn]("peerjs.DataConnection")
	serverState = runtime.NewState[*peerServer]("peerjs.PeerServer")
)

func load(rt *runtime.Runtime) goja.Value {
	vm := rt.VM
	m := &module{rt: rt, packer: jsvalue.New(rt, jsvalue.Options{Dialect: jsvalue.PeerJSBinaryPack, Raw: jsvalue.RawArrayBuffer})}
	jsonObj := vm.Get("JSON").ToObject(vm)
	m.jsonObj = jsonObj
	m.parse, _ = goja.AssertFunction(jsonObj.Get("parse"))
	m.stringify, _ = goja.AssertFunction(jsonObj.Get("stringify"))
	g := rt.LoadGlue("peerjs/peerjs.js", peerjsJS, m.natives())
	m.hooks = hooks{
		makeConn:         g.Hook("makeConnection"),
		peerOpen:         g.Hook("peerOpen"),
		peerConnection:   g.Hook("peerConnection"),
		peerError:        g.Hook("peerError"),
		peerDisconnected: g.Hook("peerDisconnected"),
		peerClose:        g.Hook("peerClose"),
		connectionOpen:   g.Hook("connectionOpen"),
		connectionError:  g.Hook("connectionError"),
		connectionClose:  g.Hook("connectionClose"),
	}
	return g.Exports
}

// natives is what peerjs.js calls into; each takes the Peer, DataConnection or PeerServer it
// acts on first.
func (m *module) natives() runtime.Natives {
	vm := m.rt.VM
	peerOf := func(c goja.FunctionCall) *peer {
		p, ok := peerState.Get(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("not a Peer"))
		}
		return p
	}
	connOf := func(c goja.FunctionCall) *conn {
		cn, ok := connState.Get(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("not a DataConnection"))
		}
		return cn
	}
	serverOf := func(c goja.FunctionCall) *peerServer {
		ps, ok := serverState.Get(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("not a PeerServer"))
		}
		return ps
	}
	return runtime.Natives{
		"peer":            m.jsPeer,
		"connect":         func(c goja.FunctionCall) goja.Value { return peerOf(c).jsConnect(c) },
		"destroy":         func(c goja.FunctionCall) goja.Value { return peerOf(c).jsDestroy() },
		"disconnect":      func(c goja.FunctionCall) goja.Value { return peerOf(c).jsDisconnect() },
		"reconnect":       func(c goja.FunctionCall) goja.Value { return peerOf(c).jsReconnect() },
		"listAllPeers":    func(c goja.FunctionCall) goja.Value { return peerOf(c).jsListAllPeers(c) },
		"send":            func(c goja.FunctionCall) goja.Value { return connOf(c).jsSend(c) },
		"close":           func(c goja.FunctionCall) goja.Value { return connOf(c).jsClose() },
		"closeAfterFlush": func(c goja.FunctionCall) goja.Value { return connOf(c).jsCloseAfterFlush() },
		"bufferedAmount":  func(c goja.FunctionCall) goja.Value { return connOf(c).jsBufferedAmount() },
		"server":          m.jsServer,
		"closeServer":     func(c goja.FunctionCall) goja.Value { return serverOf(c).jsClose() },
		"serverAddress":   func(c goja.FunctionCall) goja.Value { return serverOf(c).jsAddress() },
		"serverClients":   func(c goja.FunctionCall) goja.Value { return serverOf(c).jsClients() },
	}
}

// newError returns an Error with a `type` property, as PeerJS's errors have.
func (m *module) newError(typ, msg string) *goja.Object {
	e := m.rt.NewError(msg)
	e.Set("type", typ)
	return e
}

// call calls the hook fn with `this` obj from the loop.
func (m *module) call(fn goja.Callable, obj *goja.Object, args ...goja.Value) error {
	_, err := m.rt.Call(fn, obj, args...)
	return err
}

// str returns o[name] as a string, or "" when it is undefined or null.
func str(o *goja.Object, name string) string {
	v := o.Get(name)
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}

// given reports whether o[name] is neither undefined nor null.
func given(o *goja.Object, name string) bool {
	v := o.Get(name)
	return v != nil && !goja.IsUndefined(v) && !goja.IsNull(v)
}
