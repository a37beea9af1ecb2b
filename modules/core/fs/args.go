//go:build linux

package fs

import (
	"encoding/base64"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"

	"earlynode/runtime"
	"earlynode/runtime/nodecodec"
)

// absent reports whether an optional argument was left out (undefined or null).
func absent(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}

// pathArg reads a path argument as Node does: a string, a Buffer (its bytes) or a file: URL.
func (m *module) pathArg(name string, v goja.Value) string {
	const want = "of type string or an instance of Buffer or URL"
	var p string
	switch x := v.(type) {
	case nil:
		throw(m.rt, argTypeError(name, want, v))
	case *goja.Object:
		if href := x.Get("href"); href != nil && !goja.IsUndefined(href) && x.Get("protocol") != nil {
			u, err := url.Parse(href.String())
			if err != nil || u.Scheme != "file" {
				throw(m.rt, &CodeError{Kind: "TypeError", Code: "ERR_INVALID_URL_SCHEME", Message: "The URL must be of scheme file"})
			}
			p = u.Path
			break
		}
		if x.ClassName() == "String" {
			p = x.String()
			break
		}
		b, err := m.rt.BytesOf(x, runtime.BufferEncoding)
		if err != nil || !m.isBufferLike(x) {
			throw(m.rt, argTypeError(name, want, v))
		}
		p = string(b)
	default:
		s, ok := stringOf(v)
		if !ok {
			throw(m.rt, argTypeError(name, want, v))
		}
		p = s
	}
	if strings.IndexByte(p, 0) >= 0 {
		throw(m.rt, &CodeError{Kind: "TypeError", Code: "ERR_INVALID_ARG_VALUE",
			Message: fmt.Sprintf("The argument '%s' must be a string, Uint8Array, or URL without null bytes. Received %s", name, quoteJS(p))})
	}
	return p
}

// isBufferLike reports whether o is a Buffer, another typed array or a DataView
// (ArrayBuffer.isView).
func (m *module) isBufferLike(o *goja.Object) bool {
	v, err := m.isView(goja.Undefined(), o)
	return err == nil && v.ToBoolean()
}

// quoteJS renders s as Node's messages quote a string value.
func quoteJS(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, "\\", "\\\\"), "\x00", "\\x00") + "'"
}

// fdArg reads a file descriptor: an integer from 0 to 2^31-1.
func (m *module) fdArg(v goja.Value) int {
	if !isNumber(v) {
		throw(m.rt, argTypeError("fd", "of type number", v))
	}
	f := v.ToFloat()
	if f != math.Trunc(f) {
		throw(m.rt, &CodeError{Kind: "RangeError", Code: "ERR_OUT_OF_RANGE",
			Message: "The value of \"fd\" is out of range. It must be an integer. Received " + v.String()})
	}
	if f < 0 || f > math.MaxInt32 {
		throw(m.rt, &CodeError{Kind: "RangeError", Code: "ERR_OUT_OF_RANGE",
			Message: fmt.Sprintf("The value of \"fd\" is out of range. It must be >= 0 && <= 2147483647. Received %s", v.String())})
	}
	return int(f)
}

// intOpt reads an integer option or argument in [lo, hi]; absent gives def.
func (m *module) intOpt(name string, v goja.Value, def, lo, hi int64) int64 {
	if absent(v) {
		return def
	}
	if !isNumber(v) {
		throw(m.rt, argTypeError(name, "of type number", v))
	}
	f := v.ToFloat()
	if f != math.Trunc(f) || f < float64(lo) || f > float64(hi) {
		throw(m.rt, &CodeError{Kind: "RangeError", Code: "ERR_OUT_OF_RANGE",
			Message: fmt.Sprintf("The value of %q is out of range. It must be >= %d && <= %d. Received %s", name, lo, hi, v.String())})
	}
	return int64(f)
}

// modeArg reads a permission mode: a number or an octal string ("644"); absent gives def.
func (m *module) modeArg(v goja.Value, def uint32) uint32 {
	if absent(v) {
		return def
	}
	if s, ok := stringOf(v); ok {
		n, err := strconv.ParseUint(s, 8, 32)
		if err != nil {
			throw(m.rt, &CodeError{Kind: "TypeError", Code: "ERR_INVALID_ARG_VALUE",
				Message: fmt.Sprintf("The argument 'mode' must be a 32-bit unsigned integer or an octal string. Received %s", quoteJS(s))})
		}
		return uint32(n)
	}
	return uint32(m.intOpt("mode", v, int64(def), 0, math.MaxUint32))
}

// openFlags are Node's flag strings and the open(2) flags they stand for.
var openFlags = map[string]int{
	"r":   syscall.O_RDONLY,
	"rs":  syscall.O_RDONLY | syscall.O_SYNC,
	"sr":  syscall.O_RDONLY | syscall.O_SYNC,
	"r+":  syscall.O_RDWR,
	"rs+": syscall.O_RDWR | syscall.O_SYNC,
	"sr+": syscall.O_RDWR | syscall.O_SYNC,
	"w":   syscall.O_TRUNC | syscall.O_CREAT | syscall.O_WRONLY,
	"wx":  syscall.O_TRUNC | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL,
	"xw":  syscall.O_TRUNC | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL,
	"w+":  syscall.O_TRUNC | syscall.O_CREAT | syscall.O_RDWR,
	"wx+": syscall.O_TRUNC | syscall.O_CREAT | syscall.O_RDWR | syscall.O_EXCL,
	"xw+": syscall.O_TRUNC | syscall.O_CREAT | syscall.O_RDWR | syscall.O_EXCL,
	"a":   syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY,
	"ax":  syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL,
	"xa":  syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL,
	"as":  syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_SYNC,
	"sa":  syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_SYNC,
	"a+":  syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR,
	"ax+": syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR | syscall.O_EXCL,
	"xa+": syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR | syscall.O_EXCL,
	"as+": syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR | syscall.O_SYNC,
	"sa+": syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR | syscall.O_SYNC,
}

// flagsArg reads open flags: one of Node's strings or a number; absent gives def.
func (m *module) flagsArg(v goja.Value, def string) int {
	f, err := parseFlags(v, def)
	if err != nil {
		throw(m.rt, err)
	}
	return f
}

// parseFlags is flagsArg's reading, with the error it throws returned instead.
func parseFlags(v goja.Value, def string) (int, error) {
	if absent(v) {
		return openFlags[def], nil
	}
	if isNumber(v) {
		return int(v.ToInteger()), nil
	}
	s := v.String()
	f, ok := openFlags[s]
	if !ok {
		return 0, &CodeError{Kind: "TypeError", Code: "ERR_INVALID_ARG_VALUE",
			Message: fmt.Sprintf("The argument 'flags' is invalid. Received %s", quoteJS(s))}
	}
	return f, nil
}

// encodings are the names Buffer knows, by their canonical spelling.
var encodings = map[string]string{
	"utf8": "utf8", "utf-8": "utf8", "ascii": "ascii", "latin1": "latin1", "binary": "latin1",
	"ucs2": "utf16le", "ucs-2": "utf16le", "utf16le": "utf16le", "utf-16le": "utf16le",
	"hex": "hex", "base64": "base64", "base64url": "base64url", "buffer": "buffer",
}

// encodingName reads an encoding: "" for none (Buffers), else its canonical name.
func (m *module) encodingName(v goja.Value) string {
	if absent(v) {
		return ""
	}
	s := v.String()
	if e, ok := encodings[strings.ToLower(s)]; ok {
		if e == "buffer" {
			return ""
		}
		return e
	}
	throw(m.rt, &CodeError{Kind: "TypeError", Code: "ERR_INVALID_ARG_VALUE",
		Message: fmt.Sprintf("The argument 'encoding' is invalid encoding. Received %s", quoteJS(s))})
	return ""
}

// options reads the options argument of the calls that take either an encoding string or an
// object: it returns the object (or nil) and the encoding named either way.
func (m *module) options(v goja.Value, defEncoding string) (*goja.Object, string) {
	if absent(v) {
		return nil, defEncoding
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() != "String" {
		if _, fn := goja.AssertFunction(o); fn {
			return nil, defEncoding
		}
		e := o.Get("encoding")
		if absent(e) {
			if e != nil && goja.IsNull(e) {
				return o, ""
			}
			return o, defEncoding
		}
		return o, m.encodingName(e)
	}
	if _, ok := stringOf(v); ok {
		return nil, m.encodingName(v)
	}
	throw(m.rt, argTypeError("options", "of type object", v))
	return nil, ""
}

// get reads an option (nil when the options are absent or leave it out).
func get(o *goja.Object, name string) goja.Value {
	if o == nil {
		return nil
	}
	v := o.Get(name)
	if absent(v) {
		return nil
	}
	return v
}

// dataArg reads data to write: a string in encoding, or a Buffer, typed array or DataView
// (its bytes, shared with JavaScript).
func (m *module) dataArg(name string, v goja.Value, encoding string) []byte {
	if s, ok := stringOf(v); ok {
		return nodecodec.FromStringNamed(s, encoding)
	}
	if o, ok := v.(*goja.Object); ok && m.isBufferLike(o) {
		if b, err := m.rt.BytesOf(o, runtime.BufferEncoding); err == nil {
			return b
		}
	}
	throw(m.rt, argTypeError(name, "of type string or an instance of Buffer, TypedArray, or DataView", v))
	return nil
}

// text turns bytes into the value of encoding: a Buffer for "", a string otherwise.
func (m *module) text(b []byte, encoding string) goja.Value {
	switch encoding {
	case "":
		return m.rt.NewBuffer(b)
	case "utf8":
		if utf8.Valid(b) {
			return m.rt.ValueOfUTF8(b)
		}
		return m.vm.ToValue(nodecodec.DecodeUTF8(b))
	case "latin1", "ascii":
		u := make([]uint16, len(b))
		for i, c := range b {
			if encoding == "ascii" {
				c &= 0x7f
			}
			u[i] = uint16(c)
		}
		return m.vm.ToValue(string(utf16Decode(u)))
	case "utf16le":
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return m.vm.ToValue(string(utf16Decode(u)))
	case "base64url":
		return m.vm.ToValue(base64.RawURLEncoding.EncodeToString(b))
	}
	v, err := m.rt.DecodeString(b, encoding)
	if err != nil {
		throw(m.rt, err)
	}
	return v
}

// utf16Decode turns UTF-16 code units into runes (a lone surrogate becomes U+FFFD).
func utf16Decode(u []uint16) []rune { return utf16.Decode(u) }

// stringOf returns a JavaScript string's value (false for every other value, symbols too,
// whose Export is their description).
func stringOf(v goja.Value) (string, bool) {
	if v == nil {
		return "", false
	}
	if _, sym := v.(*goja.Symbol); sym {
		return "", false
	}
	s, ok := v.Export().(string)
	return s, ok
}
