package runtime

import (
	"encoding/binary"
	"reflect"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/dop251/goja"
)

// Large strings from Go
//
// goja keeps a string that comes from Go (ToValue) as it is and, the first time JavaScript
// looks at it (its length, a comparison), scans it byte by byte for non-ASCII characters. For
// the 64 KiB chunks of a file or a pipe that scan costs more than the read itself. ValueOfUTF8
// and StringValue check for ASCII eight bytes at a time instead and hand an ASCII string to
// goja already in its ASCII form; anything else goes through ToValue as before.
//
// The ASCII form is goja's own unexported string type, reached by converting a Go string to
// the dynamic type of a short ASCII value goja made (reflect allows converting between types
// whose underlying type is string). A self-check at first use falls back to ToValue should a
// goja version ever represent strings differently.

var asciiForm struct {
	once sync.Once
	typ  reflect.Type // goja's ASCII string type, or nil to always use ToValue
}

func (rt *Runtime) asciiType() reflect.Type {
	asciiForm.once.Do(func() {
		probe := rt.VM.ToValue("ascii")
		t := reflect.TypeOf(probe)
		if t == nil || t.Kind() != reflect.String {
			return
		}
		v, ok := reflect.ValueOf("probe: longer than sixteen bytes").Convert(t).Interface().(goja.Value)
		if !ok || v.String() != "probe: longer than sixteen bytes" || v.ExportType() != reflect.TypeOf("") {
			return
		}
		asciiForm.typ = t
	})
	return asciiForm.typ
}

// ValueOfUTF8 is ValueOf(data, UTF8): a string of the UTF-8 bytes (invalid sequences become
// U+FFFD), made without goja's byte-by-byte scan when the bytes are ASCII.
func (rt *Runtime) ValueOfUTF8(data []byte) goja.Value {
	if len(data) > 16 && isASCII(data) {
		if t := rt.asciiType(); t != nil {
			return reflect.ValueOf(string(data)).Convert(t).Interface().(goja.Value)
		}
	}
	if utf8.Valid(data) {
		return rt.VM.ToValue(string(data))
	}
	return rt.ValueOf(data, UTF8)
}

// StringValue is ToValue(s) for a valid UTF-8 string, without goja's byte-by-byte scan when s
// is ASCII.
func (rt *Runtime) StringValue(s string) goja.Value {
	if len(s) > 16 && isASCII(unsafe.Slice(unsafe.StringData(s), len(s))) {
		if t := rt.asciiType(); t != nil {
			return reflect.ValueOf(s).Convert(t).Interface().(goja.Value)
		}
	}
	return rt.VM.ToValue(s)
}

// isASCII reports whether every byte of b is below 0x80, reading 32 bytes per step.
func isASCII(b []byte) bool {
	const high = 0x8080808080808080
	for len(b) >= 32 {
		w := binary.LittleEndian.Uint64(b) | binary.LittleEndian.Uint64(b[8:]) |
			binary.LittleEndian.Uint64(b[16:]) | binary.LittleEndian.Uint64(b[24:])
		if w&high != 0 {
			return false
		}
		b = b[32:]
	}
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&high != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
