package runtime

import (
	"path"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
	"github.com/dop251/goja_nodejs/require"
)

// installGlobals adds 0.1.0's helpers (puts, print, p, node.debug, node.exit, node.path,
// Array.prototype.encodeUtf8) and the later-Node conveniences (console, Buffer).
func (rt *Runtime) installGlobals() {
	vm := rt.VM
	g := vm.GlobalObject()
	out := rt.Out
	g.Set("puts", func(c goja.FunctionCall) goja.Value {
		out.Stdout.WriteString(argString(c, 0) + "\n")
		return goja.Undefined()
	})
	g.Set("print", func(c goja.FunctionCall) goja.Value {
		out.Stdout.WriteString(argString(c, 0))
		return goja.Undefined()
	})
	g.Set("p", func(c goja.FunctionCall) goja.Value {
		out.Stdout.WriteString(rt.JSONString(c.Argument(0)) + "\n")
		return goja.Undefined()
	})
	rt.node.Set("debug", func(c goja.FunctionCall) goja.Value {
		out.Stderr.WriteSync([]byte("DEBUG: " + argString(c, 0) + "\n"))
		return goja.Undefined()
	})
	rt.node.Set("exit", func(c goja.FunctionCall) goja.Value {
		code := 0
		if len(c.Arguments) > 0 && !goja.IsUndefined(c.Argument(0)) {
			code = int(c.Argument(0).ToInteger())
		}
		rt.exiting, rt.exitCode = true, code
		vm.Interrupt(exitRequest{code: code})
		return goja.Undefined()
	})

	p := vm.NewObject()
	p.Set("join", func(c goja.FunctionCall) goja.Value {
		parts := make([]string, 0, len(c.Arguments))
		for _, a := range c.Arguments {
			if s := a.String(); s != "" {
				parts = append(parts, s)
			}
		}
		if len(parts) == 0 {
			return vm.ToValue(".")
		}
		return vm.ToValue(path.Join(parts...))
	})
	p.Set("dirname", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(path.Dir(argString(c, 0)))
	})
	p.Set("filename", func(c goja.FunctionCall) goja.Value {
		s := argString(c, 0)
		return vm.ToValue(s[strings.LastIndexByte(s, '/')+1:])
	})
	rt.node.Set("path", p)

	arrayProto := g.Get("Array").ToObject(vm).Get("prototype").ToObject(vm)
	arrayProto.DefineDataProperty("encodeUtf8", vm.ToValue(func(c goja.FunctionCall) goja.Value {
		arr := c.This.ToObject(vm)
		n := int(arr.Get("length").ToInteger())
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteRune(rune(arr.Get(strconv.Itoa(i)).ToInteger()))
		}
		return vm.ToValue(b.String())
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)

	console := vm.NewObject()
	logTo := func(s *Stream) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			s.WriteString(rt.Format(c.Arguments) + "\n")
			return goja.Undefined()
		}
	}
	console.Set("log", logTo(out.Stdout))
	console.Set("info", logTo(out.Stdout))
	console.Set("debug", logTo(out.Stdout))
	console.Set("warn", logTo(out.Stderr))
	console.Set("error", logTo(out.Stderr))
	g.Set("console", console)

	// Buffer (goja_nodejs) is made on first use: it costs start-up time most scripts don't need.
	rt.Lazy(g, "Buffer", func() goja.Value {
		old := g.Get("require")
		req := new(require.Registry).Enable(vm) // sets a global require: put the old one back
		mod, err := req.Require("buffer")
		if old != nil {
			g.Set("require", old)
		} else {
			g.Delete("require")
		}
		if err != nil {
			panic(err)
		}
		return rt.legacyBuffer(mod.ToObject(vm).Get("Buffer"))
	})
}

// Lazy defines obj[name] as a value made by make on first access (then stored as a plain,
// writable property). For parts of the API whose set-up costs start-up time.
func (rt *Runtime) Lazy(obj *goja.Object, name string, make func() goja.Value) {
	var getter, setter goja.Value
	getter = rt.VM.ToValue(func(c goja.FunctionCall) goja.Value {
		v := make()
		obj.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		return v
	})
	setter = rt.VM.ToValue(func(c goja.FunctionCall) goja.Value {
		obj.DefineDataProperty(name, c.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		return goja.Undefined()
	})
	obj.DefineAccessorProperty(name, getter, setter, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// NewBuffer returns a Node Buffer viewing data (not copied).
func (rt *Runtime) NewBuffer(data []byte) *goja.Object {
	if rt.bufferOf == nil {
		rt.VM.GlobalObject().Get("Buffer") // makes Buffer and bufferOf
		if rt.bufferOf == nil {            // a program replaced Buffer before it was made
			return buffer.WrapBytes(rt.VM, data)
		}
	}
	return rt.bufferOf(data)
}

// JSONString is JSON.stringify(v) ("undefined" when it gives undefined); it panics with the
// JavaScript exception (for example on a cycle), so use it inside JavaScript calls.
func (rt *Runtime) JSONString(v goja.Value) string {
	js, _ := rt.VM.Get("JSON").(*goja.Object)
	stringify, _ := goja.AssertFunction(js.Get("stringify"))
	r, err := stringify(js, v)
	if err != nil {
		panic(err)
	}
	if r == nil || goja.IsUndefined(r) {
		return "undefined"
	}
	return r.String()
}

func argString(c goja.FunctionCall, i int) string {
	if i >= len(c.Arguments) {
		return "undefined"
	}
	return c.Arguments[i].String()
}
