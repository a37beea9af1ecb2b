package os

import (
	"github.com/dop251/goja"

	"earlynode/runtime"
)

// Install registers "os" and "node:os" as modules whose require throws: require("os") is
// written on unix system calls (uname, getpriority, /proc) and has no windows implementation.
func Install(rt *runtime.Runtime) {
	fail := func(rt *runtime.Runtime) goja.Value {
		panic(rt.NewError("require('os') is not supported on windows yet"))
	}
	rt.RegisterPackage("os", fail)
	rt.RegisterPackage("node:os", fail)
}
