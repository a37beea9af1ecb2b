package runtime

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// mustPanic runs f and returns what it panicked with, failing the test if it did not.
func mustPanic(t *testing.T, f func()) (msg string) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("no panic")
		}
		msg = fmt.Sprint(r)
	}()
	f()
	return ""
}

// A glue file gets its natives and the runtime helpers, and hands back exports and hooks.
func TestLoadGlue(t *testing.T) {
	var out bytes.Buffer
	rt := New(Options{Stdout: &out, Stderr: &out})
	type thing struct{ n int }
	state := NewState[*thing]("test.thing")
	src := `// a test glue file
(function (natives, runtime) {
  function Thing(n) {
    runtime.EventEmitter.call(this);
    natives.init(this, n);
  }
  runtime.inherits(Thing, runtime.EventEmitter);
  Thing.prototype.get = natives.get;
  Thing.prototype._onPoke = function (x) { this.emit("poke", x + natives.offset); };
  return { exports: { Thing: Thing, kinds: typeof natives.get + " " + typeof runtime.later },
           hooks: { poke: Thing.prototype._onPoke } };
})`
	g := rt.LoadGlue("test/thing.js", src, Natives{
		"init": func(c goja.FunctionCall) goja.Value {
			state.Set(rt, c.Argument(0).ToObject(rt.VM), &thing{n: int(c.Argument(1).ToInteger())})
			return goja.Undefined()
		},
		"get": func(c goja.FunctionCall) goja.Value {
			th, ok := state.Get(c.This)
			if !ok {
				panic(rt.VM.NewTypeError("not a Thing"))
			}
			return rt.VM.ToValue(th.n)
		},
		"offset": rt.VM.ToValue(100),
	})
	if g.Name != "earlynode:test/thing.js" {
		t.Errorf("Name %q", g.Name)
	}
	if k := g.Exports.Get("kinds").String(); k != "function function" {
		t.Errorf("kinds %q", k)
	}
	rt.VM.Set("Thing", g.Exports.Get("Thing"))
	v, err := rt.VM.RunString(`
var t = new Thing(7), heard = [];
t.on("poke", function (x) { heard.push(x); });
var keys = Object.keys(Object.assign({}, t)).join(",");
var err; try { Thing.prototype.get.call({}); } catch (e) { err = e.message; }
[t.get(), t instanceof node.EventEmitter, Thing.super_ === node.EventEmitter, keys, err].join(" ")`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != "7 true true  not a Thing" {
		t.Errorf("got %q", got)
	}
	obj := rt.VM.Get("t").ToObject(rt.VM)
	if th, ok := state.Get(obj); !ok || th.n != 7 {
		t.Errorf("state.Get: %v %v", th, ok)
	}
	if _, ok := state.Get(rt.VM.ToValue(1)); ok {
		t.Error("state.Get(1) found a Go side")
	}
	if _, err := rt.Call(g.Hook("poke"), obj, rt.VM.ToValue(1)); err != nil {
		t.Fatal(err)
	}
	if got := rt.VM.Get("heard").String(); got != "101" {
		t.Errorf("heard %q", got)
	}
	msg := mustPanic(t, func() { g.Hook("prod") })
	if !strings.Contains(msg, "earlynode:test/thing.js") || !strings.Contains(msg, `"prod"`) {
		t.Errorf("missing hook panic %q names neither the file nor the hook", msg)
	}
}

// Mistakes in a module's glue are reported naming the file (and the native or hook).
func TestLoadGlueMistakes(t *testing.T) {
	rt := New(Options{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}})
	cases := []struct {
		name, src string
		natives   Natives
		want      string
	}{
		{"syntax", `(function (natives, runtime) { return {`, nil, "earlynode:bad/syntax.js"},
		{"not a function", `({exports: {}})`, nil, "not a function expression"},
		{"throws", `(function () { throw new Error("boom"); })`, nil, "boom"},
		{"no exports", `(function () { return { hooks: {} }; })`, nil, "no exports"},
		{"hooks not an object", `(function () { return { exports: {}, hooks: 1 }; })`, nil, "hooks are not an object"},
		{"bad native", `(function () { return { exports: {} }; })`, Natives{"n": 42}, `native "n" is a int`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := mustPanic(t, func() { rt.LoadGlue("bad/"+strings.ReplaceAll(tc.name, " ", "_")+".js", tc.src, tc.natives) })
			if !strings.Contains(msg, tc.want) || !strings.Contains(msg, "earlynode:bad/") {
				t.Errorf("panic %q, want the file and %q", msg, tc.want)
			}
		})
	}
}

// A stack trace through glue names the glue file.
func TestGlueInStackTrace(t *testing.T) {
	rt := New(Options{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}})
	g := rt.LoadGlue("test/throws.js", `(function (natives, runtime) {
  function fail() { throw new Error("from glue"); }
  return { exports: { fail: fail } };
})`, nil)
	fn, _ := goja.AssertFunction(g.Exports.Get("fail"))
	_, err := rt.Call(fn, goja.Undefined())
	if err == nil {
		t.Fatal("no error")
	}
	if r := rt.Report(err); !strings.Contains(r, "earlynode:test/throws.js:2:") {
		t.Errorf("report does not name the glue file:\n%s", r)
	}
}

// The helpers every glue file gets: later runs on a later turn, hidden is not enumerable,
// Stream and emit1 are node.Stream's.
func TestGlueHelpers(t *testing.T) {
	out, code := runStreamScript(t, `puts("now"); got.later(function () { puts("later"); }); puts(got.report);`,
		func(rt *Runtime) {
			g := rt.LoadGlue("test/helpers.js", `(function (natives, runtime) {
  var o = {};
  runtime.hidden(o, "secret", 1);
  var report = [Object.keys(o).length, o.secret, runtime.Stream === node.Stream,
    typeof runtime.emit1, runtime.Promise === node.Promise].join(" ");
  return { exports: { later: runtime.later, report: report } };
})`, nil)
			rt.VM.Set("got", g.Exports)
		})
	if code != 0 || out != "now\n0 1 true function true\nlater\n" {
		t.Errorf("exit %d, output %q", code, out)
	}
}

// A glue file is compiled once per process, whatever the number of runtimes.
func TestGlueCompiledOnce(t *testing.T) {
	src := `(function () { return { exports: {} }; })`
	a := compileGlue("earlynode:test/once.js", src)
	if b := compileGlue("earlynode:test/once.js", src); a != b {
		t.Error("compiled twice")
	}
	if c := compileGlue("earlynode:test/once.js", src+"\n"); c == a {
		t.Error("a changed source under the same name reused the old program")
	}
}
