package runtime

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// The program's life as Node 20's process object reports it: beforeExit when the loop drains,
// exit with the code, uncaughtException and unhandledRejection. The process module (made on
// first use) sets the hooks; without them the runtime behaves as it always has, except that an
// unhandled promise rejection ends the program with status 1, as in Node 20.

// Lifecycle is what the process module hears of the program's life. Every hook is optional
// and runs on the loop goroutine.
type Lifecycle struct {
	// BeforeExit runs when the loop has drained (not after an exit or a fatal error); the
	// listeners may schedule more work, and the loop then runs again. It returns what rt.Call
	// returns (an uncaught exception, an exit).
	BeforeExit func(code int) error
	// Exit runs once when the program ends with code; it returns the code to exit with (a
	// listener may change process.exitCode).
	Exit func(code int) int
	// ExitCode gives the status for a program whose loop drained (process.exitCode).
	ExitCode func() int
	// Uncaught is offered a thrown value that escaped to the loop; handled reports that
	// listeners took it (the program goes on), err a failure of the listeners themselves.
	Uncaught func(thrown goja.Value) (handled bool, err error)
	// UnhandledRejection is offered a promise rejected with nobody to handle it.
	UnhandledRejection func(reason goja.Value, promise goja.Value) (handled bool, err error)
}

// SetLifecycle installs the hooks of the process module.
func (rt *Runtime) SetLifecycle(l *Lifecycle) { rt.lifecycle = l }

// rejectionTracker watches promises rejected without a handler: each is checked on a later
// turn of the loop, once the microtasks that could still handle it have run.
type rejectionTracker struct {
	pending []*goja.Promise
	handled map[*goja.Promise]bool
}

// installRejectionTracker makes an unhandled promise rejection an error, as in Node 20.
func (rt *Runtime) installRejectionTracker() {
	tr := &rejectionTracker{handled: map[*goja.Promise]bool{}}
	rt.rejections = tr
	rt.VM.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) {
		switch op {
		case goja.PromiseRejectionReject:
			if len(tr.pending) == 0 {
				rt.Post(func() error { return rt.checkRejections(tr) })
			}
			tr.pending = append(tr.pending, p)
			delete(tr.handled, p)
		case goja.PromiseRejectionHandle:
			tr.handled[p] = true
		}
	})
}

// afterMain checks the rejections of the main script's body at once, before any timer can
// run, as Node does after the main module.
func (rt *Runtime) afterMain(err error) error {
	if err != nil || rt.rejections == nil || len(rt.rejections.pending) == 0 {
		return err
	}
	return rt.checkRejections(rt.rejections)
}

// checkRejections reports the rejections still unhandled: to unhandledRejection listeners,
// else as the error that ends the program.
func (rt *Runtime) checkRejections(tr *rejectionTracker) error {
	list := tr.pending
	tr.pending = nil
	for _, p := range list {
		if tr.handled[p] {
			delete(tr.handled, p)
			continue
		}
		reason := p.Result()
		if l := rt.lifecycle; l != nil && l.UnhandledRejection != nil {
			handled, err := l.UnhandledRejection(reason, rt.VM.ToValue(p))
			if err != nil {
				return err
			}
			if handled {
				continue
			}
		}
		return &FatalError{Err: &UnhandledRejection{report: rt.rejectionReport(reason)}}
	}
	return nil
}

// UnhandledRejection is a promise rejected with nobody to handle it: it ends the program with
// status 1 and Node 20's report.
type UnhandledRejection struct{ report string }

func (e *UnhandledRejection) Error() string { return e.report }

// rejectionReport is what Node 20 prints for an unhandled rejection: an Error's stack, or for
// any other value the ERR_UNHANDLED_REJECTION text quoting it.
func (rt *Runtime) rejectionReport(reason goja.Value) (s string) {
	defer func() {
		if recover() != nil {
			s = "Error: a promise was rejected and not handled (its reason could not be read)"
		}
	}()
	if o, ok := reason.(*goja.Object); ok {
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			return rt.stackReport(st.String())
		}
	}
	shown := Inspect(reason, InspectOptions{Depth: 2})
	if _, isStr := reason.Export().(string); isStr {
		shown = reason.String()
	}
	return fmt.Sprintf("UnhandledPromiseRejection: This error originated either by throwing inside of an async "+
		"function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise "+
		"rejected with the reason \"%s\". {\n  code: 'ERR_UNHANDLED_REJECTION'\n}", shown)
}

// stackFrame is one "at name (file:line:col(pc))" line of a goja Error's stack property.
var stackFrame = regexp.MustCompile(`^\s*at (?:(.*?) \()?(.+):(\d+):(\d+)(?:\(\d+\))?\)?$`)

// stackReport formats an Error's stack property as fatal reports are (see Report): the place
// and source line of the first frame in a script, the message, and the frames with the
// columns of the scripts' own text.
func (rt *Runtime) stackReport(stack string) string {
	lines := strings.Split(strings.TrimRight(stack, "\n"), "\n")
	var head, frames []string
	place := false
	var b strings.Builder
	for _, l := range lines {
		m := stackFrame.FindStringSubmatch(l)
		if m == nil {
			if len(frames) == 0 {
				head = append(head, l)
			}
			continue
		}
		name, file := m[1], m[2]
		line, _ := strconv.Atoi(m[3])
		col, _ := strconv.Atoi(m[4])
		shown := col
		_, isScript := rt.sources[file]
		if isScript && line == 1 && col > len(wrapperHead) {
			shown -= len(wrapperHead) // the wrapper's head shares a module's first line
		}
		if isScript && !place {
			place = true
			rt.writeSourceLine(&b, file, line, col) // which makes the same correction
		}
		if name == "" {
			name = "<anonymous>"
		}
		frames = append(frames, fmt.Sprintf("    at %s (%s:%d:%d)", name, file, line, shown))
	}
	b.WriteString(strings.Join(head, "\n"))
	for _, f := range frames {
		b.WriteString("\n" + f)
	}
	return b.String()
}

// runLifecycle goes on from the loop's first result: an uncaught exception the listeners
// handle lets the loop run on; a drained loop hears beforeExit and runs again if the listeners
// gave it work. Exceptions thrown by nextTick and microtask callbacks (ThrowSoon) come before
// anything else the loop would run. It returns the error that ends the program, or nil.
func (rt *Runtime) runLifecycle(err error) error {
	for {
		if err == nil {
			err = rt.takeDeferred()
		}
		l := rt.lifecycle
		if err != nil {
			var fe *FatalError
			var ex *goja.Exception
			if l == nil || l.Uncaught == nil || !errors.As(err, &fe) || !errors.As(fe, &ex) {
				return err
			}
			handled, herr := l.Uncaught(ex.Value())
			if herr != nil {
				return herr
			}
			if !handled {
				return err
			}
			err = nil
			if len(rt.deferred) == 0 {
				err = rt.Loop.Run()
			}
			continue
		}
		if l == nil || l.BeforeExit == nil {
			return nil
		}
		code := 0
		if l.ExitCode != nil {
			code = l.ExitCode()
		}
		if err = l.BeforeExit(code); err != nil || len(rt.deferred) > 0 {
			continue
		}
		if !rt.Loop.Alive() {
			return nil
		}
		err = rt.Loop.Run()
	}
}

// ThrowSoon makes v an uncaught exception as soon as the current callback of the loop (and its
// microtasks) has run, before any timer or I/O: what a throw inside a process.nextTick or
// queueMicrotask callback is in Node.
func (rt *Runtime) ThrowSoon(v goja.Value) { rt.deferred = append(rt.deferred, v) }

// takeDeferred returns the first exception ThrowSoon recorded, as the error a loop callback
// returns for an uncaught exception; nil when there is none.
func (rt *Runtime) takeDeferred() error {
	if len(rt.deferred) == 0 {
		return nil
	}
	v := rt.deferred[0]
	rt.deferred = rt.deferred[1:]
	if rt.thrower == nil {
		t, err := rt.VM.RunString("(function (e) { throw e; })")
		if err != nil {
			return &FatalError{Err: err}
		}
		rt.thrower, _ = goja.AssertFunction(t)
	}
	_, err := rt.thrower(goja.Undefined(), v)
	if err == nil {
		return nil
	}
	return rt.wrapError(err)
}

// exitWith gives the Exit hook its say on the final code.
func (rt *Runtime) exitWith(code int) int {
	if l := rt.lifecycle; l != nil && l.Exit != nil && !rt.exitHeard {
		rt.exitHeard = true
		return l.Exit(code)
	}
	return code
}

// drainedCode is the status of a program whose loop drained: process.exitCode, else 0.
func (rt *Runtime) drainedCode() int {
	if l := rt.lifecycle; l != nil && l.ExitCode != nil {
		return l.ExitCode()
	}
	return 0
}

// reportFatal formats the error that ends the program (see Report).
func (rt *Runtime) reportFatal(err error) string {
	var ur *UnhandledRejection
	if errors.As(err, &ur) {
		return ur.report + "\n"
	}
	return rt.Report(err)
}
