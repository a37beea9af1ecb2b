package ipcnet

import (
	"math"
	"reflect"
	"strconv"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/jsonframe"
)

// cycleCheckDepth is the nesting beyond which appendPlain looks for cycles (a cycle nests
// without end; below it, jsonframe.MaxDepth stops one).
const cycleCheckDepth = 64

// plainResult is what appendPlain found.
type plainResult uint8

const (
	isPlain   plainResult = iota // appended
	notPlain                     // something only JSON.stringify can write (or a cycle)
	isTooDeep                    // nested deeper than jsonframe.MaxDepth
)

// encoder is one AppendStringify's walk: path holds the arrays and objects being written, so
// that a cycle is found in time linear in the depth (JSON.stringify's own check is quadratic).
type encoder struct {
	path []*goja.Object
}

// appendPlain appends JSON.stringify's text for v when v is made only of primitives, arrays
// and plain objects (class "Object" with no toJSON), which is what IPC messages are; ok is
// notPlain (dst unchanged in meaning) for anything else, which JSON.stringify then handles,
// and isTooDeep past jsonframe.MaxDepth.
// undefined, functions and symbols are left out of objects and written null in arrays, as
// JSON.stringify does; the caller handles a top-level undefined.
func (e *encoder) appendPlain(dst []byte, v goja.Value, depth int) ([]byte, plainResult) {
	switch x := v.(type) {
	case *goja.Object:
		if _, isFn := goja.AssertFunction(x); isFn {
			return append(dst, "null"...), isPlain // only reached inside arrays
		}
		if depth >= jsonframe.MaxDepth {
			for _, o := range e.path {
				if o.SameAs(x) {
					return dst, notPlain // a cycle: JSON.stringify says so
				}
			}
			return dst, isTooDeep
		}
		if depth == cycleCheckDepth {
			seen := make(map[*goja.Object]bool, len(e.path))
			for _, o := range e.path {
				if seen[o] {
					return dst, notPlain
				}
				seen[o] = true
			}
		}
		e.path = append(e.path, x)
		defer func() { e.path = e.path[:len(e.path)-1] }()
		switch x.ClassName() {
		case "Array":
			n := int(x.Get("length").ToInteger())
			dst = append(dst, '[')
			for i := 0; i < n; i++ {
				if i > 0 {
					dst = append(dst, ',')
				}
				el := x.Get(strconv.Itoa(i))
				if skipped(el) {
					dst = append(dst, "null"...)
					continue
				}
				var res plainResult
				if dst, res = e.appendPlain(dst, el, depth+1); res != isPlain {
					return dst, res
				}
			}
			return append(dst, ']'), isPlain
		case "Object":
			if tj := x.Get("toJSON"); tj != nil && !goja.IsUndefined(tj) {
				return dst, notPlain
			}
			dst = append(dst, '{')
			first := true
			for _, k := range x.Keys() {
				el := x.Get(k)
				if skipped(el) {
					continue
				}
				if !first {
					dst = append(dst, ',')
				}
				first = false
				dst = jsonframe.AppendString(dst, k)
				dst = append(dst, ':')
				var res plainResult
				if dst, res = e.appendPlain(dst, el, depth+1); res != isPlain {
					return dst, res
				}
			}
			return append(dst, '}'), isPlain
		}
		return dst, notPlain
	}
	if v == nil || goja.IsNull(v) {
		return append(dst, "null"...), isPlain
	}
	// The primitive's kind from its export type, read without exporting it (Export boxes the
	// value: an allocation per string and number).
	switch v.ExportType() {
	case typeString:
		if p := v.String(); isWellFormed(p) {
			return jsonframe.AppendString(dst, p), isPlain
		}
	case typeInt:
		return strconv.AppendInt(dst, v.ToInteger(), 10), isPlain
	case typeBool:
		return strconv.AppendBool(dst, v.ToBoolean()), isPlain
	case typeFloat:
		if p := v.ToFloat(); math.IsNaN(p) || math.IsInf(p, 0) {
			return append(dst, "null"...), isPlain
		}
		return append(dst, v.String()...), isPlain
	}
	return dst, notPlain
}

// The export types of goja's primitives: a string (ASCII or not), an integer, a boolean and
// any other number.
var (
	typeString = reflect.TypeOf("")
	typeInt    = reflect.TypeOf(int64(0))
	typeBool   = reflect.TypeOf(false)
	typeFloat  = reflect.TypeOf(float64(0))
)

// skipped reports whether JSON.stringify leaves a property with this value out.
func skipped(v goja.Value) bool {
	if v == nil || goja.IsUndefined(v) {
		return true
	}
	if _, isSym := v.(*goja.Symbol); isSym {
		return true
	}
	if o, ok := v.(*goja.Object); ok {
		_, isFn := goja.AssertFunction(o)
		return isFn
	}
	return false
}
