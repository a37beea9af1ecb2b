// Package jsvalue bridges goja values and BinaryPack for the libraries that
// send JavaScript values as BinaryPack (binaryjs, peerjs): a Bridge packs a
// JavaScript value into bytes (docs/wire/binarypack.md, Encoding) and turns a decoded
// BinaryPack value (package binarypack) back into JavaScript. The codec
// itself stays pure in package binarypack; this package holds only the
// goja side. A Bridge belongs to its runtime's loop goroutine.
package jsvalue

import (
	"reflect"

	"github.com/dop251/goja"

	"earlynode/modules/binarypack"
	"earlynode/runtime"
)

// MaxDepth bounds the nesting of arrays and objects a packed value may
// have; deeper values (and cycles) fail to pack.
const MaxDepth = 1000

// Dialect is the JavaScript BinaryPack library whose rules a Bridge copies
// where the libraries differ: which objects pack as maps, the words of the
// errors, and how a decoded map becomes an object.
type Dialect int

const (
	// PeerJSBinaryPack follows peerjs-js-binarypack as PeerJS 1.5.5 uses
	// it: every object of class Object (plain, null-prototype, made by a
	// function constructor or a class) packs as a map; other objects fail
	// with `Type "Name" not yet supported`, Name being the constructor's
	// name (functions are "Function"); decoded map entries are defined as
	// own data properties.
	PeerJSBinaryPack Dialect = iota
	// NodeBinaryPack follows npm binarypack 0.0.4 as binaryjs 0.2.1 uses
	// it: boxed numbers and booleans (new Number, new Boolean) pack as
	// their values; only objects whose prototype is Object.prototype or
	// null pack as maps; another object with a toBinaryPack() method
	// packs as the bytes it returns; the rest fail with
	// `Type "function Name()" not yet supported` (functions: `Type
	// "function"`); decoded map entries are assigned as o[k] = v does.
	NodeBinaryPack
)

// Raw is what BinaryPack raw bytes become in JavaScript.
type Raw int

const (
	// RawArrayBuffer makes raw bytes an ArrayBuffer, as PeerJS does.
	RawArrayBuffer Raw = iota
	// RawBuffer makes raw bytes a Node Buffer, as binaryjs does.
	RawBuffer
)

// Options say how a Bridge behaves for the library that uses it.
type Options struct {
	// Dialect is the library whose packing rules and messages to follow.
	Dialect Dialect
	// Raw is what raw bytes become when unpacked.
	Raw Raw
	// KeyString names a decoded map key that is not a string; nil means
	// JavaScript's String() of the key as unpacked.
	KeyString func(key any) string
}

// Bridge packs goja values as BinaryPack and unpacks decoded BinaryPack
// values into goja values, for one runtime.
type Bridge struct {
	rt            *runtime.Runtime
	opts          Options
	enc           binarypack.Encoder
	objProto      *goja.Object
	dataViewProto *goja.Object
	arrayBufT     reflect.Type
	bytesT        reflect.Type
	plainT        reflect.Type
}

// New returns a Bridge for rt's values with the given options.
func New(rt *runtime.Runtime, opts Options) *Bridge {
	vm := rt.VM
	return &Bridge{
		rt:            rt,
		opts:          opts,
		enc:           binarypack.Encoder{WideIntegersAsFloat64: true},
		objProto:      vm.Get("Object").ToObject(vm).Get("prototype").ToObject(vm),
		dataViewProto: vm.Get("DataView").ToObject(vm).Get("prototype").ToObject(vm),
		arrayBufT:     reflect.TypeOf(goja.ArrayBuffer{}),
		bytesT:        reflect.TypeOf([]byte(nil)),
		plainT:        reflect.TypeOf(map[string]any(nil)),
	}
}

// Bytes returns the bytes of an ArrayBuffer, a typed array (Buffer
// included) or a DataView: a view, not a copy. It reports false for any
// other value.
func (b *Bridge) Bytes(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	t := o.ExportType()
	switch {
	case t == b.bytesT:
		bs, ok := o.Export().([]byte)
		return bs, ok
	case t == b.arrayBufT:
		ab, ok := o.Export().(goja.ArrayBuffer)
		return ab.Bytes(), ok
	case t != nil && t.Kind() == reflect.Slice:
		return viewBytes(o)
	}
	if b.dataViewProto != nil && o.Prototype() == b.dataViewProto {
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
