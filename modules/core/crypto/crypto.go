// Package crypto is Node 20's require("crypto") (also "node:crypto") for what scripts use
// every day: createHash and createHmac (md5, sha1, sha224, sha256, sha384, sha512), randomBytes,
// randomFill, randomUUID, randomInt, timingSafeEqual and getRandomValues (also as
// webcrypto.getRandomValues). Hashing is Go's crypto packages. See docs/modern-fs-os-crypto.md.
package crypto

import (
	_ "embed"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja"

	"earlynode/runtime"
	"earlynode/runtime/nodecodec"
)

//go:embed crypto.js
var cryptoJS string

// Install registers "crypto" and "node:crypto".
func Install(rt *runtime.Runtime) {
	var exports goja.Value
	load := func(rt *runtime.Runtime) goja.Value {
		if exports == nil {
			exports = loadCrypto(rt)
		}
		return exports
	}
	rt.RegisterPackage("crypto", load)
	rt.RegisterPackage("node:crypto", load)
}

// module is require("crypto") in one runtime.
type module struct {
	rt         *runtime.Runtime
	vm         *goja.Runtime
	isViewFunc goja.Callable // ArrayBuffer.isView, as it was when the module loaded
}

func loadCrypto(rt *runtime.Runtime) goja.Value {
	m := &module{rt: rt, vm: rt.VM}
	m.isViewFunc, _ = goja.AssertFunction(rt.VM.Get("ArrayBuffer").ToObject(rt.VM).Get("isView"))
	names := make([]any, 0, len(algorithms))
	for _, a := range hashNames {
		names = append(names, a)
	}
	g := rt.LoadGlue("core/crypto/crypto.js", cryptoJS, runtime.Natives{
		"initHash":        m.initHash,
		"initHmac":        m.initHmac,
		"update":          m.update,
		"digest":          m.digest,
		"copy":            m.copy,
		"randomBytes":     m.randomBytes,
		"randomFill":      m.randomFill,
		"randomUUID":      m.randomUUID,
		"randomInt":       m.randomInt,
		"timingSafeEqual": m.timingSafeEqual,
		"getRandomValues": m.getRandomValues,
		"hashes":          m.vm.NewArray(names...),
	})
	return g.Exports
}

// codeError throws Node's error of kind ("Error", "TypeError", "RangeError") with code.
func (m *module) codeError(kind, code, msg string) {
	ctor, _ := goja.AssertConstructor(m.vm.Get(kind))
	o, err := ctor(nil, m.vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	if code != "" {
		o.Set("code", code)
	}
	panic(o)
}

// received renders a wrong argument as Node's messages do.
func received(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if o, ok := v.(*goja.Object); ok {
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			return "an instance of " + c.Get("name").String()
		}
		return "an instance of Object"
	}
	switch x := v.Export().(type) {
	case string:
		if len(x) > 25 {
			x = x[:25] + "..."
		}
		return "type string ('" + x + "')"
	case bool:
		return fmt.Sprintf("type boolean (%v)", x)
	case int64, float64:
		return "type number (" + v.String() + ")"
	}
	return "type " + v.String()
}

func (m *module) argType(name, want string, v goja.Value) {
	m.codeError("TypeError", "ERR_INVALID_ARG_TYPE", fmt.Sprintf("The %q argument must be %s. Received %s", name, want, received(v)))
}

// isView reports whether v is a Buffer, typed array or DataView.
func (m *module) isView(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	r, err := m.isViewFunc(goja.Undefined(), o)
	return err == nil && r.ToBoolean()
}

// bytes reads data: a string in encoding (utf8 by default) or a Buffer, typed array or
// DataView (its memory, not copied).
func (m *module) bytes(name string, v goja.Value, encoding goja.Value) []byte {
	if s, ok := stringOf(v); ok {
		enc := "utf8"
		if encoding != nil && !goja.IsUndefined(encoding) && !goja.IsNull(encoding) {
			enc = strings.ToLower(encoding.String())
		}
		return nodecodec.FromStringNamed(s, enc)
	}
	if m.isView(v) {
		b, err := m.rt.BytesOf(v, runtime.BufferEncoding)
		if err == nil {
			return b
		}
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "ArrayBuffer" {
		if ab, ok := o.Export().(goja.ArrayBuffer); ok {
			return ab.Bytes()
		}
	}
	m.argType(name, "of type string or an instance of Buffer, TypedArray, or DataView", v)
	return nil
}

// text turns bytes into a string of encoding (a Buffer for "buffer" and unknown names).
func (m *module) text(b []byte, enc string) goja.Value {
	switch enc {
	case "hex":
		return m.vm.ToValue(hex.EncodeToString(b))
	case "base64":
		return m.vm.ToValue(base64.StdEncoding.EncodeToString(b))
	case "base64url":
		return m.vm.ToValue(base64.RawURLEncoding.EncodeToString(b))
	case "latin1", "binary", "ascii":
		u := make([]uint16, len(b))
		for i, x := range b {
			if enc == "ascii" {
				x &= 0x7f
			}
			u[i] = uint16(x)
		}
		return m.vm.ToValue(string(utf16.Decode(u)))
	case "utf8", "utf-8":
		return m.rt.ValueOfUTF8(b)
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(b[2*i:])
		}
		return m.vm.ToValue(string(utf16.Decode(u)))
	}
	return m.rt.NewBuffer(b)
}

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
