package ipcnet

import (
	"strconv"
	"testing"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/jsonframe"
	"earlynode/runtime"
)

func newTestJSON(t testing.TB) (*JSON, *goja.Runtime) {
	rt := runtime.New(runtime.Options{})
	return NewJSON(rt), rt.VM
}

// jsonTexts are texts whose values Value must build exactly as JSON.parse does.
var jsonTexts = []string{
	`null`, `true`, `false`, `0`, `-0`, `1`, `-1`, `42`, `123456789012345`, `1234567890123456789`,
	`1.5`, `-1.5e-7`, `1e300`, `0.1`, `5e-324`,
	`""`, `"text"`, `"unicode \u2603 ☃ 😀"`, `"esc \" \\ \/ \b \f \n \r \t \u0000"`, `"\ud83d\ude00"`,
	`"lone \ud800 surrogate"`, `[]`, `{}`, `[1,[2,[3,[]]],"x",null,{}]`,
	` { "a" : 1 , "b" : [ true , false ] } `, `{"a":1,"a":2}`, `{"__proto__":{"x":1},"y":2}`,
	`{"":1,"key with space":2,"ключ":3,"\u0041":4}`, `{"1":1,"b":2,"0":3}`,
	`{"text":"hello world","n":42,"list":[1,2,3]}`,
}

func TestValueMatchesJSONParse(t *testing.T) {
	j, vm := newTestJSON(t)
	stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	for _, text := range jsonTexts {
		got, err := j.Value([]byte(text))
		if err != nil {
			t.Errorf("%s: %v", text, err)
			continue
		}
		want, err := j.Parse(text)
		if err != nil {
			t.Fatalf("%s: JSON.parse: %v", text, err)
		}
		gs, _ := stringify(nil, got)
		ws, _ := stringify(nil, want)
		if gs.String() != ws.String() {
			t.Errorf("%s: built %s, JSON.parse gives %s", text, gs, ws)
		}
		if text == `-0` {
			if f, ok := got.Export().(float64); !ok || 1/f > 0 {
				t.Errorf("-0 built as %v", got)
			}
		}
		if text == `{"__proto__":{"x":1},"y":2}` {
			o := got.ToObject(vm)
			if o.Prototype() == nil || o.Get("x") != nil {
				t.Errorf("__proto__ key changed the prototype")
			}
		}
	}
}

// jsTexts are JavaScript expressions whose JSON.stringify text AppendStringify must reproduce.
var jsTexts = []string{
	`null`, `true`, `0`, `-0`, `1.5`, `NaN`, `Infinity`, `1e21`, `123456789012`, `"s"`, `"\u2028"`,
	`"lone \ud800"`, `"😀 ☃"`, `[]`, `({})`, `[1, undefined, function () {}, null, "x"]`,
	`({a: undefined, b: function () {}, c: 1, d: Symbol("s"), e: [{}]})`,
	`({toJSON: function () { return "custom"; }})`, `new Date(0)`, `({d: new Date(0)})`,
	`(function () { function C() { this.x = 1; } C.prototype.y = 2; return new C(); })()`,
	`Object.create(null)`, `({nested: {deeper: {deepest: [1, [2, [3]]]}}})`, `({"__proto__": 1})`,
	`(function () { var o = {}; Object.defineProperty(o, "hidden", {value: 1}); o.shown = 2; return o; })()`,
	`new Number(5)`, `[new String("x")]`, `({k: 1n === undefined})`,
}

// TestValueOutOfRange checks numbers beyond float64, which V8's JSON.parse reads as
// ±Infinity (goja's JSON.parse refuses them).
func TestValueOutOfRange(t *testing.T) {
	j, _ := newTestJSON(t)
	for text, want := range map[string]string{"1e400": "Infinity", "-1e400": "-Infinity"} {
		v, err := j.Value([]byte(text))
		if err != nil || v.String() != want {
			t.Errorf("%s: %v %v, want %s", text, v, err, want)
		}
	}
}

func TestAppendStringifyMatchesJSONStringify(t *testing.T) {
	j, vm := newTestJSON(t)
	for _, src := range jsTexts {
		v, err := vm.RunString(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		got, ok, err := j.AppendStringify(nil, v)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		want, wantOK, _ := j.Stringify(v)
		if ok != wantOK || string(got) != want {
			t.Errorf("%s: got %q (%v), JSON.stringify gives %q (%v)", src, got, ok, want, wantOK)
		}
	}
}

func TestAppendStringifyCycleThrows(t *testing.T) {
	j, vm := newTestJSON(t)
	v, _ := vm.RunString(`(function () { var o = {}; o.self = o; return o; })()`)
	if _, _, err := j.AppendStringify(nil, v); err == nil {
		t.Fatal("a cycle did not throw")
	}
}

func FuzzValue(f *testing.F) {
	for _, text := range jsonTexts {
		f.Add([]byte(text))
	}
	j, vm := newTestJSON(f)
	stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	f.Fuzz(func(t *testing.T, text []byte) {
		if jsonframe.Validate(text) != nil {
			return
		}
		got, err := j.Value(text)
		if err != nil && jsonframe.Depth(text, jsonframe.MaxDepth) > jsonframe.MaxDepth {
			return // refused as too deep
		}
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		want, err := j.Parse(string(text))
		if err != nil {
			return // goja's JSON.parse refuses some texts V8 takes; Value fell back the same way
		}
		gs, _ := stringify(nil, got)
		ws, _ := stringify(nil, want)
		if gs.String() != ws.String() {
			t.Fatalf("%q: built %s, JSON.parse gives %s", text, gs, ws)
		}
	})
}

// TestValueInternsShortStrings checks that the strings Value keeps for reuse stand for the
// same text every time, and that it keeps a bounded number of them.
func TestValueInternsShortStrings(t *testing.T) {
	j, _ := newTestJSON(t)
	cases := []struct{ text, want string }{
		{`"m"`, "m"}, {`{"a":"m"}`, "m"}, {`["m","m"]`, "m"},
		{`"exactly thirty-two bytes long..."`, "exactly thirty-two bytes long..."},
		{`"longer than thirty-two bytes, so not kept"`, "longer than thirty-two bytes, so not kept"},
		{`"esc\"aped"`, `esc"aped`}, {`"☃"`, "☃"},
	}
	for round := 0; round < 2; round++ { // the second round reads what the first kept
		for _, c := range cases {
			v, err := j.Value([]byte(c.text))
			if err != nil {
				t.Fatalf("%s: %v", c.text, err)
			}
			switch x := v.Export().(type) {
			case string:
				if x != c.want {
					t.Errorf("%s: %q, want %q", c.text, x, c.want)
				}
			case map[string]any:
				if x["a"] != c.want {
					t.Errorf("%s: %v, want a: %q", c.text, x, c.want)
				}
			case []any:
				if x[0] != c.want || x[1] != c.want {
					t.Errorf("%s: %v, want both %q", c.text, x, c.want)
				}
			}
		}
	}
	for i := 0; i < 2*maxKeys; i++ {
		if _, err := j.Value([]byte(`"s` + strconv.Itoa(i) + `"`)); err != nil {
			t.Fatal(err)
		}
	}
	if len(j.strs) > maxKeys {
		t.Errorf("%d strings kept, more than %d", len(j.strs), maxKeys)
	}
}
