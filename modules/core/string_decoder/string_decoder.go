// Package string_decoder is require("string_decoder"): Node 20's StringDecoder, which turns
// Buffers arriving in pieces into strings without cutting a character (utf8, utf16le) or a
// base64 group in two (docs/modern-buffer-and-modules.md).
package string_decoder

import (
	_ "embed"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

//go:embed string_decoder.js
var decoderJS string

// Install registers the "string_decoder" package.
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("string_decoder", func(rt *runtime.Runtime) goja.Value {
		return rt.LoadGlue("core/string_decoder/string_decoder.js", decoderJS, runtime.Natives{
			"Buffer": rt.VM.GlobalObject().Get("Buffer"),
		}).Exports
	})
}
