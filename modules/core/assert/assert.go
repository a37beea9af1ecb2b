// Package assert is require("assert") and require("assert/strict"): Node 20's assertions
// with AssertionError and Node's messages, diffs included, for the everyday cases
// (docs/modern-buffer-and-modules.md). Deep equality and inspection are util's.
package assert

import (
	_ "embed"

	"github.com/dop251/goja"

	"earlynode/modules/core/util"
	"earlynode/runtime"
)

//go:embed assert.js
var assertJS string

// Install registers the "assert" and "assert/strict" packages. It needs util's package.
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("assert", func(rt *runtime.Runtime) goja.Value {
		return rt.LoadGlue("core/assert/assert.js", assertJS, runtime.Natives{
			"util":      rt.Package("util"),
			"deepEqual": util.DeepEqual(rt),
		}).Exports
	})
	rt.RegisterPackage("assert/strict", func(rt *runtime.Runtime) goja.Value {
		return rt.Package("assert").ToObject(rt.VM).Get("strict")
	})
}
