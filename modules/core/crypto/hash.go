package crypto

// createHash and createHmac: one Go hash per object.

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"strings"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

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
	h       hash.Hash
	alg     string
	done    bool   // digest() was called
	flushed []byte // the digest the stream form took at end(), which digest() then answers
}

var hashState = runtime.NewState[*hasher]("core/crypto.Hash")

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
	hashState.Set(m.rt, c.Argument(0).ToObject(m.vm), &hasher{h: hmac.New(mk, k), alg: strings.ToLower(s)})
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

// digest is digest(obj, encoding, flush): a Buffer, or a string in encoding. With flush (the
// stream form's end) the hash is not finalized: a later digest() answers the same value, as
// in Node.
func (m *module) digest(c goja.FunctionCall) goja.Value {
	h := m.hasherOf(c.Argument(0))
	if h.done {
		m.codeError("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called")
	}
	sum := h.flushed
	if sum == nil {
		sum = h.h.Sum(nil)
	}
	if c.Argument(2).ToBoolean() {
		h.flushed = sum
	} else {
		h.done = true
	}
	enc := c.Argument(1)
	if enc == nil || goja.IsUndefined(enc) || goja.IsNull(enc) {
		return m.rt.NewBuffer(sum)
	}
	return m.text(sum, strings.ToLower(enc.String()))
}

// copy is copy(src, dst): dst becomes a Hash in src's state.
func (m *module) copy(c goja.FunctionCall) goja.Value {
	h := m.hasherOf(c.Argument(0))
	if h.done || h.flushed != nil {
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
