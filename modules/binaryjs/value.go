package binaryjs

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"

	"github.com/dop251/goja"

	"earlynode/modules/binaryjs/wire"
	"earlynode/modules/binarypack"
	"earlynode/runtime"
)

// packer writes JavaScript values as BinaryPack, the way npm binarypack 0.0.4 packs them
// (PROTOCOLS.md §1.2), straight from goja values into a byte slice. Differences, all in the
// direction of "more values arrive intact": whole numbers beyond the int32/uint32 ranges are
// written as float64 (Node's decoder crashes on int64), and ArrayBuffers and typed arrays are
// packed as raw bytes (Node's packer only knows Buffer).
type packer struct {
	rt            *runtime.Runtime
	enc           binarypack.Encoder
	objProto      *goja.Object
	dataViewProto *goja.Object
	arrayBufT     reflect.Type
	bytesT        reflect.Type
}

const maxPackDepth = 1000

func newPacker(rt *runtime.Runtime) *packer {
	return &packer{
		rt:            rt,
		enc:           binarypack.Encoder{WideIntegersAsFloat64: true},
		objProto:      rt.VM.Get("Object").ToObject(rt.VM).Get("prototype").ToObject(rt.VM),
		dataViewProto: rt.VM.Get("DataView").ToObject(rt.VM).Get("prototype").ToObject(rt.VM),
		arrayBufT:     reflect.TypeOf(goja.ArrayBuffer{}),
		bytesT:        reflect.TypeOf([]byte(nil)),
	}
}

// packError is a value the packer cannot write; it becomes a thrown Error.
type packError struct{ msg string }

func (e *packError) Error() string { return e.msg }

// append appends v; it returns a *packError (or a binarypack error) for what cannot be packed.
func (p *packer) append(dst []byte, v goja.Value, depth int) ([]byte, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return binarypack.AppendNil(dst), nil
	}
	if _, ok := v.(*goja.Symbol); ok {
		return dst, &packError{`Type "symbol" not yet supported`}
	}
	switch v.ExportType().Kind() {
	case reflect.String:
		return binarypack.AppendString(dst, v.String())
	case reflect.Int64:
		return p.enc.AppendInt64(dst, v.ToInteger()), nil
	case reflect.Float64:
		return p.enc.AppendFloat64(dst, v.ToFloat())
	case reflect.Bool:
		return binarypack.AppendBool(dst, v.ToBoolean()), nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return dst, &packError{fmt.Sprintf("Type %q not yet supported", typeOf(v))}
	}
	if depth >= maxPackDepth {
		return dst, &packError{fmt.Sprintf("Value nested deeper than %d levels (a cycle?) cannot be packed", maxPackDepth)}
	}
	if b, ok := p.bytes(o); ok {
		return binarypack.AppendBytes(dst, b)
	}
	switch o.ClassName() {
	case "Array":
		n := int(o.Get("length").ToInteger())
		dst, err := binarypack.AppendArrayHeader(dst, n)
		if err != nil {
			return dst, err
		}
		for i := 0; i < n; i++ {
			if dst, err = p.append(dst, o.Get(itoa(i)), depth+1); err != nil {
				return dst, err
			}
		}
		return dst, nil
	case "Date":
		return binarypack.AppendString(dst, o.String())
	case "Function":
		return dst, &packError{`Type "function" not yet supported`}
	}
	proto := o.Prototype()
	if proto == nil || proto == p.objProto {
		return p.appendObject(dst, o, depth)
	}
	if f, ok := goja.AssertFunction(o.Get("toBinaryPack")); ok {
		r, err := f(o)
		if err != nil {
			panic(err)
		}
		b, ok := p.bytes(r)
		if !ok {
			return dst, &packError{"toBinaryPack() must return a Buffer"}
		}
		return append(dst, b...), nil
	}
	return dst, &packError{fmt.Sprintf("Type %q not yet supported", constructorName(o))}
}

// appendObject writes a plain object as a map of its own enumerable string keys, in order.
func (p *packer) appendObject(dst []byte, o *goja.Object, depth int) ([]byte, error) {
	keys := o.Keys()
	dst, err := binarypack.AppendMapHeader(dst, len(keys))
	if err != nil {
		return dst, err
	}
	for _, k := range keys {
		if dst, err = binarypack.AppendString(dst, k); err != nil {
			return dst, err
		}
		if dst, err = p.append(dst, o.Get(k), depth+1); err != nil {
			return dst, err
		}
	}
	return dst, nil
}

// bytes returns the bytes of a Buffer, typed array, DataView or ArrayBuffer (a view, not a
// copy).
func (p *packer) bytes(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	t := o.ExportType()
	switch {
	case t == p.bytesT:
		b, ok := o.Export().([]byte)
		return b, ok
	case t == p.arrayBufT:
		ab, ok := o.Export().(goja.ArrayBuffer)
		return ab.Bytes(), ok
	case t != nil && t.Kind() == reflect.Slice:
		// Other typed arrays: their bytes through .buffer, .byteOffset, .byteLength.
		return viewBytes(o)
	}
	if p.dataViewProto != nil && o.Prototype() == p.dataViewProto {
		return viewBytes(o)
	}
	return nil, false
}

func viewBytes(o *goja.Object) ([]byte, bool) {
	bufv := o.Get("buffer")
	if bufv == nil {
		return nil, false
	}
	ab, ok := bufv.Export().(goja.ArrayBuffer)
	if !ok {
		return nil, false
	}
	off, n := int(o.Get("byteOffset").ToInteger()), int(o.Get("byteLength").ToInteger())
	all := ab.Bytes()
	if off < 0 || n < 0 || off+n > len(all) {
		return nil, false
	}
	return all[off : off+n], true
}

// typeOf names a primitive the packer cannot write, as JavaScript's typeof does.
func typeOf(v goja.Value) string {
	if strings.HasSuffix(v.ExportType().String(), "big.Int") {
		return "bigint"
	}
	return v.ExportType().String()
}

// packErrorMessage is the message thrown for a value that cannot be packed, in binarypack
// 0.0.4's words where it has them.
func packErrorMessage(err error) string {
	var pe *packError
	switch {
	case errors.As(err, &pe):
		return pe.msg
	case errors.Is(err, binarypack.ErrInvalidInteger):
		return "Invalid integer"
	}
	return err.Error()
}

func constructorName(o *goja.Object) string {
	if c, ok := o.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			return "function " + n.String() + "()"
		}
	}
	return o.ClassName()
}

// unpack turns a decoded BinaryPack value into a JavaScript value as npm binarypack does:
// raw bytes become a Buffer (sharing the decoded bytes), maps plain objects (a __proto__ key
// is kept as an own property, not a prototype change), 64-bit integers plain numbers.
func unpack(rt *runtime.Runtime, v any) goja.Value {
	vm := rt.VM
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case bool:
		return vm.ToValue(x)
	case int64:
		if x >= math.MinInt32 && x <= math.MaxInt32 {
			return vm.ToValue(x)
		}
		return vm.ToValue(float64(x))
	case uint64:
		return vm.ToValue(float64(x))
	case float64:
		return vm.ToValue(x)
	case string:
		return vm.ToValue(x)
	case []byte:
		return rt.NewBuffer(x)
	case []any:
		vals := make([]any, len(x))
		for i, e := range x {
			vals[i] = unpack(rt, e)
		}
		return vm.NewArray(vals...)
	case binarypack.Map:
		o := vm.NewObject()
		for _, pair := range x {
			key, ok := pair.Key.(string)
			if !ok {
				key = wire.JSString(pair.Key)
			}
			if key == "__proto__" {
				o.DefineDataProperty(key, unpack(rt, pair.Value), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
				continue
			}
			o.Set(key, unpack(rt, pair.Value))
		}
		return o
	}
	return goja.Undefined()
}

func itoa(i int) string {
	if i >= 0 && i < len(smallInts) {
		return smallInts[i]
	}
	return fmt.Sprint(i)
}

var smallInts = func() []string {
	s := make([]string, 256)
	for i := range s {
		s[i] = fmt.Sprint(i)
	}
	return s
}()
