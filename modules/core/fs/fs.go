//go:build linux

// Package fs is Node 20's require("fs") (also "node:fs" and "fs/promises"): the callback,
// synchronous and promise forms of the everyday file system calls, Stats and Dirent, and
// createReadStream/createWriteStream. See docs/modern-fs-os-crypto.md.
//
// Each call is one native that reads its arguments on the loop (throwing Node's TypeError for
// a wrong one) and makes a work function of plain Go values. Called with a callback first, the
// native runs the work on the loop's pool (rt.Loop.Do) and calls back on the loop; without,
// it runs the work at once and returns or throws. fs.js makes the three forms from that.
package fs

import (
	_ "embed"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/runtime"
)

//go:embed fs.js
var fsJS string

// result makes the values a call answers with, on the loop: the callback's arguments after
// err, the first of which the synchronous form returns.
type result func() []goja.Value

// work is one call's system work, run off the loop (or at once by the synchronous form); it
// must not touch JavaScript values. A nil result means the call answers nothing.
type work func() (result, error)

// module is require("fs") in one runtime.
type module struct {
	rt *runtime.Runtime
	vm *goja.Runtime

	stats, dirent goja.Callable // fs.js's makers of Stats and Dirent objects
	isView        goja.Callable // ArrayBuffer.isView, as it was when the module loaded
}

// Install registers "fs", "node:fs", "fs/promises" and "node:fs/promises".
func Install(rt *runtime.Runtime) {
	var exports goja.Value
	fsLoad := func(rt *runtime.Runtime) goja.Value {
		if exports == nil {
			exports = loadFS(rt)
		}
		return exports
	}
	promises := func(rt *runtime.Runtime) goja.Value {
		return fsLoad(rt).ToObject(rt.VM).Get("promises")
	}
	rt.RegisterPackage("fs", fsLoad)
	rt.RegisterPackage("node:fs", fsLoad)
	rt.RegisterPackage("fs/promises", promises)
	rt.RegisterPackage("node:fs/promises", promises)
}

// loadFS makes the module's Go side and runs its glue.
func loadFS(rt *runtime.Runtime) goja.Value {
	m := &module{rt: rt, vm: rt.VM}
	m.isView, _ = goja.AssertFunction(rt.VM.Get("ArrayBuffer").ToObject(rt.VM).Get("isView"))
	g := rt.LoadGlue("core/fs/fs.js", fsJS, m.natives())
	m.stats = g.Hook("stats")
	m.dirent = g.Hook("dirent")
	return g.Exports
}

// run answers one call: on the pool and through cb when the native's first argument is a
// function, else at once (returning the first value, or throwing the error).
func (m *module) run(c goja.FunctionCall, w work) goja.Value {
	cb, async := goja.AssertFunction(c.Argument(0))
	if !async {
		res, err := w()
		if err != nil {
			throw(m.rt, err)
		}
		if res == nil {
			return goja.Undefined()
		}
		if vals := res(); len(vals) > 0 {
			return vals[0]
		}
		return goja.Undefined()
	}
	m.rt.Loop.Do(func() loop.Callback {
		res, err := w()
		return func() error {
			if err != nil {
				_, cerr := m.rt.Call(cb, goja.Undefined(), errorValue(m.rt, err))
				return cerr
			}
			args := []goja.Value{goja.Null()}
			if res != nil {
				args = append(args, res()...)
			}
			_, cerr := m.rt.Call(cb, goja.Undefined(), args...)
			return cerr
		}
	})
	return goja.Undefined()
}

// one is a result of one value made on the loop.
func one(make func() goja.Value) result {
	return func() []goja.Value { return []goja.Value{make()} }
}
