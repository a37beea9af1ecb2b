package runtime

import (
	_ "embed"
	"fmt"
	"sort"
	"sync"

	"github.com/dop251/goja"
)

// The one way a module's Go side and its JavaScript glue meet (see "Writing a module" in the
// package documentation): LoadGlue runs a glue file with the module's Natives and the runtime's
// helpers and hands back its exports and hooks; a State keeps an object's Go side on the object.

//go:embed js/helpers.js
var helpersJS string

// GluePrefix starts the name of every glue file, so that stack traces name it:
// "earlynode:fs/file.js".
const GluePrefix = "earlynode:"

// Natives is the native half of a glue file: what it calls into, by name. A value is a Go
// function with one of goja's fast signatures, func(goja.FunctionCall) goja.Value (or
// func(goja.ConstructorCall) *goja.Object for a constructor), or a goja.Value made in Go (a
// prototype or constructor built in Go for a hot path, a constant). A native the glue installs
// as a method reads its object from call.This; the others take it as their first argument.
type Natives map[string]any

// Glue is a glue file after it ran.
type Glue struct {
	// Name is the file's full name, as stack traces show it ("earlynode:fs/file.js").
	Name string
	// Exports is what the file made for scripts: a namespace, a constructor, an instance.
	Exports *goja.Object

	hooks *goja.Object
}

// glueProgram is a compiled glue file; it is shared by every runtime.
type glueProgram struct {
	src  string
	prog *goja.Program
}

var gluePrograms sync.Map // full name -> *glueProgram

// compileGlue compiles a glue file once per process.
func compileGlue(full, src string) *goja.Program {
	if p, ok := gluePrograms.Load(full); ok && p.(*glueProgram).src == src {
		return p.(*glueProgram).prog
	}
	prog, err := goja.Compile(full, src, false)
	if err != nil {
		panic(fmt.Sprintf("runtime: glue %s: %v", full, err))
	}
	gluePrograms.Store(full, &glueProgram{src: src, prog: prog})
	return prog
}

// LoadGlue runs the glue file src, named GluePrefix+name ("fs/file.js": the module's
// directory and the file's name). src is one function expression,
//
//	(function (natives, runtime) {
//	  ...
//	  return { exports: ..., hooks: { name: function, ... } };
//	})
//
// which is called with an object holding natives and with the runtime's helpers (see the
// package documentation); hooks may be left out. A glue file that does not compile, throws,
// or returns no exports object is a bug of the module: LoadGlue panics naming the file.
func (rt *Runtime) LoadGlue(name, src string, natives Natives) *Glue {
	full := GluePrefix + name
	fnv, err := rt.VM.RunProgram(compileGlue(full, src))
	if err != nil {
		panic(fmt.Sprintf("runtime: glue %s: %v", full, err))
	}
	fn, ok := goja.AssertFunction(fnv)
	if !ok {
		panic(fmt.Sprintf("runtime: glue %s is not a function expression (function (natives, runtime) {...})", full))
	}
	nat := rt.nativesObject(full, natives)
	lib := rt.glueLib
	if lib == nil {
		lib = rt.VM.NewObject() // helpers.js itself
	}
	res, err := fn(goja.Undefined(), nat, lib)
	if err != nil {
		panic(fmt.Sprintf("runtime: glue %s: %v", full, err))
	}
	out, ok := res.(*goja.Object)
	if !ok {
		panic(fmt.Sprintf("runtime: glue %s returned %v, not {exports, hooks}", full, res))
	}
	g := &Glue{Name: full}
	if g.Exports, ok = out.Get("exports").(*goja.Object); !ok {
		panic(fmt.Sprintf("runtime: glue %s returned no exports object", full))
	}
	if h := out.Get("hooks"); h != nil && !goja.IsUndefined(h) {
		if g.hooks, ok = h.(*goja.Object); !ok {
			panic(fmt.Sprintf("runtime: glue %s: its hooks are not an object", full))
		}
	}
	return g
}

// nativesObject makes the natives argument of a glue file (properties in name order).
func (rt *Runtime) nativesObject(full string, natives Natives) *goja.Object {
	o := rt.VM.NewObject()
	names := make([]string, 0, len(natives))
	for name := range natives {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		switch v := natives[name].(type) {
		case func(goja.FunctionCall) goja.Value, func(goja.ConstructorCall) *goja.Object:
			o.Set(name, v)
		case goja.Value:
			o.Set(name, v)
		default:
			panic(fmt.Sprintf("runtime: glue %s: native %q is a %T, not a func(goja.FunctionCall) goja.Value or a goja.Value", full, name, v))
		}
	}
	return o
}

// Hook returns the glue's hook name, a function Go calls (with rt.Call from the loop, directly
// from inside a JavaScript call). A hook the glue did not return is a bug of the module: Hook
// panics naming the file and the hook, so ask for every hook when the glue is loaded.
func (g *Glue) Hook(name string) goja.Callable {
	if g.hooks != nil {
		if fn, ok := goja.AssertFunction(g.hooks.Get(name)); ok {
			return fn
		}
	}
	panic(fmt.Sprintf("runtime: glue %s returned no hook %q (a function in its hooks)", g.Name, name))
}

// installHelpers runs js/helpers.js: the first part of the runtime argument every glue file
// gets. events.js and stream.js add the rest.
func (rt *Runtime) installHelpers() {
	g := rt.LoadGlue("runtime/helpers.js", helpersJS, Natives{"later": rt.later})
	rt.glueLib = g.Exports
}

// later is the helper later(fn): fn runs on a later turn of the loop, with no arguments.
func (rt *Runtime) later(c goja.FunctionCall) goja.Value {
	if fn, ok := goja.AssertFunction(c.Argument(0)); ok {
		rt.Post(func() error {
			_, err := rt.Call(fn, goja.Undefined())
			return err
		})
	}
	return goja.Undefined()
}

// State is one kind of Go side that JavaScript objects carry: a *T under a hidden symbol of
// its own (not enumerable, not copied by Object.assign). Make one per kind, at package level:
//
//	var connState = runtime.NewState[*Connection]("tcp.Connection")
//
//	connState.Set(rt, obj, c)           // when the object is made
//	c, ok := connState.Get(call.This)   // in its natives
type State[T any] struct {
	sym *goja.Symbol
}

// NewState returns a new kind of Go side; kind names it in the symbol's description
// ("earlynode.tcp.Connection").
func NewState[T any](kind string) *State[T] {
	return &State[T]{sym: goja.NewSymbol("earlynode." + kind)}
}

// Set gives obj its Go side v (replacing any it had).
func (s *State[T]) Set(rt *Runtime, obj *goja.Object, v T) {
	obj.DefineDataPropertySymbol(s.sym, rt.VM.ToValue(v), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// Get returns the Go side of v, or false when v is not an object that carries one.
func (s *State[T]) Get(v goja.Value) (T, bool) {
	var zero T
	o, ok := v.(*goja.Object)
	if !ok {
		return zero, false
	}
	h := o.GetSymbol(s.sym)
	if h == nil {
		return zero, false
	}
	x, ok := h.Export().(T)
	return x, ok
}
