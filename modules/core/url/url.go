// Package url is require("url"): WHATWG URL and URLSearchParams (goja_nodejs's, or the
// global ones when the runtime has them, so that both are the same class), domainToASCII,
// domainToUnicode, fileURLToPath, pathToFileURL, urlToHttpOptions, and the legacy url.parse,
// url.format and url.resolve (docs/modern-buffer-and-modules.md).
package url

import (
	_ "embed"

	"github.com/dop251/goja"
	gojaurl "github.com/dop251/goja_nodejs/url"

	"earlynode/runtime"
)

//go:embed url.js
var urlJS string

// Install registers the "url" package; it needs querystring's.
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("url", func(rt *runtime.Runtime) goja.Value {
		whatwg := rt.VM.NewObject()
		module := rt.VM.NewObject()
		module.Set("exports", whatwg)
		gojaurl.Require(rt.VM, module)
		return rt.LoadGlue("core/url/url.js", urlJS, runtime.Natives{
			"whatwg":      whatwg,
			"querystring": rt.Package("querystring"),
			"path":        rt.Package("path"),
		}).Exports
	})
}
