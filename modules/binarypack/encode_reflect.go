package binarypack

import (
	"reflect"
	"slices"
	"strings"
)

// appendReflect encodes values that the type switch of appendValue does not name: named
// types and composite types built from the supported kinds, such as []string,
// map[string]int, [4]byte or *Map. Structs, channels, functions, complex numbers and
// maps without string keys are ErrUnsupportedType. A nil slice or map is empty, as in
// the type switch; a nil pointer is nil (c0).
func (e *Encoder) appendReflect(dst []byte, v any, depth int) ([]byte, error) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Bool:
		return AppendBool(dst, rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return e.AppendInt64(dst, rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return e.AppendUint64(dst, rv.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return e.AppendFloat64(dst, rv.Float())
	case reflect.String:
		return AppendString(dst, rv.String())
	case reflect.Pointer:
		if rv.IsNil() {
			return AppendNil(dst), nil
		}
		if err := e.enter(depth, "pointer"); err != nil {
			return nil, err
		}
		return e.appendValue(dst, rv.Elem().Interface(), depth+1)
	case reflect.Slice, reflect.Array:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, rv.Len())
			reflect.Copy(reflect.ValueOf(b), rv)
			return AppendBytes(dst, b)
		}
		if err := e.enter(depth, "array"); err != nil {
			return nil, err
		}
		dst, err := AppendArrayHeader(dst, rv.Len())
		if err != nil {
			return nil, err
		}
		for i := range rv.Len() {
			if dst, err = e.appendValue(dst, rv.Index(i).Interface(), depth+1); err != nil {
				return nil, err
			}
		}
		return dst, nil
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return nil, encodeError(ErrUnsupportedType, "Go map type %v (keys must be strings)", rv.Type())
		}
		if err := e.enter(depth, "map"); err != nil {
			return nil, err
		}
		keys := rv.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		dst, err := AppendMapHeader(dst, len(keys))
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if dst, err = AppendString(dst, k.String()); err != nil {
				return nil, err
			}
			if dst, err = e.appendValue(dst, rv.MapIndex(k).Interface(), depth+1); err != nil {
				return nil, err
			}
		}
		return dst, nil
	}
	return nil, encodeError(ErrUnsupportedType, "Go type %T", v)
}
