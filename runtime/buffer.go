package runtime

import (
	"bytes"
	_ "embed"
	"unicode/utf8"
	"unsafe"

	"github.com/dop251/goja"

	"earlynode/runtime/nodecodec"
)

// Buffer is goja_nodejs's Buffer completed to Node 20's (docs/modern-buffer-and-modules.md):
// js/buffer.js keeps goja_nodejs's constructor, prototype and numeric accessors' storage, and
// puts Node's argument handling and errors on every static and method; the byte work (the
// encodings, fill, indexOf, compare, swap) is done here in Go. It also keeps the pre-Node-6
// forms the libraries' documents use: new Buffer(size) (zero-filled), new Buffer(data,
// encoding) and Buffer(...) without new.

//go:embed js/buffer.js
var bufferJS string

// legacyBuffer completes goja_nodejs's Buffer b and returns the Buffer constructor programs
// see; the buffer module's exports are kept for BufferModule.
func (rt *Runtime) legacyBuffer(b goja.Value) goja.Value {
	g := rt.LoadGlue("runtime/buffer.js", bufferJS, Natives{
		"Base":       b,
		"fromString": rt.bufFromString,
		"byteLength": rt.bufByteLength,
		"slice":      rt.bufSlice,
		"write":      rt.bufWrite,
		"fill":       rt.bufFill,
		"indexOf":    rt.bufIndexOf,
		"compare":    rt.bufCompare,
		"swap":       rt.bufSwap,
		"isUtf8":     rt.bufIsUTF8,
	})
	rt.bufferModule = g.Exports
	rt.bufferOf = rt.bufferMaker(b.(*goja.Object))
	return g.Exports.Get("Buffer")
}

// bufferMaker returns what NewBuffer calls: Reflect.construct(Uint8Array, [arrayBuffer], base),
// what buffer.js's Buffer.from(arrayBuffer) comes down to, without the JavaScript in between
// (a socket's every read becomes a Buffer this way).
func (rt *Runtime) bufferMaker(base *goja.Object) func([]byte) *goja.Object {
	u8, ok := goja.AssertConstructor(rt.VM.Get("Uint8Array"))
	if !ok {
		panic(rt.VM.NewTypeError("Uint8Array is not a constructor"))
	}
	return func(data []byte) *goja.Object {
		o, err := u8(base, rt.VM.ToValue(rt.VM.NewArrayBuffer(data)))
		if err != nil {
			panic(err)
		}
		return o
	}
}

// BufferModule returns require("buffer"): Buffer, SlowBuffer, constants, kMaxLength, atob,
// btoa, isUtf8, isAscii, transcode, INSPECT_MAX_BYTES.
func (rt *Runtime) BufferModule() *goja.Object {
	rt.VM.GlobalObject().Get("Buffer") // makes the module
	return rt.bufferModule
}

// bytesArg is the bytes a Buffer (or any Uint8Array) argument views; nil for anything else.
func bytesArg(v goja.Value) []byte {
	if o, ok := v.(*goja.Object); ok {
		if b, ok := o.Export().([]byte); ok {
			return b
		}
	}
	return nil
}

// encodingArg is an encoding number made by buffer.js from a name it has checked.
func encodingArg(v goja.Value) nodecodec.Encoding {
	return nodecodec.Encoding(v.ToInteger())
}

// stringBytes encodes a JavaScript string. Encodings other than utf8 read UTF-16 code units
// when the string is not ASCII, so that lone surrogates keep their bits.
func stringBytes(v goja.Value, e nodecodec.Encoding) []byte {
	s := v.String()
	if e == nodecodec.UTF8 || isASCII(unsafe.Slice(unsafe.StringData(s), len(s))) {
		return nodecodec.FromString(e, s)
	}
	str, ok := v.(goja.String)
	if !ok {
		return nodecodec.FromString(e, s)
	}
	units := make([]uint16, str.Length())
	for i := range units {
		units[i] = str.CharAt(i)
	}
	return nodecodec.FromUnits(e, units)
}

// bufFromString(string, enc) is a new Buffer of the string's bytes.
func (rt *Runtime) bufFromString(c goja.FunctionCall) goja.Value {
	return rt.NewBuffer(stringBytes(c.Argument(0), encodingArg(c.Argument(1))))
}

// bufByteLength(string, enc) is Buffer.byteLength for a string.
func (rt *Runtime) bufByteLength(c goja.FunctionCall) goja.Value {
	v := c.Argument(0)
	e := encodingArg(c.Argument(1))
	s := v.String()
	units := len(s)
	if !isASCII(unsafe.Slice(unsafe.StringData(s), len(s))) {
		if str, ok := v.(goja.String); ok {
			units = str.Length()
		}
		if e == nodecodec.UTF8 {
			return rt.VM.ToValue(len(stringBytes(v, e)))
		}
	}
	return rt.VM.ToValue(nodecodec.ByteLength(e, s, units))
}

// bufSlice(buf, enc, start, end) is buf.toString(enc, start, end) with start and end checked.
func (rt *Runtime) bufSlice(c goja.FunctionCall) goja.Value {
	b := bytesArg(c.Argument(0))
	start, end := c.Argument(2).ToInteger(), c.Argument(3).ToInteger()
	if start < 0 || end > int64(len(b)) || start > end {
		return rt.VM.ToValue("")
	}
	b = b[start:end]
	switch e := encodingArg(c.Argument(1)); e {
	case nodecodec.UTF8:
		if isASCII(b) || utf8.Valid(b) {
			return rt.StringValue(string(b))
		}
		return rt.VM.ToValue(nodecodec.DecodeUTF8(b))
	case nodecodec.UTF16LE:
		return goja.StringFromUTF16(nodecodec.ToUnits(b))
	default:
		return rt.StringValue(nodecodec.ToString(e, b))
	}
}

// bufWrite(buf, string, enc, offset, length) writes the string's bytes at offset, at most
// length of them, and returns how many it wrote. As in Node, utf8 writes whole characters only
// and utf16le whole code units.
func (rt *Runtime) bufWrite(c goja.FunctionCall) goja.Value {
	b := bytesArg(c.Argument(0))
	e := encodingArg(c.Argument(2))
	offset, length := int(c.Argument(3).ToInteger()), int(c.Argument(4).ToInteger())
	if offset < 0 || offset > len(b) {
		return rt.VM.ToValue(0)
	}
	if length > len(b)-offset {
		length = len(b) - offset
	}
	data := stringBytes(c.Argument(1), e)
	if len(data) > length {
		switch e {
		case nodecodec.UTF8:
			n := length
			for n > 0 && !utf8.RuneStart(data[n]) {
				n--
			}
			data = data[:n]
		case nodecodec.UTF16LE:
			data = data[:length&^1]
		default:
			data = data[:length]
		}
	}
	return rt.VM.ToValue(copy(b[offset:], data))
}

// bufFill(buf, value, enc, start, end) fills buf[start:end] with the bytes of value (a string
// in enc, or a Uint8Array), repeated; -1 when value has no bytes.
func (rt *Runtime) bufFill(c goja.FunctionCall) goja.Value {
	b := bytesArg(c.Argument(0))
	start, end := c.Argument(3).ToInteger(), c.Argument(4).ToInteger()
	if start < 0 || end > int64(len(b)) || start > end {
		return rt.VM.ToValue(-2)
	}
	pat := bytesArg(c.Argument(1))
	if pat == nil {
		pat = stringBytes(c.Argument(1), encodingArg(c.Argument(2)))
	}
	if len(pat) == 0 {
		return rt.VM.ToValue(-1)
	}
	fillPattern(b[start:end], pat)
	return rt.VM.ToValue(0)
}

// fillPattern fills dst with pat repeated, doubling what is written each step.
func fillPattern(dst, pat []byte) {
	if len(dst) == 0 {
		return
	}
	n := copy(dst, pat)
	for n < len(dst) {
		n += copy(dst[n:], dst[:n])
	}
}

// bufIndexOf(buf, needle, enc, byteOffset, forward) is Node's search of buf for needle (a
// string in enc or a Uint8Array), from byteOffset (already an integer), forwards or backwards.
func (rt *Runtime) bufIndexOf(c goja.FunctionCall) goja.Value {
	hay := bytesArg(c.Argument(0))
	needle := bytesArg(c.Argument(1))
	if needle == nil {
		needle = stringBytes(c.Argument(1), encodingArg(c.Argument(2)))
	}
	forward := c.Argument(4).ToBoolean()
	return rt.VM.ToValue(indexOf(hay, needle, c.Argument(3).ToInteger(), forward))
}

// searchStart is where Node starts a search of n bytes for a needle of m bytes from offset
// (negative offsets count from the end); -1: nothing to search.
func searchStart(n, offset, m int64, forward bool) int64 {
	if offset < 0 {
		if offset+n >= 0 {
			return n + offset
		}
		if forward || m == 0 {
			return 0
		}
		return -1
	}
	if offset+m <= n {
		return offset
	}
	if m == 0 {
		return n
	}
	if forward {
		return -1
	}
	return n - 1
}

// indexOf finds needle in hay as buf.indexOf (forward) or buf.lastIndexOf does.
func indexOf(hay, needle []byte, offset int64, forward bool) int64 {
	n, m := int64(len(hay)), int64(len(needle))
	at := searchStart(n, offset, m, forward)
	if m == 0 {
		return at
	}
	if n == 0 || at < 0 || m > n {
		return -1
	}
	if forward {
		if at+m > n {
			return -1
		}
		var i int
		if m == 1 {
			i = bytes.IndexByte(hay[at:], needle[0])
		} else {
			i = bytes.Index(hay[at:], needle)
		}
		if i < 0 {
			return -1
		}
		return at + int64(i)
	}
	if at > n-m {
		at = n - m
	}
	return int64(bytes.LastIndex(hay[:at+m], needle))
}

// bufCompare(a, b) is -1, 0 or 1 as a sorts before, with or after b.
func (rt *Runtime) bufCompare(c goja.FunctionCall) goja.Value {
	return rt.VM.ToValue(bytes.Compare(bytesArg(c.Argument(0)), bytesArg(c.Argument(1))))
}

// bufSwap(buf, size) reverses the byte order of each group of size (2, 4, 8) bytes in place.
func (rt *Runtime) bufSwap(c goja.FunctionCall) goja.Value {
	b := bytesArg(c.Argument(0))
	size := int(c.Argument(1).ToInteger())
	for i := 0; i+size <= len(b); i += size {
		g := b[i : i+size]
		for x, y := 0, size-1; x < y; x, y = x+1, y-1 {
			g[x], g[y] = g[y], g[x]
		}
	}
	return goja.Undefined()
}

// bufIsUTF8(view) reports whether the bytes are valid UTF-8.
func (rt *Runtime) bufIsUTF8(c goja.FunctionCall) goja.Value {
	return rt.VM.ToValue(utf8.Valid(bytesArg(c.Argument(0))))
}
