// Package path is require("path") and require("path/posix"): Node 20's POSIX path functions,
// with path.posix (docs/modern-buffer-and-modules.md).
package path

import (
	_ "embed"
	"os"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

//go:embed path.js
var pathJS string

// Install registers the "path" and "path/posix" packages.
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("path", func(rt *runtime.Runtime) goja.Value {
		return rt.LoadGlue("core/path/path.js", pathJS, runtime.Natives{"cwd": cwd(rt)}).Exports
	})
	rt.RegisterPackage("path/posix", func(rt *runtime.Runtime) goja.Value { return rt.Package("path") })
}

// cwd is the process's working directory, for path.resolve.
func cwd(rt *runtime.Runtime) func(goja.FunctionCall) goja.Value {
	return func(goja.FunctionCall) goja.Value {
		d, err := os.Getwd()
		if err != nil {
			panic(rt.VM.NewGoError(err))
		}
		return rt.VM.ToValue(d)
	}
}
