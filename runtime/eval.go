package runtime

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// Session is an interactive session (the REPL): inputs run one after another at global scope,
// each between turns of the same running loop, with the globals a script has plus require and
// include. Its methods run on the loop goroutine; the reader of the terminal posts them there.
type Session struct {
	rt    *Runtime
	root  *module // stands for the session in the module tree (onExit order)
	input *module // stands for the input being evaluated; nil between inputs
	count int     // inputs evaluated, to name each one's source

	mu      sync.Mutex // guards running, which Interrupt reads from another goroutine
	running bool       // an input is being evaluated
}

// interruptSIGINT is the interrupt value Session.Interrupt stops an input with.
type interruptSIGINT struct{}

// Interrupt stops the input being evaluated, if any, as Ctrl+C does in Node's REPL; safe from
// any goroutine. The input ends with "Uncaught Error: Script execution was interrupted".
func (s *Session) Interrupt() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running {
		s.rt.VM.Interrupt(interruptSIGINT{})
	}
}

func (s *Session) setRunning(on bool) {
	s.mu.Lock()
	s.running = on
	s.mu.Unlock()
}

// NewSession makes the global scope an interactive session's: __filename and __dirname name
// the working directory, ARGV is ["node"] and the argument vector, and require and include are
// globals (a file's exports fill after the input that required it, as in a script's body).
func (rt *Runtime) NewSession() *Session {
	dir, err := filepath.Abs(".")
	if err != nil {
		dir = "."
	}
	s := &Session{rt: rt, root: &module{filename: filepath.Join(dir, "[repl]"), exports: rt.VM.GlobalObject(), loaded: true}}
	rt.main = s.root
	argv := []any{"node"}
	for _, a := range rt.opts.Argv {
		argv = append(argv, a)
	}
	rt.VM.Set("ARGV", argv)
	rt.VM.Set("__filename", s.root.filename)
	rt.VM.Set("__dirname", dir)
	rt.VM.Set("require", func(c goja.FunctionCall) goja.Value { return s.require(c.Argument(0).String(), false) })
	rt.VM.Set("include", func(c goja.FunctionCall) goja.Value { return s.require(c.Argument(0).String(), true) })
	return s
}

// require loads a module for the session: a file required by an input becomes the child of a
// module standing for that input, loaded from the loop once the input has run. Outside an input
// (in a callback) only built-in packages load, as after a script's onLoad.
func (s *Session) require(name string, include bool) goja.Value {
	if s.input == nil {
		return s.rt.require(s.root, name, include)
	}
	return s.rt.require(s.input, name, include)
}

// Result is what evaluating one input gave.
type Result struct {
	// Incomplete means the input ends inside a statement (an open brace, bracket, string
	// template or comment): read another line and evaluate the two together.
	Incomplete bool
	// Text is what the session prints: the value as Node's REPL shows it (util.inspect's
	// layout, depth 2), or "Uncaught ..." for an exception or a syntax error. Empty for an
	// incomplete input.
	Text string
	// Err is set when the input ended the program (node.exit): return it from the loop
	// callback.
	Err error
}

// Eval runs one input at global scope; call it on the loop goroutine. An input that starts
// with "{" is tried first as an object literal, as Node's REPL does.
func (s *Session) Eval(src string) Result {
	rt := s.rt
	if strings.TrimSpace(src) == "" {
		return Result{}
	}
	s.count++
	name := "REPL" + strconv.Itoa(s.count)
	prog, err := s.compile(name, src)
	if err != nil {
		var list parser.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			if strings.HasPrefix(list[0].Message, "Unexpected end of input") {
				s.count--
				return Result{Incomplete: true}
			}
			return Result{Text: "Uncaught SyntaxError: " + list[0].Message}
		}
		return Result{Text: "Uncaught SyntaxError: " + err.Error()}
	}
	rt.sources[name] = src
	input := &module{filename: s.root.filename, exports: s.root.exports}
	s.input = input
	s.setRunning(true)
	v, err := rt.VM.RunProgram(prog)
	s.setRunning(false)
	s.input = nil
	var intr *goja.InterruptedError
	if errors.As(err, &intr) {
		if _, ok := intr.Value().(interruptSIGINT); ok {
			rt.VM.ClearInterrupt()
			return Result{Text: "Uncaught Error: Script execution was interrupted by SIGINT"}
		}
	}
	err = rt.Uncaught(err)
	if !rt.exiting {
		rt.VM.ClearInterrupt() // an Interrupt that came as the input returned
	}
	if len(input.children) > 0 {
		s.root.children = append(s.root.children, input) // for onExit
		rt.Post(func() error { return rt.loadChildren(input) })
	}
	if err != nil {
		var exit *ExitError
		if errors.As(err, &exit) {
			return Result{Err: err}
		}
		return Result{Text: s.uncaught(err)}
	}
	if v == nil {
		v = goja.Undefined()
	}
	return Result{Text: Inspect(v, InspectOptions{Depth: 2})}
}

// compile parses an input as a script; one that starts with "{" and parses as an expression
// in parentheses is that object literal.
func (s *Session) compile(name, src string) (*goja.Program, error) {
	if t := strings.TrimSpace(src); strings.HasPrefix(t, "{") && !strings.HasSuffix(t, ";") {
		if ast, err := parser.ParseFile(nil, name, "("+t+"\n)", 0); err == nil {
			return goja.CompileAST(ast, false)
		}
	}
	ast, err := parser.ParseFile(nil, name, src, 0)
	if err != nil {
		return nil, err
	}
	return goja.CompileAST(ast, false)
}

// uncaught is the line an exception thrown by an input prints: "Uncaught Name: message".
func (s *Session) uncaught(err error) string {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		msg := s.rt.exceptionMessage(ex)
		if !strings.HasPrefix(msg, "Uncaught ") {
			msg = "Uncaught " + msg
		}
		return msg
	}
	return "Uncaught " + err.Error()
}

// RunSession runs the loop for an interactive session until node.exit (or an *ExitError a
// callback returns), or until nothing is left to do. An exception escaping a callback does not
// end the session: it is reported on stderr ("Uncaught Error: ..." and its stack, as in Node's
// REPL) and the loop goes on. The result is the exit code, after onExit and the exit hooks.
func (rt *Runtime) RunSession() int {
	for {
		err := rt.Loop.Run()
		var exit *ExitError
		if err == nil || errors.As(err, &exit) {
			return rt.finish(err)
		}
		var ex *goja.Exception
		if !errors.As(err, &ex) {
			rt.Out.Stderr.WriteString(rt.Report(err))
			continue
		}
		var b strings.Builder
		msg := rt.exceptionMessage(ex)
		if !strings.HasPrefix(msg, "Uncaught ") {
			msg = "Uncaught " + msg
		}
		b.WriteString(msg + "\n")
		rt.writeStack(&b, ex.Stack())
		rt.Out.Stderr.WriteString(b.String())
	}
}
