// Package crypto is Node 20's require("crypto") (also "node:crypto") for what scripts use
// every day: createHash and createHmac (md5, sha1, sha224, sha256, sha384, sha512), randomBytes,
// randomFill, randomUUID, randomInt, timingSafeEqual and getRandomValues (also as
// webcrypto.getRandomValues). Hashing is Go's crypto packages. See docs/modern-fs-os-crypto.md.
package crypto

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/runtime"
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

// algorithms are the digests createHash and createHmac know, by lower-case name.
var algorithms = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New,
	"sha384": sha512.New384, "sha512": sha512.New, "sha512-224": sha512.New512_224,
	"sha512-256": sha512.New512_256, "rsa-md5": md5.New, "rsa-sha1": sha1.New,
	"rsa-sha256": sha256.New, "rsa-sha512": sha512.New, "sha-1": sha1.New, "sha-256": sha256.New,
	"sha-512": sha512.New, "sha-384": sha512.New384,
}

// hashNames is crypto.getHashes() (sorted, lower case).
var hashNames = []string{"RSA-MD5", "RSA-SHA1", "RSA-SHA256", "RSA-SHA512", "md5", "sha1",
	"sha224", "sha256", "sha384", "sha512", "sha512-224", "sha512-256"}

// hasher is the Go side of a Hash or Hmac object.
type hasher struct {
	h    hash.Hash
	alg  string
	key  []byte // Hmac: the key, for copies (not allowed, but kept for symmetry)
	done bool
}

var hashState = runtime.NewState[*hasher]("core/crypto.Hash")

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
		return encode(s, enc)
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

// encode is Buffer.from(s, enc) for the encodings Node knows (utf8 for the others).
func encode(s, enc string) []byte {
	switch enc {
	case "hex":
		n := len(s) / 2
		b := make([]byte, 0, n)
		for i := 0; i+1 < len(s); i += 2 {
			x, err := hex.DecodeString(s[i : i+2])
			if err != nil {
				break
			}
			b = append(b, x[0])
		}
		return b
	case "base64", "base64url":
		// As Node: characters outside both alphabets are skipped, the first '=' ends the data.
		t := make([]byte, 0, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c == '=':
				i = len(s)
				continue
			case c == '-':
				c = '+'
			case c == '_':
				c = '/'
			case !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'):
				continue
			}
			t = append(t, c)
		}
		if len(t)%4 == 1 {
			t = t[:len(t)-1]
		}
		b, err := base64.RawStdEncoding.DecodeString(string(t))
		if err != nil {
			return nil
		}
		return b
	case "latin1", "binary", "ascii":
		u := utf16.Encode([]rune(s))
		b := make([]byte, len(u))
		for i, c := range u {
			b[i] = byte(c)
		}
		return b
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		u := utf16.Encode([]rune(s))
		b := make([]byte, 2*len(u))
		for i, c := range u {
			binary.LittleEndian.PutUint16(b[2*i:], c)
		}
		return b
	}
	return []byte(s)
}

// initHash is initHash(obj, algorithm): obj becomes a Hash.
func (m *module) initHash(c goja.FunctionCall) goja.Value {
	alg := c.Argument(1)
	if s, ok := stringOf(alg); !ok {
		m.argType("algorithm", "of type string", alg)
	} else if mk, ok := algorithms[strings.ToLower(s)]; ok {
		hashState.Set(m.rt, c.Argument(0).ToObject(m.vm), &hasher{h: mk(), alg: strings.ToLower(s)})
		return goja.Undefined()
	}
	m.codeError("Error", "", "Digest method not supported")
	return nil
}

// initHmac is initHmac(obj, algorithm, key): obj becomes an Hmac.
func (m *module) initHmac(c goja.FunctionCall) goja.Value {
	alg := c.Argument(1)
	s, ok := stringOf(alg)
	if !ok {
		m.argType("hmac", "of type string", alg)
	}
	mk, ok := algorithms[strings.ToLower(s)]
	if !ok {
		m.codeError("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: "+s)
	}
	key := c.Argument(2)
	if _, isStr := stringOf(key); !isStr && !m.isView(key) {
		if o, ok := key.(*goja.Object); !ok || o.ClassName() != "ArrayBuffer" {
			m.argType("key", "of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey", key)
		}
	}
	k := append([]byte(nil), m.bytes("key", key, nil)...)
	hashState.Set(m.rt, c.Argument(0).ToObject(m.vm), &hasher{h: hmac.New(mk, k), alg: strings.ToLower(s), key: k})
	return goja.Undefined()
}

func (m *module) hasherOf(v goja.Value) *hasher {
	h, ok := hashState.Get(v)
	if !ok {
		panic(m.vm.NewTypeError("not a Hash or Hmac"))
	}
	return h
}

// update is update(obj, data, inputEncoding).
func (m *module) update(c goja.FunctionCall) goja.Value {
	h := m.hasherOf(c.Argument(0))
	if h.done {
		m.codeError("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called")
	}
	h.h.Write(m.bytes("data", c.Argument(1), c.Argument(2)))
	return c.Argument(0)
}

// digest is digest(obj, encoding): a Buffer, or a string in encoding.
func (m *module) digest(c goja.FunctionCall) goja.Value {
	h := m.hasherOf(c.Argument(0))
	if h.done {
		m.codeError("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called")
	}
	h.done = true
	sum := h.h.Sum(nil)
	enc := c.Argument(1)
	if enc == nil || goja.IsUndefined(enc) || goja.IsNull(enc) {
		return m.rt.NewBuffer(sum)
	}
	return m.text(sum, strings.ToLower(enc.String()))
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

// copy is copy(src, dst): dst becomes a Hash in src's state.
func (m *module) copy(c goja.FunctionCall) goja.Value {
	h := m.hasherOf(c.Argument(0))
	if h.done {
		m.codeError("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called")
	}
	type cloner interface {
		MarshalBinary() ([]byte, error)
	}
	type uncloner interface {
		UnmarshalBinary([]byte) error
	}
	state, err := h.h.(cloner).MarshalBinary()
	if err != nil {
		panic(m.rt.NewError("copy: " + err.Error()))
	}
	n := algorithms[h.alg]()
	if err := n.(uncloner).UnmarshalBinary(state); err != nil {
		panic(m.rt.NewError("copy: " + err.Error()))
	}
	hashState.Set(m.rt, c.Argument(1).ToObject(m.vm), &hasher{h: n, alg: h.alg})
	return c.Argument(1)
}

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
	var u [16]byte
	rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return m.vm.ToValue(string(b[:]))
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
