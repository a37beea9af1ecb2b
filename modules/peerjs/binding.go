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
	"fmt"

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
	makeConn  goja.Callable // peerjs.js's makeConnection
	parse     goja.Callable // JSON.parse
	stringify goja.Callable // JSON.stringify
	jsonObj   goja.Value
}

func load(rt *runtime.Runtime) goja.Value {
	vm := rt.VM
	m := &module{rt: rt, packer: jsvalue.New(rt, jsvalue.Options{Dialect: jsvalue.PeerJSBinaryPack, Raw: jsvalue.RawArrayBuffer})}
	jsonObj := vm.Get("JSON").ToObject(vm)
	m.jsonObj = jsonObj
	m.parse, _ = goja.AssertFunction(jsonObj.Get("parse"))
	m.stringify, _ = goja.AssertFunction(jsonObj.Get("stringify"))
	v, err := vm.RunScript("peerjs.js", peerjsJS)
	if err != nil {
		panic(fmt.Sprintf("peerjs: %v", err))
	}
	mk, _ := goja.AssertFunction(v)
	exportsV, err := mk(goja.Undefined(), m.natives(), rt.Node().Get("EventEmitter"))
	if err != nil {
		panic(fmt.Sprintf("peerjs: %v", err))
	}
	exports := exportsV.ToObject(vm)
	m.makeConn, _ = goja.AssertFunction(exports.Get("_makeConnection"))
	exports.Delete("_makeConnection")
	return exports
}

// natives is the object peerjs.js calls into.
func (m *module) natives() *goja.Object {
	n := m.rt.VM.NewObject()
	n.Set("peer", m.jsPeer)
	n.Set("server", m.jsServer)
	n.Set("later", func(c goja.FunctionCall) goja.Value {
		if fn, ok := goja.AssertFunction(c.Argument(0)); ok {
			m.rt.Post(func() error {
				_, err := m.rt.Call(fn, goja.Undefined())
				return err
			})
		}
		return goja.Undefined()
	})
	return n
}

// newError returns an Error with a `type` property, as PeerJS's errors have.
func (m *module) newError(typ, msg string) *goja.Object {
	e := m.rt.NewError(msg)
	e.Set("type", typ)
	return e
}

// callMethod calls obj[name](args...) from the loop.
func (m *module) callMethod(obj *goja.Object, name string, args ...goja.Value) error {
	fn, ok := goja.AssertFunction(obj.Get(name))
	if !ok {
		return nil
	}
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
