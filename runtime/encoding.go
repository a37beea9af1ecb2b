package runtime

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"

	"earlynode/runtime/nodecodec"
)

// Encoding names how bytes cross into JavaScript: 0.1.0's three ("utf8", "ascii", "raw": arrays
// of integers 0..255) and Buffer for the libraries.
type Encoding int

// The encodings.
const (
	Raw Encoding = iota
	UTF8
	ASCII
	BufferEncoding
)

// String returns the encoding's canonical name.
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf8"
	case ASCII:
		return "ascii"
	case BufferEncoding:
		return "buffer"
	}
	return "raw"
}

// ParseEncoding reads an encoding name, case-insensitively ("utf8", "utf-8", "ascii", "raw",
// "binary", "buffer"); undefined or null gives def.
func ParseEncoding(v goja.Value, def Encoding) (Encoding, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return def, nil
	}
	switch strings.ToLower(v.String()) {
	case "utf8", "utf-8":
		return UTF8, nil
	case "ascii", "latin1":
		return ASCII, nil
	case "raw", "binary":
		return Raw, nil
	case "buffer":
		return BufferEncoding, nil
	}
	return def, fmt.Errorf("unknown encoding %q (use \"utf8\", \"ascii\" or \"raw\")", v.String())
}

// BytesOf turns data from JavaScript into bytes: a string encoded as enc says (utf8, or one
// byte per character for ascii and raw), an array of integers (each taken modulo 256), a Buffer,
// a typed array or an ArrayBuffer. The result may share memory with a Buffer or ArrayBuffer:
// copy it before keeping it past the call.
func (rt *Runtime) BytesOf(v goja.Value, enc Encoding) ([]byte, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, fmt.Errorf("no data given")
	}
	switch x := v.Export().(type) {
	case string:
		if enc == UTF8 || enc == BufferEncoding {
			return []byte(x), nil
		}
		return latin1Bytes(x), nil
	case []byte:
		return x, nil
	case goja.ArrayBuffer:
		return x.Bytes(), nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return []byte(v.String()), nil
	}
	if o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		b := make([]byte, n)
		for i := 0; i < n; i++ {
			b[i] = byte(o.Get(strconv.Itoa(i)).ToInteger())
		}
		return b, nil
	}
	var b []byte
	if err := rt.VM.ExportTo(v, &b); err == nil {
		return b, nil
	}
	return []byte(v.String()), nil
}

// latin1Bytes keeps the low byte of each UTF-16 code unit: 0.1.0's "ascii" and "raw" strings.
func latin1Bytes(s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return []byte(s)
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xFFFF {
			r -= 0x10000
			b = append(b, byte(0xD800+(r>>10)), byte(0xDC00+(r&0x3FF)))
			continue
		}
		b = append(b, byte(r))
	}
	return b
}

// ValueOf turns bytes into a JavaScript value of the encoding: a string for utf8 (invalid
// sequences become U+FFFD) and ascii (one character per byte), an array of integers for raw, a
// Buffer (sharing data) for BufferEncoding.
func (rt *Runtime) ValueOf(data []byte, enc Encoding) goja.Value {
	switch enc {
	case UTF8:
		if utf8.Valid(data) {
			return rt.VM.ToValue(string(data))
		}
		return rt.VM.ToValue(strings.ToValidUTF8(string(data), "\uFFFD"))
	case ASCII:
		var b strings.Builder
		b.Grow(len(data))
		for _, c := range data {
			b.WriteRune(rune(c))
		}
		return rt.VM.ToValue(b.String())
	case BufferEncoding:
		return rt.NewBuffer(data)
	}
	vals := make([]any, len(data))
	for i, c := range data {
		vals[i] = int64(c)
	}
	return rt.VM.NewArray(vals...)
}

// EncodeString is Buffer.from(s, encoding) for Node's encoding names (the libraries' sockets
// are written with them); an unknown name is utf8, as Node does for writes.
func (rt *Runtime) EncodeString(s string, encoding string) ([]byte, error) {
	e, ok := nodecodec.Lookup(encoding)
	if !ok {
		return []byte(s), nil
	}
	return nodecodec.FromString(e, s), nil
}

// DecodeString is buffer.toString(encoding) for Node's encoding names; an unknown name is an
// error.
func (rt *Runtime) DecodeString(b []byte, encoding string) (goja.Value, error) {
	switch strings.ToLower(encoding) {
	case "utf8", "utf-8", "":
		return rt.ValueOf(b, UTF8), nil
	}
	e, ok := nodecodec.Lookup(encoding)
	if !ok {
		return nil, fmt.Errorf("unknown encoding %q", encoding)
	}
	if e == nodecodec.UTF16LE {
		return goja.StringFromUTF16(nodecodec.ToUnits(b)), nil
	}
	return rt.StringValue(nodecodec.ToString(e, b)), nil
}

// NewEmitter returns a new object inheriting from node.EventEmitter.prototype.
func (rt *Runtime) NewEmitter() *goja.Object {
	o := rt.VM.NewObject()
	o.SetPrototype(rt.emitterP)
	return o
}

// EmitterPrototype returns node.EventEmitter.prototype, for modules whose objects inherit it.
func (rt *Runtime) EmitterPrototype() *goja.Object { return rt.emitterP }

// NewPromise returns a new node.Promise.
func (rt *Runtime) NewPromise() *goja.Object {
	o := rt.VM.NewObject()
	o.SetPrototype(rt.promiseP)
	return o
}

// Resolve settles a node.Promise with "success" and the given arguments, from the loop (see
// Call). Arguments are passed as given, never spread.
func (rt *Runtime) Resolve(p *goja.Object, args ...goja.Value) error {
	return rt.settle(p, "success", args)
}

// Reject settles a node.Promise with "error" and the given arguments, from the loop. An error
// nobody listens for is ignored, as in 0.1.0.
func (rt *Runtime) Reject(p *goja.Object, args ...goja.Value) error {
	return rt.settle(p, "error", args)
}

func (rt *Runtime) settle(p *goja.Object, event string, args []goja.Value) error {
	if s := p.Get("_settled"); s != nil && s.ToBoolean() {
		return nil
	}
	p.DefineDataProperty("_settled", rt.VM.ToValue(true), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return rt.Emit(p, event, args...)
}

// NewError returns a JavaScript Error object with message msg, for errbacks and error events.
func (rt *Runtime) NewError(msg string) *goja.Object {
	ctor, _ := goja.AssertConstructor(rt.VM.Get("Error"))
	o, err := ctor(nil, rt.VM.ToValue(msg))
	if err != nil {
		return rt.VM.NewObject()
	}
	return o
}
