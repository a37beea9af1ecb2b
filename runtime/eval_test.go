package runtime

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// TestSessionEval feeds a session inputs in turn, as the REPL does, and checks what each gives:
// the value as console.log shows it, unfinished statements asking for more, errors that leave
// the session usable, and node.exit ending it.
func TestSessionEval(t *testing.T) {
	var out bytes.Buffer
	rt := New(Options{Stdout: &out, Stderr: &out})
	s := rt.NewSession()
	steps := []struct {
		input      string
		text       string // what the session prints; "" with incomplete
		incomplete bool
		exit       int // -1: the session goes on
	}{
		{"1 + 2", "3", false, -1},
		{"'a' + 'b'", "'ab'", false, -1},
		{"var x = [1, {y: 'z'}]", "undefined", false, -1},
		{"x", "[ 1, { y: 'z' } ]", false, -1},
		{"let n = 5", "undefined", false, -1},
		{"n * 2", "10", false, -1},
		{"{a: 1, b: [2]}", "{ a: 1, b: [ 2 ] }", false, -1},
		{"{ let block = 1; }", "undefined", false, -1},
		{"function f(a) {", "", true, -1},
		{"function f(a) {\n  return a + 1;\n}", "undefined", false, -1},
		{"f(1)", "2", false, -1},
		{"[1,\n2", "", true, -1},
		{"`open", "", true, -1},
		{"/* open", "", true, -1},
		{"if (n)", "", true, -1},
		{"'unterminated", "Uncaught SyntaxError: Unexpected token ILLEGAL", false, -1},
		{"a b", "Uncaught SyntaxError: Unexpected identifier", false, -1},
		{"missing", "Uncaught ReferenceError: missing is not defined", false, -1},
		{"throw new TypeError('bad')", "Uncaught TypeError: bad", false, -1},
		{"throw 42", "Uncaught 42", false, -1},
		{"typeof puts + ' ' + typeof node.EventEmitter + ' ' + typeof require + ' ' + ARGV[0]", "'function function function node'", false, -1},
		{"__filename.endsWith('[repl]')", "true", false, -1},
		{"   ", "", false, -1},
		{"node.exit(7)", "", false, 7},
	}
	for _, st := range steps {
		res := s.Eval(st.input)
		if res.Text != st.text || res.Incomplete != st.incomplete {
			t.Errorf("Eval(%q) = {%q, incomplete %v}, want {%q, incomplete %v}", st.input, res.Text, res.Incomplete, st.text, st.incomplete)
		}
		var exit *ExitError
		switch {
		case st.exit < 0 && res.Err != nil:
			t.Errorf("Eval(%q) ended the session: %v", st.input, res.Err)
		case st.exit >= 0 && (!errors.As(res.Err, &exit) || exit.Code != st.exit):
			t.Errorf("Eval(%q) error %v, want exit %d", st.input, res.Err, st.exit)
		}
	}
}

// A session's require loads a file after the input that asked for it, from the loop, and
// runs the file's onExit when the session ends; built-in packages load at once. A file that
// cannot be loaded is reported and the session goes on.
func TestSessionRequire(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "lib.js"), []byte("exports.three = 3;\nonExit = function () { puts('lib exit'); };\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	var out bytes.Buffer
	rt := New(Options{Stdout: &out, Stderr: &out})
	rt.RegisterPackage("builtin", func(rt *Runtime) goja.Value { return rt.VM.ToValue("ready") })
	s := rt.NewSession()
	if got := s.Eval("var lib = require('./lib.js'); [require('builtin'), lib.three]").Text; got != "[ 'ready', undefined ]" {
		t.Errorf("first input: %s", got)
	}
	rt.Post(func() error {
		if got := s.Eval("lib.three").Text; got != "3" {
			t.Errorf("after the loop turned: lib.three = %s", got)
		}
		if got := s.Eval("require('./nope.js'); 1").Text; got != "1" {
			t.Errorf("requiring a missing file: %s", got)
		}
		rt.Post(func() error { return &ExitError{Code: 0} }) // after the load has failed
		return nil
	})
	code := rt.RunSession()
	for _, want := range []string{"cannot load module " + filepath.Join(dir, "nope.js"), "lib exit\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
}
