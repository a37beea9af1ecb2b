package runtime

import (
	"errors"
	"io"
	"testing"

	"github.com/dop251/goja"
)

func newTestEmitter(t *testing.T, setup string) (*Runtime, *goja.Object) {
	t.Helper()
	rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	obj := rt.NewEmitter()
	rt.VM.Set("e", obj)
	if _, err := rt.VM.RunString("var calls = [];" + setup); err != nil {
		t.Fatal(err)
	}
	return rt, obj
}

func calls(rt *Runtime) string { return rt.VM.Get("calls").String() }

// Names _events inherits from Object.prototype are not events: Go finds no listener for them,
// as events.js does not.
func TestInheritedNamesAreNotEvents(t *testing.T) {
	rt, obj := newTestEmitter(t, `e.on("x", function () { calls.push("x"); });`)
	for _, name := range []string{"constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "__defineGetter__"} {
		if HasListeners(obj, name) {
			t.Errorf("HasListeners(%q) = true", name)
		}
		if l := rt.Listeners(obj, name); l.Heard() {
			t.Errorf("Listeners(%q).Heard() = true", name)
		}
		if err := rt.Emit(obj, name); err != nil {
			t.Errorf("Emit(%q): %v", name, err)
		}
		rt.EmitJS(obj, name)
	}
	if got := calls(rt); got != "" {
		t.Errorf("calls %q", got)
	}
	// An event of such a name that does have a listener is heard.
	if _, err := rt.VM.RunString(`e.on("constructor", function (a) { calls.push("ctor " + a); });`); err != nil {
		t.Fatal(err)
	}
	if !HasListeners(obj, "constructor") {
		t.Error(`HasListeners("constructor") = false with a listener`)
	}
	if err := rt.Emit(obj, "constructor", rt.VM.ToValue(1)); err != nil {
		t.Fatal(err)
	}
	if got := calls(rt); got != "ctor 1" {
		t.Errorf("calls %q", got)
	}
}

func TestEmit(t *testing.T) {
	rt, obj := newTestEmitter(t, `
e.on("one", function (a, b) { calls.push("one " + a + " " + b + " " + (this === e)); });
e.on("many", function (a) { calls.push("first " + a); e.on("many", function () { calls.push("added"); }); });
e.on("many", function (a) { calls.push("second " + a); });
e.on("emptied", function () {});
e.removeAllListeners("emptied");
`)
	if !HasListeners(obj, "one") || HasListeners(obj, "emptied") || HasListeners(obj, "none") {
		t.Error("HasListeners")
	}
	if err := rt.Emit(obj, "one", rt.VM.ToValue(1), rt.VM.ToValue("b")); err != nil {
		t.Fatal(err)
	}
	if err := rt.Emit(obj, "many", rt.VM.ToValue(2)); err != nil { // the listener added waits
		t.Fatal(err)
	}
	if err := rt.Emit(obj, "emptied"); err != nil {
		t.Fatal(err)
	}
	if got, want := calls(rt), "one 1 b true,first 2,second 2"; got != want {
		t.Errorf("calls %q, want %q", got, want)
	}
	// The same lone listener many times, then another: the cached callable must follow.
	rt.VM.RunString(`calls = []; e.removeAllListeners("one"); e.on("one", function (a) { calls.push("new " + a); });`)
	for i := 0; i < 3; i++ {
		rt.Emit(obj, "one", rt.VM.ToValue(i))
	}
	if got, want := calls(rt), "new 0,new 1,new 2"; got != want {
		t.Errorf("calls %q, want %q", got, want)
	}
}

func TestEmitErrors(t *testing.T) {
	rt, obj := newTestEmitter(t, `
e.on("throw", function () { throw new Error("boom"); });
e.on("throw", function () { calls.push("not reached"); });
e.on("exit", function () { node.exit(3); });
`)
	err := rt.Emit(obj, "throw")
	var fe *FatalError
	var ex *goja.Exception
	if !errors.As(err, &fe) || !errors.As(err, &ex) {
		t.Fatalf("Emit of a throwing listener: %T %v, want a *FatalError of the exception", err, err)
	}
	if calls(rt) != "" {
		t.Errorf("a listener after the one that threw ran")
	}
	var exit *ExitError
	if err := rt.Emit(obj, "exit"); !errors.As(err, &exit) || exit.Code != 3 {
		t.Fatalf("Emit of node.exit(3): %T %v", err, err)
	}
	// Inside a JavaScript call the exception goes on to the caller.
	rt.VM.Set("emitJS", func(c goja.FunctionCall) goja.Value {
		rt.EmitJS(obj, c.Argument(0).String())
		return goja.Undefined()
	})
	v, err := rt.VM.RunString(`var caught; try { emitJS("throw"); } catch (e) { caught = e.message; } caught`)
	if err != nil || v.String() != "boom" {
		t.Fatalf("EmitJS: %v %v", v, err)
	}
}

// Uncaught turns what a JavaScript function called directly from a loop callback returned into
// the error that ends the program, as Call does.
func TestUncaught(t *testing.T) {
	rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	if rt.Uncaught(nil) != nil {
		t.Error("Uncaught(nil) != nil")
	}
	v, _ := rt.VM.RunString(`(function () { throw new TypeError("bad"); })`)
	fn, _ := goja.AssertFunction(v)
	_, jsErr := fn(goja.Undefined())
	err := rt.Uncaught(jsErr)
	var fe *FatalError
	if !errors.As(err, &fe) || rt.Uncaught(err) != err {
		t.Fatalf("Uncaught(exception) = %T %v", err, err)
	}
	// node.exit as the function's last act: the function returns normally.
	v, _ = rt.VM.RunString(`(function () { node.exit(4); })`)
	fn, _ = goja.AssertFunction(v)
	_, jsErr = fn(goja.Undefined())
	var exit *ExitError
	if err := rt.Uncaught(jsErr); !errors.As(err, &exit) || exit.Code != 4 || rt.Uncaught(err) != err {
		t.Fatalf("Uncaught(node.exit) = %T %v", err, err)
	}
	if err := rt.Uncaught(nil); err != nil {
		t.Fatalf("Uncaught(nil) after the exit was reported = %v", err)
	}
}
