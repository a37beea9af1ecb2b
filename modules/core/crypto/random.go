package crypto

// The random functions: randomBytes, randomFill, randomUUID, randomInt, timingSafeEqual,
// getRandomValues.

import (
	"github.com/google/uuid"

	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
	"fmt"
	"math"

	"github.com/dop251/goja"

	"earlynode/loop"
)

// sizeArg reads randomBytes' size: an integer from 0 to 2^31-1.
func (m *module) sizeArg(v goja.Value) int {
	switch v.Export().(type) {
	case int64, float64:
	default:
		m.argType("size", "of type number", v)
	}
	f := v.ToFloat()
	if math.IsNaN(f) || f != math.Trunc(f) || f < 0 || f > math.MaxInt32 {
		m.codeError("RangeError", "ERR_OUT_OF_RANGE", "The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received "+v.String())
	}
	return int(f)
}

// randomBytes is randomBytes(size, cb): a Buffer of random bytes, at once or (with cb) from
// the pool.
func (m *module) randomBytes(c goja.FunctionCall) goja.Value {
	n := m.sizeArg(c.Argument(0))
	cb, async := goja.AssertFunction(c.Argument(1))
	if !async && !goja.IsUndefined(c.Argument(1)) {
		m.argType("callback", "of type function", c.Argument(1))
	}
	if !async {
		b := make([]byte, n)
		rand.Read(b)
		return m.rt.NewBuffer(b)
	}
	m.rt.Loop.Do(func() loop.Callback {
		b := make([]byte, n)
		rand.Read(b)
		return func() error {
			_, err := m.rt.Call(cb, goja.Undefined(), goja.Null(), m.rt.NewBuffer(b))
			return err
		}
	})
	return goja.Undefined()
}

// randomFill is randomFill(buf, offset, size): fills part of a Buffer or typed array.
func (m *module) randomFill(c goja.FunctionCall) goja.Value {
	if !m.isView(c.Argument(0)) {
		if o, ok := c.Argument(0).(*goja.Object); !ok || o.ClassName() != "ArrayBuffer" {
			m.argType("buf", "an instance of ArrayBuffer or ArrayBufferView", c.Argument(0))
		}
	}
	b := m.bytes("buf", c.Argument(0), nil)
	off := 0
	if v := c.Argument(1); !goja.IsUndefined(v) {
		off = int(v.ToInteger())
	}
	size := len(b) - off
	if v := c.Argument(2); !goja.IsUndefined(v) {
		size = int(v.ToInteger())
	}
	if off < 0 || off > len(b) {
		m.codeError("RangeError", "ERR_OUT_OF_RANGE", fmt.Sprintf("The value of \"offset\" is out of range. It must be >= 0 && <= %d. Received %d", len(b), off))
	}
	if size < 0 || off+size > len(b) {
		m.codeError("RangeError", "ERR_OUT_OF_RANGE", fmt.Sprintf("The value of \"size + offset\" is out of range. It must be <= %d. Received %d", len(b), off+size))
	}
	rand.Read(b[off : off+size])
	return c.Argument(0)
}

// randomUUID is a random (version 4) UUID.
func (m *module) randomUUID(goja.FunctionCall) goja.Value {
	return m.vm.ToValue(uuid.NewString())
}

// randomInt is randomInt(min, max): a uniformly random integer with min <= n < max (the glue
// sorts out the optional min and the callback).
func (m *module) randomInt(c goja.FunctionCall) goja.Value {
	check := func(name string, v goja.Value) int64 {
		f := v.ToFloat()
		_, isNum := v.Export().(int64)
		if _, ok := v.Export().(float64); ok {
			isNum = true
		}
		if !isNum || f != math.Trunc(f) || math.Abs(f) > 1<<53-1 {
			m.codeError("TypeError", "ERR_INVALID_ARG_TYPE", fmt.Sprintf("The %q argument must be a safe integer. Received %s", name, received(v)))
		}
		return int64(f)
	}
	lo := check("min", c.Argument(0))
	hi := check("max", c.Argument(1))
	if hi <= lo {
		m.codeError("RangeError", "ERR_OUT_OF_RANGE", fmt.Sprintf("The value of \"max\" is out of range. It must be greater than the value of \"min\" (%d). Received %d", lo, hi))
	}
	span := uint64(hi - lo)
	if span > 1<<48 {
		m.codeError("RangeError", "ERR_OUT_OF_RANGE", fmt.Sprintf("The value of \"max - min\" is out of range. It must be <= 281474976710655. Received %d", span))
	}
	limit := math.MaxUint64 - math.MaxUint64%span
	for {
		var b [8]byte
		rand.Read(b[:])
		x := binary.LittleEndian.Uint64(b[:])
		if x < limit {
			return m.vm.ToValue(lo + int64(x%span))
		}
	}
}

// timingSafeEqual compares two equally long buffers in constant time.
func (m *module) timingSafeEqual(c goja.FunctionCall) goja.Value {
	for i, name := range []string{"buf1", "buf2"} {
		if v := c.Argument(i); !m.isView(v) {
			if o, ok := v.(*goja.Object); !ok || o.ClassName() != "ArrayBuffer" {
				m.codeError("TypeError", "ERR_INVALID_ARG_TYPE", fmt.Sprintf("The %q argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.", name))
			}
		}
	}
	a := m.bytes("buf1", c.Argument(0), nil)
	b := m.bytes("buf2", c.Argument(1), nil)
	if len(a) != len(b) {
		m.codeError("RangeError", "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length")
	}
	return m.vm.ToValue(subtle.ConstantTimeCompare(a, b) == 1)
}

// getRandomValues fills an integer typed array (at most 65536 bytes) with random values.
func (m *module) getRandomValues(c goja.FunctionCall) goja.Value {
	v := c.Argument(0)
	o, ok := v.(*goja.Object)
	integer := false
	if ok && m.isView(v) {
		switch tag := o.GetSymbol(goja.SymToStringTag); {
		case tag == nil || goja.IsUndefined(tag):
		default:
			switch tag.String() {
			case "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
				"Int32Array", "Uint32Array", "BigInt64Array", "BigUint64Array":
				integer = true
			}
		}
	}
	if !integer {
		m.domError("TypeMismatchError", 17, "The data argument must be an integer-type TypedArray")
	}
	b := m.bytes("typedArray", v, nil)
	if len(b) > 65536 {
		m.domError("QuotaExceededError", 22, "The requested length exceeds 65,536 bytes")
	}
	rand.Read(b)
	return v
}

// domError throws a DOMException-like Error with name and legacy code.
func (m *module) domError(name string, code int, msg string) {
	e := m.rt.NewError(msg)
	e.Set("name", name)
	e.Set("code", code)
	panic(e)
}
