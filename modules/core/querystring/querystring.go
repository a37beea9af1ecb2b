// Package querystring is require("querystring"): Node 20's parse/decode, stringify/encode,
// escape and unescape of URL query strings (docs/modern-buffer-and-modules.md).
package querystring

import (
	_ "embed"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

//go:embed querystring.js
var querystringJS string

// Install registers the "querystring" package.
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("querystring", func(rt *runtime.Runtime) goja.Value {
		return rt.LoadGlue("core/querystring/querystring.js", querystringJS, runtime.Natives{
			"Buffer": rt.VM.GlobalObject().Get("Buffer"),
		}).Exports
	})
}
