package fs

import (
	"runtime"

	"github.com/dop251/goja"

	earlyrt "earlynode/runtime"
)

// unsupported lists node.fs's functions and the node globals this package would set: on
// windows each throws an Error saying so (node.fs is built on POSIX descriptors).
var unsupported = []string{"rename", "stat", "unlink", "rmdir", "mkdir", "open", "close", "read", "write", "cat", "File"}

// Install adds node.fs and node.cat as functions that throw "node.fs is not supported on
// windows".
func Install(rt *earlyrt.Runtime) {
	vm := rt.VM
	msg := "node.fs is not supported on " + runtime.GOOS
	fail := func(goja.FunctionCall) goja.Value { panic(vm.NewGoError(errorString(msg))) }
	obj := vm.NewObject()
	for _, name := range unsupported {
		obj.Set(name, fail)
	}
	node := rt.Node()
	node.Set("fs", obj)
	if v := node.Get("cat"); v == nil || goja.IsUndefined(v) {
		node.Set("cat", fail)
	}
}

// errorString is an error that is only a message.
type errorString string

func (e errorString) Error() string { return string(e) }
