package jsvalue

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"

	"github.com/dop251/goja"

	"earlynode/modules/binarypack"
)

// packError is a value the packer cannot write, in the words of the
// library the Bridge follows.
type packError struct{ msg string }

func (e *packError) Error() string { return e.msg }

// ErrorMessage is the message to show for an error from Pack or Append:
// the library's own words ("Type ... not yet supported", "Invalid
// integer") where it has them, else the error's text.
func ErrorMessage(err error) string {
	var pe *packError
	switch {
	case errors.As(err, &pe):
		return pe.msg
	case errors.Is(err, binarypack.ErrInvalidInteger):
		return "Invalid integer"
	}
	return err.Error()
}

// Pack returns v as one BinaryPack value.
func (b *Bridge) Pack(v goja.Value) ([]byte, error) {
	return b.append(make([]byte, 0, 64), v, 0)
}

// Append appends v to dst as one BinaryPack value. Whole numbers beyond
// the int32/uint32 ranges are written as float64 (the JavaScript decoders
// crash on or misread int64), and every kind of binary data (Buffer,
// ArrayBuffer, typed array, DataView) is raw bytes. For a value that
// cannot be packed it returns an error; see ErrorMessage.
func (b *Bridge) Append(dst []byte, v goja.Value) ([]byte, error) {
	return b.append(dst, v, 0)
}

// append appends v, nested depth levels deep.
func (b *Bridge) append(dst []byte, v goja.Value, depth int) ([]byte, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return binarypack.AppendNil(dst), nil
	}
	if _, ok := v.(*goja.Symbol); ok {
		return dst, &packError{`Type "symbol" not yet supported`}
	}
	o, isObj := v.(*goja.Object)
	if !isObj || b.opts.Dialect == NodeBinaryPack {
		// Boxed numbers and booleans export as their values, so binarypack 0.0.4's
		// dialect packs them as such.
		switch v.ExportType().Kind() {
		case reflect.String:
			return binarypack.AppendString(dst, v.String())
		case reflect.Int64:
			return b.enc.AppendInt64(dst, v.ToInteger()), nil
		case reflect.Float64:
			return b.enc.AppendFloat64(dst, v.ToFloat())
		case reflect.Bool:
			return binarypack.AppendBool(dst, v.ToBoolean()), nil
		}
	}
	if !isObj {
		return dst, &packError{fmt.Sprintf("Type %q not yet supported", TypeOf(v))}
	}
	if depth >= MaxDepth {
		msg := "a value nested deeper than %d levels (a cycle?) cannot be packed"
		if b.opts.Dialect == NodeBinaryPack {
			msg = "Value nested deeper than %d levels (a cycle?) cannot be packed"
		}
		return dst, &packError{fmt.Sprintf(msg, MaxDepth)}
	}
	if bs, ok := b.Bytes(o); ok {
		return binarypack.AppendBytes(dst, bs)
	}
	switch o.ClassName() {
	case "Array":
		n := int(o.Get("length").ToInteger())
		dst, err := binarypack.AppendArrayHeader(dst, n)
		if err != nil {
			return dst, err
		}
		for i := 0; i < n; i++ {
			if dst, err = b.append(dst, o.Get(index(i)), depth+1); err != nil {
				return dst, err
			}
		}
		return dst, nil
	case "Date":
		return binarypack.AppendString(dst, o.String())
	}
	if b.opts.Dialect == NodeBinaryPack {
		return b.appendNodeObject(dst, o, depth)
	}
	// Plain objects, class instances and objects made by function
	// constructors export as string-keyed maps; Map, Set and the like do
	// not.
	if o.ClassName() == "Object" && o.ExportType() == b.plainT {
		return b.appendObject(dst, o, depth)
	}
	return dst, &packError{fmt.Sprintf("Type %q not yet supported", className(o))}
}

// appendNodeObject appends an object that is not an array, a Date or
// binary data by npm binarypack 0.0.4's rules.
func (b *Bridge) appendNodeObject(dst []byte, o *goja.Object, depth int) ([]byte, error) {
	if o.ClassName() == "Function" {
		return dst, &packError{`Type "function" not yet supported`}
	}
	if proto := o.Prototype(); proto == nil || proto == b.objProto {
		return b.appendObject(dst, o, depth)
	}
	if f, ok := goja.AssertFunction(o.Get("toBinaryPack")); ok {
		r, err := f(o)
		if err != nil {
			panic(err) // the method's exception, thrown on
		}
		bs, ok := b.Bytes(r)
		if !ok {
			return dst, &packError{"toBinaryPack() must return a Buffer"}
		}
		return append(dst, bs...), nil
	}
	return dst, &packError{fmt.Sprintf("Type %q not yet supported", constructorSource(o))}
}

// appendObject writes an object as a map of its own enumerable string
// keys, in order.
func (b *Bridge) appendObject(dst []byte, o *goja.Object, depth int) ([]byte, error) {
	keys := o.Keys()
	dst, err := binarypack.AppendMapHeader(dst, len(keys))
	if err != nil {
		return dst, err
	}
	for _, k := range keys {
		if dst, err = binarypack.AppendString(dst, k); err != nil {
			return dst, err
		}
		if dst, err = b.append(dst, o.Get(k), depth+1); err != nil {
			return dst, err
		}
	}
	return dst, nil
}

// index is the property name of array index i, without allocating for
// small indexes.
func index(i int) string {
	if i >= 0 && i < len(smallIndexes) {
		return smallIndexes[i]
	}
	return strconv.Itoa(i)
}

// smallIndexes are the property names of the first array indexes.
var smallIndexes = func() []string {
	s := make([]string, 256)
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()
