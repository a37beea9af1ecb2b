package jsvalue

import (
	"github.com/dop251/goja"

	"earlynode/modules/binarypack"
)

// maxSafeInteger is 2^53, past which a JavaScript number no longer holds
// every integer.
const maxSafeInteger = 1 << 53

// Unpack turns a decoded BinaryPack value (what binarypack.Decode returns)
// into JavaScript: raw bytes become an ArrayBuffer or a Buffer as
// Options.Raw says (sharing the decoded bytes), arrays arrays, maps plain
// objects whose keys are all own properties (a "__proto__" key does not
// change the prototype), 64-bit integers numbers. It never returns nil.
func (b *Bridge) Unpack(v any) goja.Value {
	vm := b.rt.VM
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
		return b.rt.StringValue(x)
	case []byte:
		if b.opts.Raw == RawBuffer {
			return b.rt.NewBuffer(x)
		}
		return vm.ToValue(vm.NewArrayBuffer(x))
	case []any:
		vals := make([]any, len(x))
		for i, e := range x {
			vals[i] = b.Unpack(e)
		}
		return vm.NewArray(vals...)
	case binarypack.Map:
		return b.unpackMap(x)
	}
	return goja.Undefined()
}

// unpackMap turns a decoded map into a plain object.
func (b *Bridge) unpackMap(m binarypack.Map) *goja.Object {
	o := b.rt.VM.NewObject()
	for _, pair := range m {
		key, ok := pair.Key.(string)
		if !ok {
			if b.opts.KeyString != nil {
				key = b.opts.KeyString(pair.Key)
			} else {
				key = b.Unpack(pair.Key).String()
			}
		}
		if b.opts.Dialect == NodeBinaryPack && key != "__proto__" {
			o.Set(key, b.Unpack(pair.Value)) // as o[k] = v: Object.prototype's setters run
			continue
		}
		o.DefineDataProperty(key, b.Unpack(pair.Value), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	return o
}
