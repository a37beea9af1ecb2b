//go:build !linux

package fs

import (
	goruntime "runtime"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// Install registers "fs", "node:fs", "fs/promises" and "node:fs/promises" as modules whose
// require throws: require("fs") is built on Linux's system calls (statx, ...) and has no
// implementation for this system yet.
func Install(rt *runtime.Runtime) {
	fail := func(rt *runtime.Runtime) goja.Value {
		panic(rt.NewError("require('fs') is not supported on " + goruntime.GOOS + " yet"))
	}
	for _, name := range []string{"fs", "node:fs", "fs/promises", "node:fs/promises"} {
		rt.RegisterPackage(name, fail)
	}
}
