package process

import (
	"github.com/dop251/goja"

	"earlynode/runtime"
)

// Install makes require("process") throw: the process object is written on unix system calls
// (signals, umask, getrusage, termios) and has no windows implementation; the `process` global
// is not set.
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("process", func(rt *runtime.Runtime) goja.Value {
		panic(rt.NewError("require('process') is not supported on windows yet"))
	})
}
