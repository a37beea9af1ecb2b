package binding

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"

	"github.com/dop251/goja"

	"earlynode/modules/binarypack"
	"earlynode/runtime"
)

// maxPackDepth bounds the nesting of arrays and objects a message may have;
// deeper values (and cycles) fail to pack.
const maxPackDepth = 1000

// maxSafeInteger is 2^53, past which a JavaScript number no longer holds
// every integer.
const maxSafeInteger = 1 << 53

// packer writes JavaScript values as BinaryPack the way PeerJS 1.5.5's
// peerjs-js-binarypack does (PROTOCOLS.md §1.2), straight from goja values
// into bytes. Differences, all so that more values arrive intact: whole
// numbers beyond the int32/uint32 ranges are written as float64 (the
// JavaScript decoders misread negative int64), Buffers and DataViews are
// raw bytes like the other typed arrays, and objects made by function
// constructors are maps like plain objects.
type packer struct {
	rt        *runtime.Runtime
	enc       binarypack.Encoder
	arrayBufT reflect.Type
	bytesT    reflect.Type
	plainT    reflect.Type
	dataViewP *goja.Object
}

// newPacker returns a packer for rt's values.
func newPacker(rt *runtime.Runtime) *packer {
	return &packer{
		rt:        rt,
		enc:       binarypack.Encoder{WideIntegersAsFloat64: true},
		arrayBufT: reflect.TypeOf(goja.ArrayBuffer{}),
		bytesT:    reflect.TypeOf([]byte(nil)),
		plainT:    reflect.TypeOf(map[string]any(nil)),
		dataViewP: rt.VM.Get("DataView").ToObject(rt.VM).Get("prototype").ToObject(rt.VM),
	}
}

// packError is a value the packer cannot write, in peerjs-js-binarypack's
// words ("Type ... not yet supported").
type packError struct{ msg string }

func (e *packError) Error() string { return e.msg }

// pack returns v as one BinaryPack value.
func (p *packer) pack(v goja.Value) ([]byte, error) {
	return p.append(make([]byte, 0, 64), v, 0)
}

// append appends v to dst.
func (p *packer) append(dst []byte, v goja.Value, depth int) ([]byte, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return binarypack.AppendNil(dst), nil
	}
	if _, ok := v.(*goja.Symbol); ok {
		return dst, &packError{`Type "symbol" not yet supported`}
	}
	o, isObj := v.(*goja.Object)
	if !isObj {
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
		return dst, &packError{fmt.Sprintf("Type %q not yet supported", primitiveType(v))}
	}
	if depth >= maxPackDepth {
		return dst, &packError{fmt.Sprintf("a value nested deeper than %d levels (a cycle?) cannot be packed", maxPackDepth)}
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
			if dst, err = p.append(dst, o.Get(strconv.Itoa(i)), depth+1); err != nil {
				return dst, err
			}
		}
		return dst, nil
	case "Date":
		return binarypack.AppendString(dst, o.String())
	case "Object":
		// Plain objects, class instances and objects made by function
		// constructors export as string-keyed maps; Map, Set and the like
		// do not.
		if o.ExportType() == p.plainT {
			return p.appendObject(dst, o, depth)
		}
	}
	return dst, &packError{fmt.Sprintf("Type %q not yet supported", className(o))}
}

// appendObject writes an object as a map of its own enumerable string keys,
// in order.
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

// bytes returns the bytes of an ArrayBuffer, a typed array (Buffer
// included) or a DataView: a view, not a copy.
func (p *packer) bytes(o *goja.Object) ([]byte, bool) {
	t := o.ExportType()
	switch {
	case t == p.bytesT:
		b, ok := o.Export().([]byte)
		return b, ok
	case t == p.arrayBufT:
		ab, ok := o.Export().(goja.ArrayBuffer)
		return ab.Bytes(), ok
	case t != nil && t.Kind() == reflect.Slice:
		return viewBytes(o)
	}
	if o.Prototype() == p.dataViewP {
		return viewBytes(o)
	}
	return nil, false
}

// viewBytes returns the bytes a typed array or DataView views, through its
// buffer, byteOffset and byteLength.
func viewBytes(o *goja.Object) ([]byte, bool) {
	bv := o.Get("buffer")
	if bv == nil {
		return nil, false
	}
	ab, ok := bv.Export().(goja.ArrayBuffer)
	if !ok {
		return nil, false
	}
	off, n := int(o.Get("byteOffset").ToInteger()), int(o.Get("byteLength").ToInteger())
	all := ab.Bytes()
	if off < 0 || n < 0 || off+n > len(all) {
		return nil, false
	}
	return all[off : off+n : off+n], true
}

// className names an object's type: its constructor's name, else its
// class.
func className(o *goja.Object) string {
	if c, ok := o.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			return n.String()
		}
	}
	return o.ClassName()
}

// primitiveType names a primitive's type as typeof does.
func primitiveType(v goja.Value) string {
	if _, ok := v.(*goja.Symbol); ok {
		return "symbol"
	}
	t := v.ExportType()
	if t == nil {
		return "undefined"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Int64, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "boolean"
	}
	if t.String() == "*big.Int" {
		return "bigint"
	}
	return t.String()
}

// packErrorMessage is the message of the error event for a value that
// cannot be packed.
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

// unpack turns a decoded BinaryPack value into the JavaScript value PeerJS
// 1.5.5 gives: binary data becomes an ArrayBuffer (sharing the decoded
// bytes), maps plain objects whose keys are all own properties (a
// "__proto__" key does not change the prototype), 64-bit integers numbers.
func (p *packer) unpack(v any) goja.Value {
	vm := p.rt.VM
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case bool:
		return vm.ToValue(x)
	case int64:
		if x >= -maxSafeInteger && x <= maxSafeInteger {
			return vm.ToValue(x)
		}
		return vm.ToValue(float64(x))
	case uint64:
		return vm.ToValue(float64(x))
	case float64:
		return vm.ToValue(x)
	case string:
		return p.rt.StringValue(x)
	case []byte:
		return vm.ToValue(vm.NewArrayBuffer(x))
	case []any:
		vals := make([]any, len(x))
		for i, e := range x {
			vals[i] = p.unpack(e)
		}
		return vm.NewArray(vals...)
	case binarypack.Map:
		o := vm.NewObject()
		for _, pair := range x {
			key, ok := pair.Key.(string)
			if !ok {
				key = p.unpack(pair.Key).String()
			}
			o.DefineDataProperty(key, p.unpack(pair.Value), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
		return o
	}
	return goja.Undefined()
}
