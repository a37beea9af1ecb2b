package ipcnet

import (
	"math"
	"strconv"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/jsonframe"
)

// maxEncodeDepth is the nesting beyond which appendPlain leaves the value to JSON.stringify
// (which also reports cycles).
const maxEncodeDepth = 64

// appendPlain appends JSON.stringify's text for v when v is made only of primitives, arrays
// and plain objects (class "Object" with no toJSON), which is what IPC messages are; ok is
// false (and dst unchanged in meaning) for anything else, which JSON.stringify then handles.
// undefined, functions and symbols are left out of objects and written null in arrays, as
// JSON.stringify does; the caller handles a top-level undefined.
func (j *JSON) appendPlain(dst []byte, v goja.Value, depth int) ([]byte, bool) {
	if depth > maxEncodeDepth {
		return dst, false
	}
	switch x := v.(type) {
	case *goja.Object:
		if _, isFn := goja.AssertFunction(x); isFn {
			return append(dst, "null"...), true // only reached inside arrays
		}
		switch x.ClassName() {
		case "Array":
			n := int(x.Get("length").ToInteger())
			dst = append(dst, '[')
			for i := 0; i < n; i++ {
				if i > 0 {
					dst = append(dst, ',')
				}
				e := x.Get(strconv.Itoa(i))
				if skipped(e) {
					dst = append(dst, "null"...)
					continue
				}
				var ok bool
				if dst, ok = j.appendPlain(dst, e, depth+1); !ok {
					return dst, false
				}
			}
			return append(dst, ']'), true
		case "Object":
			if tj := x.Get("toJSON"); tj != nil && !goja.IsUndefined(tj) {
				return dst, false
			}
			dst = append(dst, '{')
			first := true
			for _, k := range x.Keys() {
				e := x.Get(k)
				if skipped(e) {
					continue
				}
				if !first {
					dst = append(dst, ',')
				}
				first = false
				dst = jsonframe.AppendString(dst, k)
				dst = append(dst, ':')
				var ok bool
				if dst, ok = j.appendPlain(dst, e, depth+1); !ok {
					return dst, false
				}
			}
			return append(dst, '}'), true
		}
		return dst, false
	}
	if v == nil || goja.IsNull(v) {
		return append(dst, "null"...), true
	}
	switch e := v.Export().(type) {
	case string:
		if isWellFormed(e) {
			return jsonframe.AppendString(dst, e), true
		}
	case int64:
		return strconv.AppendInt(dst, e, 10), true
	case bool:
		return strconv.AppendBool(dst, e), true
	case float64:
		if math.IsNaN(e) || math.IsInf(e, 0) {
			return append(dst, "null"...), true
		}
		return append(dst, v.String()...), true
	}
	return dst, false
}

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
