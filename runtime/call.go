package runtime

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// exitRequest is the interrupt value node.exit uses to unwind the running JavaScript.
type exitRequest struct{ code int }

// Call calls fn from the loop (a listener, a timer, a promise callback, an onLoad or onExit).
// An exception escaping fn comes back as a *FatalError and node.exit as an *ExitError: return
// either from the loop callback to stop the program. Go code running inside a JavaScript call
// (a native function) must call fn directly instead, so that exceptions reach the JS caller.
func (rt *Runtime) Call(fn goja.Callable, this goja.Value, args ...goja.Value) (goja.Value, error) {
	v, err := fn(this, args...)
	if err := rt.Uncaught(err); err != nil {
		return nil, err
	}
	return v, nil
}

// Batch runs fn, which calls JavaScript functions from the loop (with Call, Emit, ...), inside
// one call into JavaScript, and returns fn's error as a loop callback returns it. The
// functions fn calls are then nested calls, which goja makes without building its value stack
// anew for each (a call from the loop at top level drops the stack when it returns), and the
// microtasks they queue run once, after fn, as Node runs them after the callback that
// delivers a whole read's messages. A Batch inside a Batch is fn().
func (rt *Runtime) Batch(fn func() error) error {
	if rt.batch.body != nil {
		return fn()
	}
	if rt.batch.enter == nil {
		v, err := rt.VM.RunString("(function (run) { run(); })")
		if err != nil {
			return &FatalError{Err: err}
		}
		rt.batch.enter, _ = goja.AssertFunction(v)
		rt.batch.run = rt.VM.ToValue(func(goja.FunctionCall) goja.Value {
			rt.batch.err = rt.batch.body()
			return goja.Undefined()
		})
	}
	rt.batch.body, rt.batch.err = fn, nil
	_, err := rt.batch.enter(goja.Undefined(), rt.batch.run)
	inner := rt.batch.err
	rt.batch.body, rt.batch.err = nil, nil
	if inner != nil {
		return inner
	}
	return rt.Uncaught(err)
}

// batchState is what Batch keeps: its JavaScript entry, made on first use, and the run under
// way.
type batchState struct {
	enter goja.Callable // function (run) { run(); }
	run   goja.Value    // the native function that calls body
	body  func() error  // the fn of the Batch under way, nil outside one
	err   error         // what body returned
}

// Uncaught is how a module reports, from a loop callback, an error that must end the program
// as an uncaught exception does: err is what a JavaScript function the module called directly
// returned (an exception, node.exit's interrupt; nil for a normal return), and the result is
// the error for the callback to return (a *FatalError, an *ExitError for node.exit, or nil).
// Call, Emit, Resolve and Reject do this themselves; an error already made by them passes
// unchanged.
func (rt *Runtime) Uncaught(err error) error {
	if err != nil {
		return rt.wrapError(err)
	}
	if len(rt.deferred) > 0 {
		return rt.takeDeferred() // thrown by a nextTick or microtask callback (lifecycle.go)
	}
	if rt.exiting {
		// node.exit ran as the function's last act: its interrupt may not have been seen.
		rt.VM.ClearInterrupt()
		rt.exiting = false
		return &ExitError{Code: rt.exitCode}
	}
	return nil
}

// FatalError is an exception that escaped to the loop, or a syntax error, or a module that
// could not be loaded. Report formats it.
type FatalError struct {
	// Err is the goja error (*goja.Exception, *goja.CompilerSyntaxError) or a loader error.
	Err error
}

// Error is the error's text. A thrown value whose text cannot be read (its toString throws)
// reads as a placeholder.
func (e *FatalError) Error() (msg string) {
	defer func() {
		if recover() != nil {
			msg = "uncaught exception (its value could not be read)"
		}
	}()
	return e.Err.Error()
}

// Unwrap returns the wrapped error, but not a JavaScript exception: goja's Exception.Unwrap
// inspects the thrown value, which runs JavaScript that may throw (a Proxy); As finds it.
func (e *FatalError) Unwrap() error {
	if _, ok := e.Err.(*goja.Exception); ok {
		return nil
	}
	return e.Err
}

// As finds the *goja.Exception a FatalError wraps (see Unwrap).
func (e *FatalError) As(target any) bool {
	if p, ok := target.(**goja.Exception); ok {
		if ex, ok := e.Err.(*goja.Exception); ok {
			*p = ex
			return true
		}
	}
	return false
}

func (rt *Runtime) wrapError(err error) error {
	if ex, ok := err.(*goja.Exception); ok {
		return &FatalError{Err: ex} // not through errors.As: see FatalError.Unwrap
	}
	var intr *goja.InterruptedError
	if errors.As(err, &intr) {
		if req, ok := intr.Value().(exitRequest); ok {
			rt.VM.ClearInterrupt()
			rt.exiting = false
			return &ExitError{Code: req.code}
		}
	}
	var fe *FatalError
	var exit *ExitError
	if errors.As(err, &fe) || errors.As(err, &exit) {
		return err
	}
	return &FatalError{Err: err}
}

// Report formats a fatal error for stderr: the position, the source line with a caret under the
// column, the message and the JavaScript stack.
func (rt *Runtime) Report(err error) string {
	var b strings.Builder
	var ex *goja.Exception
	var syn *SyntaxError
	var deep *goja.StackOverflowError
	switch {
	case errors.As(err, &deep):
		stack := deep.Stack()
		for _, f := range stack {
			pos := f.Position()
			if _, ok := rt.sources[pos.Filename]; ok && pos.Line > 0 {
				rt.writeSourceLine(&b, pos.Filename, pos.Line, pos.Column)
				break
			}
		}
		b.WriteString("RangeError: Maximum call stack size exceeded\n")
		rt.writeStack(&b, stack[:min(len(stack), 10)])
	case errors.As(err, &syn):
		rt.writeSourceLine(&b, syn.File, syn.Line, syn.Col)
		fmt.Fprintf(&b, "SyntaxError: %s\n", syn.Message)
	case errors.As(err, &ex):
		for _, f := range ex.Stack() {
			pos := f.Position()
			if _, ok := rt.sources[pos.Filename]; ok && pos.Line > 0 {
				rt.writeSourceLine(&b, pos.Filename, pos.Line, pos.Column)
				break
			}
		}
		b.WriteString(rt.exceptionMessage(ex))
		b.WriteByte('\n')
		rt.writeStack(&b, ex.Stack())
	default:
		fmt.Fprintf(&b, "Error: %v\n", err)
	}
	return b.String()
}

// writeStack writes the frames of a JavaScript stack, one "    at name (file:line:col)" each.
func (rt *Runtime) writeStack(b *strings.Builder, stack []goja.StackFrame) {
	for _, f := range stack {
		var fb strings.Builder
		pos := f.Position()
		name := f.FuncName()
		if name == "" {
			name = "<anonymous>"
		}
		if pos.Filename == "" {
			continue
		}
		col := pos.Column
		if _, isModule := rt.sources[pos.Filename]; isModule && pos.Line == 1 && col > len(wrapperHead) {
			col -= len(wrapperHead)
		}
		fmt.Fprintf(&fb, "    at %s (%s:%d:%d)\n", name, pos.Filename, pos.Line, col)
		b.WriteString(fb.String())
	}
}

// exceptionMessage is "Name: message" for Error objects and, for any other thrown value,
// "Uncaught " and the value as console.log shows it. Reading the value runs JavaScript (a
// getter, a toString, a Proxy trap) that may itself throw: the report then says so instead of
// failing.
func (rt *Runtime) exceptionMessage(ex *goja.Exception) (msg string) {
	v := ex.Value()
	if v == nil {
		return ex.Error()
	}
	defer func() {
		if r := recover(); r != nil {
			msg = "Uncaught exception (its value could not be read: reading it threw too)"
		}
	}()
	o, ok := v.(*goja.Object)
	if !ok {
		return "Uncaught " + v.String()
	}
	if o.ClassName() == "Error" {
		name, message := o.Get("name"), o.Get("message")
		if name != nil && message != nil && !goja.IsUndefined(message) {
			return name.String() + ": " + message.String()
		}
	}
	return "Uncaught " + Inspect(v, InspectOptions{Depth: 0, Console: true})
}

// writeSourceLine writes "file:line:col", the source line and a caret under the column.
func (rt *Runtime) writeSourceLine(b *strings.Builder, file string, line, col int) {
	src, ok := rt.sources[file]
	if ok && line == 1 && col > len(wrapperHead) {
		col -= len(wrapperHead) // modules are compiled with the wrapper's head on their first line
	}
	fmt.Fprintf(b, "%s:%d:%d\n", file, line, col)
	if !ok {
		return
	}
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) {
		return
	}
	text := strings.TrimRight(lines[line-1], "\r")
	if len(text) > maxSourceLine {
		// A minified or binary line: show the part before the column's neighbourhood only.
		text, col = clipLine(text, col)
	}
	b.WriteString(text)
	b.WriteByte('\n')
	if col < 1 {
		col = 1
	}
	pad := []rune(text)
	var caret strings.Builder
	for i := 0; i < col-1 && i < len(pad); i++ {
		if pad[i] == '\t' {
			caret.WriteByte('\t')
		} else {
			caret.WriteByte(' ')
		}
	}
	b.WriteString(caret.String())
	b.WriteString("^\n")
}

// maxSourceLine is the longest source line a fatal report shows in full.
const maxSourceLine = 160

// clipLine cuts a long line to at most maxSourceLine bytes around col (1-based), at rune
// boundaries, marking the cuts with "...", and returns the column in the clipped text.
func clipLine(text string, col int) (string, int) {
	start := max(0, col-1-maxSourceLine/2)
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	end := min(len(text), start+maxSourceLine)
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	out := strings.ToValidUTF8(text[start:end], "?")
	col -= start
	if start > 0 {
		out = "..." + out
		col += 3
	}
	if end < len(text) {
		out += "..."
	}
	return out, col
}
