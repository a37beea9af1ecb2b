package ipcnet

import (
	"testing"

	"github.com/dop251/goja"
)

var benchText = []byte(`{"text":"hello world","n":42,"list":[1,2,3]}`)

func BenchmarkJSONBuild(b *testing.B) {
	vm := goja.New()
	keys := keyMap{}
	for i := 0; i < b.N; i++ {
		jb := jsonBuilder{vm: vm, t: benchText, keys: keys}
		if jb.value(0) == nil {
			b.Fatal("bad")
		}
	}
}

func BenchmarkJSONParseGoja(b *testing.B) {
	vm := goja.New()
	parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	s := vm.ToValue(string(benchText))
	for i := 0; i < b.N; i++ {
		parse(nil, s)
	}
}

func BenchmarkNewObjectSet3(b *testing.B) {
	vm := goja.New()
	v1, v2 := vm.ToValue("hello world"), vm.ToValue(42)
	for i := 0; i < b.N; i++ {
		o := vm.NewObject()
		o.Set("text", v1)
		o.Set("n", v2)
		o.Set("list", v2)
	}
}

func BenchmarkNewArray3(b *testing.B) {
	vm := goja.New()
	for i := 0; i < b.N; i++ {
		vm.NewArray(vm.ToValue(1), vm.ToValue(2), vm.ToValue(3))
	}
}

func BenchmarkJSCallEmpty(b *testing.B) {
	vm := goja.New()
	v, _ := vm.RunString("(function(a,b){ return a; })")
	fn, _ := goja.AssertFunction(v)
	a := vm.ToValue(1)
	for i := 0; i < b.N; i++ {
		fn(nil, a, a)
	}
}

func benchMessage(b *testing.B) (*JSON, goja.Value) {
	j, vm := newTestJSON(b)
	v, err := vm.RunString(`({ text: 'hello world', n: 42, list: [1, 2, 3] })`)
	if err != nil {
		b.Fatal(err)
	}
	return j, v
}

// BenchmarkAppendStringify is the sender's encoding of the IPC benchmark's message.
func BenchmarkAppendStringify(b *testing.B) {
	j, v := benchMessage(b)
	var buf []byte
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf, _, _ = j.AppendStringify(buf[:0], v)
	}
}

// BenchmarkStringifyGoja is goja's JSON.stringify of the same message, for comparison.
func BenchmarkStringifyGoja(b *testing.B) {
	j, v := benchMessage(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		j.Stringify(v)
	}
}
