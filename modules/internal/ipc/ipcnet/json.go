package ipcnet

import (
	"strconv"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/jsonframe"
	"earlynode/runtime"
)

// JSON holds the runtime's JSON.parse and JSON.stringify, looked up once.
type JSON struct {
	keys      keyMap
	strs      valueMap
	items     []any
	path      []*goja.Object // AppendStringify's encoder path, kept for the next call
	rt        *runtime.Runtime
	obj       *goja.Object
	parse     goja.Callable
	stringify goja.Callable
	rangeErr  goja.Callable // throws a RangeError (see tooDeep)
}

// NewJSON looks up JSON.parse and JSON.stringify.
func NewJSON(rt *runtime.Runtime) *JSON {
	obj := rt.VM.Get("JSON").ToObject(rt.VM)
	p, _ := goja.AssertFunction(obj.Get("parse"))
	s, _ := goja.AssertFunction(obj.Get("stringify"))
	re, _ := goja.AssertFunction(rt.VM.Get("RangeError"))
	return &JSON{rt: rt, obj: obj, parse: p, stringify: s, keys: keyMap{}, strs: valueMap{}, rangeErr: re}
}

// tooDeep returns the exception of a RangeError saying what nests deeper than
// jsonframe.MaxDepth.
func (j *JSON) tooDeep(what string) error {
	msg := what + " nests arrays and objects more than " + strconv.Itoa(jsonframe.MaxDepth) + " levels deep (the limit)"
	thrower, _ := goja.AssertFunction(j.rt.VM.ToValue(func(goja.FunctionCall) goja.Value {
		e, err := j.rangeErr(goja.Undefined(), j.rt.VM.ToValue(msg))
		if err != nil {
			panic(err)
		}
		panic(e)
	}))
	_, err := thrower(goja.Undefined())
	return err
}

// Value turns raw JSON text (already checked by the wire codec) into a JavaScript value:
// strings, numbers and literals in Go, objects and arrays with one JSON.parse. nil is
// undefined.
func (j *JSON) Value(raw []byte) (goja.Value, error) {
	if raw == nil {
		return goja.Undefined(), nil
	}
	vm := j.rt.VM
	b := jsonBuilder{vm: vm, t: raw, keys: j.keys, strs: j.strs, items: j.items[:0]}
	switch c := raw[0]; {
	case c == '"':
		if text, ok := b.plainText(); ok && b.i == len(raw) {
			return b.plainString(text), nil
		}
		if s, ok := jsonframe.Unquote(raw); ok {
			return vm.ToValue(s), nil
		}
	case c == 't' && len(raw) == 4:
		return vm.ToValue(true), nil
	case c == 'f' && len(raw) == 5:
		return vm.ToValue(false), nil
	case c == 'n' && len(raw) == 4:
		return goja.Null(), nil
	case c == '-' || (c >= '0' && c <= '9'):
		if f, err := strconv.ParseFloat(string(raw), 64); err == nil {
			if i := int64(f); float64(i) == f && (i != 0 || c != '-') && i < 1<<53 && i > -(1<<53) {
				return vm.ToValue(i), nil
			}
			return vm.ToValue(f), nil
		}
	}
	b.i = 0
	v := b.value(0)
	j.items = b.items[:0]
	if !b.bad && v != nil {
		return v, nil
	}
	if b.tooDeep && jsonframe.Depth(raw, jsonframe.MaxDepth) > jsonframe.MaxDepth {
		return nil, j.tooDeep("a message received")
	}
	return j.Parse(string(raw))
}

// Parse is JSON.parse(text).
func (j *JSON) Parse(text string) (goja.Value, error) {
	return j.parse(j.obj, j.rt.VM.ToValue(text))
}

// maxKeptPath is the longest encoder path AppendStringify keeps for the next call.
const maxKeptPath = 64

// Stringify is JSON.stringify(v): ok is false when it gives undefined (functions, symbols,
// undefined); err is the exception it threw (a cycle, a BigInt).
func (j *JSON) Stringify(v goja.Value) (text string, ok bool, err error) {
	r, err := j.stringify(j.obj, v)
	if err != nil {
		return "", false, err
	}
	if r == nil || goja.IsUndefined(r) {
		return "", false, nil
	}
	return r.String(), true, nil
}

// AppendStringify appends JSON.stringify(v) to dst, with fast paths for strings and numbers.
// ok is false when the result is undefined.
func (j *JSON) AppendStringify(dst []byte, v goja.Value) (out []byte, ok bool, err error) {
	if v == nil || goja.IsUndefined(v) || skipped(v) {
		return dst, false, nil
	}
	mark := len(dst)
	// The encoder's path is reused from one call to the next (a getter may send from inside
	// this call: that call then makes its own).
	e := encoder{path: j.path}
	j.path = nil
	out, res := e.appendPlain(dst, v, 0)
	if cap(e.path) <= maxKeptPath {
		clear(e.path[:cap(e.path)])
		j.path = e.path[:0]
	}
	switch res {
	case isPlain:
		return out, true, nil
	case isTooDeep:
		return dst[:mark], false, j.tooDeep("a value sent")
	}
	dst = dst[:mark]
	s, ok, err := j.Stringify(v)
	if !ok || err != nil {
		return dst, ok, err
	}
	return append(dst, s...), true, nil
}

// isWellFormed reports whether s (exported from goja) has no replacement characters that may
// stand for lone surrogates; such strings go through JSON.stringify.
func isWellFormed(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			for _, r := range s[i:] {
				if r == 0xFFFD {
					return false
				}
			}
			return true
		}
	}
	return true
}
