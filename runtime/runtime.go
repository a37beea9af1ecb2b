// Package runtime is earlynode's JavaScript world: the goja VM, the globals of Node 0.1.0, the
// module loader, fatal-error reports and encodings. It owns one loop.Loop; every JS value is
// touched only on the loop's goroutine.
package runtime

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"

	"github.com/dop251/goja"

	"earlynode/loop"
)

//go:embed js/events.js
var eventsJS string

// Version is the version string `node --version` prints.
const Version = "earlynode 0.1.0"

// Options configures a Runtime.
type Options struct {
	// Argv is the script's argument vector: ARGV = ["node", script, Argv...].
	Argv []string
	// Stdout and Stderr receive the process's output; nil means os.Stdout and os.Stderr.
	Stdout, Stderr io.Writer
	// Workers bounds the loop's pool for blocking requests; 0 picks a default.
	Workers int
}

// Runtime is one JavaScript program with its event loop.
type Runtime struct {
	// VM is the goja runtime. Use it only on the loop goroutine.
	VM *goja.Runtime
	// Loop is the event loop every callback runs on.
	Loop *loop.Loop
	// Out holds the ordered stdout and stderr streams.
	Out *Output

	opts      Options
	node      *goja.Object
	emitter   *goja.Object // node.EventEmitter
	emitterP  *goja.Object // node.EventEmitter.prototype
	promise   *goja.Object // node.Promise
	promiseP  *goja.Object
	emitv     goja.Callable
	packages  map[string]*pkg
	sources   map[string]string // file name -> source, for error reports
	main      *module
	timerP    *goja.Object
	exitCode  int
	exiting   bool
	onExitRun bool
	exitHooks []func()

	streamsKit   *streams                  // node.Stream, made on first use (stream.go)
	glueLib      *goja.Object              // the runtime argument of glue files (native.go)
	bufferModule *goja.Object              // require("buffer"), made with the global Buffer (buffer.go)
	bufferOf     func([]byte) *goja.Object // NewBuffer's constructor call, made with it too
	commonJS     *commonJS                 // require.cache and require.main (commonjs.go)
	lifecycle    *Lifecycle                // the process module's hooks (lifecycle.go)
	exitHeard    bool                      // the Exit hook has run
	rejections   *rejectionTracker
	deferred     []goja.Value  // exceptions thrown by nextTick/microtask callbacks (ThrowSoon)
	thrower      goja.Callable // function (e) { throw e; }

	calls      callCache // the functions last called as listeners (events.go)
	timerCalls callCache // the functions last given to setTimeout and setInterval (timers.go)
	batch      batchState
	vmValue    reflect.Value // *VM, for microtasksQueued (microtasks.go)
}

// New makes a runtime with every global of Node 0.1.0 installed; modules add their parts with
// their own Install functions before Run.
func New(opts Options) *Runtime {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	rt := &Runtime{
		VM:       goja.New(),
		Loop:     loop.New(opts.Workers),
		opts:     opts,
		packages: map[string]*pkg{},
		sources:  map[string]string{},
	}
	rt.Out = NewOutput(opts.Stdout, opts.Stderr)
	rt.VM.SetFieldNameMapper(goja.UncapFieldNameMapper())
	// Runaway recursion ends the program with Node's RangeError at a depth like Node's,
	// instead of growing the heap until the machine runs out of memory.
	rt.VM.SetMaxCallStackSize(MaxCallDepth)
	rt.node = rt.VM.NewObject()
	rt.VM.Set("node", rt.node)
	rt.installHelpers()
	rt.installEvents()
	rt.installStreams()
	rt.installGlobals()
	rt.installTimers()
	rt.installTimerBatch()
	rt.installRejectionTracker()
	rt.installModulePackage()
	return rt
}

// Node returns the `node` namespace object, where modules add node.tcp, node.fs, ...
func (rt *Runtime) Node() *goja.Object { return rt.node }

// Post queues fn to run on the loop; safe from any goroutine. An error it returns is fatal.
func (rt *Runtime) Post(fn loop.Callback) { rt.Loop.Post(fn) }

// OnExit registers a Go hook run once when the program ends, after the modules' onExit
// (for example to remove a socket file). Hooks run in reverse order of registration.
func (rt *Runtime) OnExit(hook func()) { rt.exitHooks = append(rt.exitHooks, hook) }

func (rt *Runtime) installEvents() {
	g := rt.LoadGlue("runtime/events.js", eventsJS, nil)
	o := g.Exports
	rt.emitter = o.Get("EventEmitter").ToObject(rt.VM)
	rt.emitterP = rt.emitter.Get("prototype").ToObject(rt.VM)
	rt.promise = o.Get("Promise").ToObject(rt.VM)
	rt.promiseP = rt.promise.Get("prototype").ToObject(rt.VM)
	rt.emitv = g.Hook("emitv")
	rt.node.Set("EventEmitter", rt.emitter)
	rt.node.Set("Promise", rt.promise)
	rt.glueLib.Set("EventEmitter", rt.emitter)
	rt.glueLib.Set("Promise", rt.promise)
}

// Run loads the script at path as the main module, runs the loop until it drains, runs the
// onExit hooks and returns the process's exit code. Output is flushed before it returns.
func (rt *Runtime) Run(path string) int {
	src, err := os.ReadFile(path)
	if err != nil {
		rt.Out.Stderr.WriteString(fmt.Sprintf("node: cannot read script %s: %v\n", path, unwrapPathError(err)))
		rt.Out.Flush()
		return 1
	}
	return rt.RunSource(path, string(src))
}

// RunSource is Run with the main module's source given (for --eval and tests).
func (rt *Runtime) RunSource(filename, src string) int {
	rt.VM.Set("ARGV", rt.argv(filename))
	code := rt.finish(rt.afterMain(rt.loadMain(filename, src)))
	return code
}

func (rt *Runtime) argv(script string) []any {
	a := []any{"node", script}
	for _, s := range rt.opts.Argv {
		a = append(a, s)
	}
	return a
}

// finish runs the loop after the main module's body, then the exit hooks, and decides the code.
func (rt *Runtime) finish(err error) int {
	if err == nil {
		err = rt.Loop.Run()
	}
	err = rt.runLifecycle(err)
	var exit *ExitError
	switch {
	case err == nil:
		rt.exitCode = rt.drainedCode()
		if herr := rt.runOnExit(); herr != nil {
			return rt.finish(herr)
		}
	case errors.As(err, &exit):
		rt.exitCode = exit.Code
		if herr := rt.runOnExit(); herr != nil {
			return rt.finish(herr)
		}
	default:
		rt.Out.Stderr.WriteString(rt.reportFatal(err))
		rt.exitCode = 1
	}
	rt.exitCode = rt.exitWith(rt.exitCode)
	for i := len(rt.exitHooks) - 1; i >= 0; i-- {
		rt.exitHooks[i]()
	}
	rt.exitHooks = nil
	rt.Out.Flush()
	return rt.exitCode
}

// ExitError stops the loop with an exit code: node.exit(code).
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit %d", e.Code) }

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// MaxCallDepth is the deepest JavaScript call stack a program may build (Node's default stack
// holds roughly 10,000 frames of a simple recursive function); past it the program ends with
// "RangeError: Maximum call stack size exceeded".
const MaxCallDepth = 10000
