// Package util is require("util"): Node 20's format (every %-directive), inspect (the
// runtime's Inspect, util.inspect's layout), inherits, promisify (and its custom symbol),
// callbackify, deprecate, types, isDeepStrictEqual, TextEncoder/TextDecoder and the legacy
// is* checks (docs/modern-buffer-and-modules.md).
package util

import (
	_ "embed"
	"math"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

//go:embed util.js
var utilJS string

// Install registers the "util" package.
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("util", func(rt *runtime.Runtime) goja.Value {
		g := rt.LoadGlue("core/util/util.js", utilJS, runtime.Natives{
			"inspect": func(c goja.FunctionCall) goja.Value { return inspect(rt, c) },
		})
		deepEqual := g.Hook("deepEqual")
		deepEqualState.Set(rt, g.Exports, &sharedFn{rt.VM.ToValue(func(c goja.FunctionCall) goja.Value {
			r, err := deepEqual(goja.Undefined(), c.Arguments...)
			if err != nil {
				panic(err)
			}
			return r
		})})
		return g.Exports
	})
}

// deepEqualState keeps util's deepEqual(a, b, strict) on util's exports, for assert.
var deepEqualState = runtime.NewState[*sharedFn]("util.deepEqual")

// sharedFn is a JavaScript function util shares with a sibling module.
type sharedFn struct{ fn goja.Value }

// DeepEqual returns util's deepEqual(a, b, strict): Node's deep equality, strict or loose,
// which assert shares.
func DeepEqual(rt *runtime.Runtime) goja.Value {
	if s, ok := deepEqualState.Get(rt.Package("util")); ok {
		return s.fn
	}
	panic("util: deepEqual is missing from util's exports")
}

// inspect(value, depth, colors) renders value as util.inspect does; depth null or Infinity
// means no limit.
func inspect(rt *runtime.Runtime, c goja.FunctionCall) goja.Value {
	depth := 2
	if d := c.Argument(1); goja.IsNull(d) {
		depth = math.MaxInt32
	} else if !goja.IsUndefined(d) {
		f := d.ToFloat()
		switch {
		case f > math.MaxInt32 || math.IsInf(f, 1):
			depth = math.MaxInt32
		case f < 0 || math.IsNaN(f):
			depth = -1
		default:
			depth = int(f)
		}
	}
	opts := runtime.InspectOptions{Depth: depth, Colors: c.Argument(2).ToBoolean(), Runtime: rt.VM}
	return rt.VM.ToValue(runtime.Inspect(c.Argument(0), opts))
}
