// Package events is require("events"): Node 20's EventEmitter (the unhandled "error" throw,
// once, prepend(Once)Listener, listenerCount, eventNames, rawListeners, setMaxListeners and the
// leak warning, errorMonitor, events.once's promise). It is a class of its own: node.EventEmitter
// of 0.1.0 programs (runtime/events.go) keeps 0.1.0's behaviour.
package events

import (
	_ "embed"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

//go:embed events.js
var eventsJS string

// Install registers the "events" package.
func Install(rt *runtime.Runtime) {
	rt.RegisterPackage("events", func(rt *runtime.Runtime) goja.Value {
		return rt.LoadGlue("core/events/events.js", eventsJS, runtime.Natives{
			"inspect": func(c goja.FunctionCall) goja.Value {
				return rt.VM.ToValue(runtime.Inspect(c.Argument(0), runtime.InspectOptions{Depth: 2, Runtime: rt.VM}))
			},
		}).Exports
	})
}
