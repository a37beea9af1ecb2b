package runtime

import (
	"reflect"

	"github.com/dop251/goja"

	"earlynode/loop"
)

// goja runs the jobs its promises queue (the microtasks: promise reactions, and so
// process.nextTick and queueMicrotask) when a call made from Go at top level returns, and keeps
// them meanwhile in an unexported field. Timers fire inside one call into JavaScript (Batch)
// as long as none is queued: reading the queue's length is the only way to know, so it is read
// by reflection, and without the field (another goja) timers fire one call each, as before.

// jobQueueField is the index of goja.Runtime's job queue field, or -1.
var jobQueueField = func() int {
	f, ok := reflect.TypeOf(goja.Runtime{}).FieldByName("jobQueue")
	if !ok || f.Type != reflect.TypeOf([]func(){}) || len(f.Index) != 1 {
		return -1
	}
	return f.Index[0]
}()

// microtasksQueued reports whether goja holds jobs to run when the current call returns.
// Call it only when jobQueueField >= 0.
func (rt *Runtime) microtasksQueued() bool {
	return rt.vmValue.Field(jobQueueField).Len() > 0
}

// installTimerBatch makes the loop fire due timers inside one Batch, returning from it (so
// that goja runs the microtasks) after any callback that queued some, or threw from one, or
// asked to exit: each timer's microtasks still run before the next timer, as in Node.
func (rt *Runtime) installTimerBatch() {
	if jobQueueField < 0 {
		return
	}
	rt.vmValue = reflect.ValueOf(rt.VM).Elem()
	rt.Loop.SetTimerBatch(loop.TimerBatch{
		Run: rt.Batch,
		Yield: func() bool {
			return rt.microtasksQueued() || len(rt.deferred) > 0 || rt.exiting
		},
	})
}
