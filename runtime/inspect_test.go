package runtime

import (
	"io"
	"testing"
)

// TestInspect pins the two layouts where they part: console.log's and util.inspect's (which
// node-ipc's logger uses; its goldens in testdata/nodeipc check it further).
func TestInspect(t *testing.T) {
	rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	tests := []struct {
		js, console, util string
	}{
		{`-0`, `0`, `-0`},
		{`5n`, `5`, `5n`},
		{`"it's"`, `'it\'s'`, `"it's"`},
		{`"a\nb"`, "'a\nb'", `'a\nb'`},
		{`({"it's": 1, ok: 2})`, `{ 'it's': 1, ok: 2 }`, `{ "it's": 1, ok: 2 }`},
		{`(function () { var o = {a: 1}; o.self = o; return o; })()`, `{ a: 1, self: [Circular] }`, `<ref *1> { a: 1, self: [Circular *1] }`},
		{`(function () { function f() {} f.p = 1; return f; })()`, `[Function: f]`, `[Function: f] { p: 1 }`},
		{`(function () { var e = new Error("m"); Object.defineProperty(e, "stack", {value: undefined}); return e; })()`, `Error: m`, `[Error: m]`},
		{`(function () { function Foo() { this.a = 1; } return new Foo(); })()`, `{ a: 1 }`, `Foo { a: 1 }`},
		{`(function () { var o = Object.create(null); o.x = 1; return o; })()`, `{ x: 1 }`, `[Object: null prototype] { x: 1 }`},
		{`(function () { var a = [1]; a.x = 2; return a; })()`, `[ 1 ]`, `[ 1, x: 2 ]`},
		{`({a: {b: {c: {}}}})`, `{ a: { b: { c: {} } } }`, `{ a: { b: { c: {} } } }`},
		{`({a: {b: {c: {d: {}}}}})`, `{ a: { b: { c: [Object] } } }`, `{ a: { b: { c: [Object] } } }`},
		{`[[[[]]]]`, `[ [ [ [] ] ] ]`, `[ [ [ [] ] ] ]`},
		{`[[[[[]]]]]`, `[ [ [ [Array] ] ] ]`, `[ [ [ [Array] ] ] ]`},
		{`Buffer.from("hi")`, `<Buffer 68 69>`, `<Buffer 68 69>`},
		{`(function () { var o = {}; for (var i = 0; i < 12; i++) o["key" + i] = "value number " + i; return o; })()`,
			`{ key0: 'value number 0', key1: 'value number 1', key2: 'value number 2', key3: 'value number 3', key4: 'value number 4', key5: 'value number 5', key6: 'value number 6', key7: 'value number 7', key8: 'value number 8', key9: 'value number 9', key10: 'value number 10', key11: 'value number 11' }`,
			"{\n  key0: 'value number 0',\n  key1: 'value number 1',\n  key2: 'value number 2',\n  key3: 'value number 3',\n  key4: 'value number 4',\n  key5: 'value number 5',\n  key6: 'value number 6',\n  key7: 'value number 7',\n  key8: 'value number 8',\n  key9: 'value number 9',\n  key10: 'value number 10',\n  key11: 'value number 11'\n}"},
	}
	for _, tt := range tests {
		v, err := rt.VM.RunString(tt.js)
		if err != nil {
			t.Fatalf("%s: %v", tt.js, err)
		}
		if got := Inspect(v, InspectOptions{Depth: 2, Console: true}); got != tt.console {
			t.Errorf("%s, console layout:\n got %s\nwant %s", tt.js, got, tt.console)
		}
		if got := Inspect(v, InspectOptions{Depth: 2}); got != tt.util {
			t.Errorf("%s, util.inspect layout:\n got %s\nwant %s", tt.js, got, tt.util)
		}
	}
	v, _ := rt.VM.RunString(`({s: "x", n: 1, u: undefined})`)
	if got, want := Inspect(v, InspectOptions{Depth: 2, Colors: true}), "{ s: \x1b[32m'x'\x1b[39m, n: \x1b[33m1\x1b[39m, u: \x1b[90mundefined\x1b[39m }"; got != want {
		t.Errorf("colors: got %q, want %q", got, want)
	}
	if got := Inspect(v, InspectOptions{Depth: 2, Colors: true, Console: true}); got != `{ s: 'x', n: 1, u: undefined }` {
		t.Errorf("colors in the console layout: %q", got)
	}
}
