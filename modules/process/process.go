// Package process is node.createProcess and node.Process of Node 0.1.0: a child runs the
// command line through /bin/sh -c with pipes on its stdin, stdout and stderr. Its stdout and
// stderr arrive as "output" and "error" events (UTF-8 strings, then null at the end of each
// stream), and "exit" with the exit status (or the number of the signal that killed it) after
// both streams have ended. A running child keeps the program alive. node.SIG* are the signals.
package process

import (
	_ "embed"
	"syscall"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

//go:embed process.js
var processJS string

// module is node.Process installed in one runtime.
type module struct {
	rt   *runtime.Runtime
	vm   *goja.Runtime
	ctor *goja.Object
}

// childState is the Go side of a node.Process.
var childState = runtime.NewState[*child]("process.Child")

// Install adds node.Process, node.createProcess and the node.SIG* constants.
func Install(rt *runtime.Runtime) {
	vm := rt.VM
	m := &module{rt: rt, vm: vm}
	node := rt.Node()
	for _, name := range Signals {
		if sig := signalNum(name); sig != 0 {
			node.Set(name, int(sig))
		}
	}

	m.ctor = rt.LoadGlue("process/process.js", processJS, runtime.Natives{
		"spawn": m.spawn,
		"write": m.method(m.write),
		"close": m.method(m.close),
		"kill":  m.method(m.kill),
	}).Exports
	node.Set("Process", m.ctor)
	node.Set("createProcess", func(c goja.FunctionCall) goja.Value {
		o, err := vm.New(m.ctor, c.Argument(0))
		if err != nil {
			panic(err)
		}
		return o
	})
}

// spawn is the constructor's body: spawn(this, command).
func (m *module) spawn(c goja.FunctionCall) goja.Value {
	obj, ok := c.Argument(0).(*goja.Object)
	if !ok {
		panic(m.vm.NewTypeError("node.Process must be called with new"))
	}
	cmd := c.Argument(1)
	if _, isStr := cmd.Export().(string); !isStr {
		panic(m.vm.NewTypeError("createProcess(command): the command must be a string, not " + describe(cmd)))
	}
	ch := startChild(m, obj, cmd.String())
	childState.Set(m.rt, obj, ch)
	obj.Set("pid", ch.pid)
	return goja.Undefined()
}

// method turns a method on the Go side of a child into a native method of the prototype.
func (m *module) method(fn func(ch *child, c goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		ch, ok := childState.Get(c.This)
		if !ok {
			panic(m.vm.NewTypeError("not a node.Process (call write, close and kill on a process)"))
		}
		return fn(ch, c)
	}
}

// write is process.write(data, encoding="ascii"): it queues data for the child's stdin and
// returns true, or false once stdin has been closed.
func (m *module) write(ch *child, c goja.FunctionCall) goja.Value {
	enc, err := runtime.ParseEncoding(c.Argument(1), runtime.ASCII)
	if err != nil {
		panic(m.vm.NewTypeError("process.write: " + err.Error()))
	}
	data, err := m.rt.BytesOf(c.Argument(0), enc)
	if err != nil {
		panic(m.vm.NewTypeError("process.write: " + err.Error()))
	}
	if _, isStr := c.Argument(0).Export().(string); !isStr {
		data = append([]byte(nil), data...)
	}
	return m.vm.ToValue(ch.stdin.write(data))
}

// close is process.close(): the child's stdin is closed once what was written has reached it.
func (m *module) close(ch *child, c goja.FunctionCall) goja.Value {
	ch.stdin.close()
	return goja.Undefined()
}

// kill is process.kill(signal=node.SIGTERM); it returns false when the child has already ended.
func (m *module) kill(ch *child, c goja.FunctionCall) goja.Value {
	sig := syscall.SIGTERM
	if v := c.Argument(0); !goja.IsUndefined(v) && !goja.IsNull(v) {
		s, err := ParseSignal(v.Export())
		if err != nil {
			panic(m.vm.NewTypeError("process.kill: " + err.Error()))
		}
		sig = s
	}
	return m.vm.ToValue(ch.signal(sig))
}

// describe renders a value for a message.
func describe(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	return v.String()
}
