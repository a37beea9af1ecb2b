// Package buffer is require("buffer"): Node 20's buffer module (Buffer, SlowBuffer, constants,
// kMaxLength, kStringMaxLength, INSPECT_MAX_BYTES, atob, btoa, isUtf8, isAscii, transcode), made with the
// global Buffer by the runtime (runtime/buffer.go).
package buffer

import (
	"github.com/dop251/goja"

	"earlynode/runtime"
)

// Install registers the "buffer" package.
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("buffer", func(rt *runtime.Runtime) goja.Value { return rt.BufferModule() })
}
