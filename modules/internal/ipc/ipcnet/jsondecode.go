package ipcnet

import (
	"math"
	"strconv"

	"github.com/dop251/goja"

	"earlynode/modules/internal/ipc/jsonframe"
)

// maxBuildDepth is the nesting beyond which Value leaves the text to JSON.parse.
const maxBuildDepth = 200

// jsonBuilder makes JavaScript values straight from JSON text the wire codec has validated,
// as JSON.parse would make them (own data properties, "__proto__" included, the last of
// duplicate keys winning), without goja's token-by-token JSON.parse.
type jsonBuilder struct {
	vm      *goja.Runtime
	t       []byte
	i       int
	bad     bool     // something Value does not build itself: JSON.parse takes over
	tooDeep bool     // bad because the nesting passed maxBuildDepth
	keys    keyMap   // property names seen before, shared by the builders of one JSON
	strs    valueMap // short string values seen before, likewise
	items   []any    // scratch for array elements, shared by nesting levels
}

// keyMap interns property names: messages repeat the same few keys.
type keyMap map[string]string

// maxKeys bounds a keyMap.
const maxKeys = 4096

func (b *jsonBuilder) key(raw []byte) string {
	if k, ok := b.keys[string(raw)]; ok {
		return k
	}
	k := string(raw)
	if b.keys != nil && len(b.keys) < maxKeys {
		b.keys[k] = k
	}
	return k
}

// valueMap interns the JavaScript values of short ASCII strings without escapes: messages
// repeat the same few (a topic, a status, an enumeration), and a JavaScript string is
// immutable, so one value may stand for all of them. A hit costs no allocation; a miss two
// (the Go string and its goja value), as without the map.
type valueMap map[string]goja.Value

// maxInternedString is the longest string a valueMap keeps.
const maxInternedString = 32

// plainString returns the value of a string without escapes or non-ASCII bytes (raw is its
// text between the quotes).
func (b *jsonBuilder) plainString(raw []byte) goja.Value {
	if len(raw) > maxInternedString || b.strs == nil {
		return b.vm.ToValue(string(raw))
	}
	if v, ok := b.strs[string(raw)]; ok {
		return v
	}
	v := b.vm.ToValue(string(raw))
	if len(b.strs) < maxKeys {
		b.strs[string(raw)] = v
	}
	return v
}

func (b *jsonBuilder) space() {
	for b.i < len(b.t) {
		switch b.t[b.i] {
		case ' ', '\t', '\n', '\r':
			b.i++
		default:
			return
		}
	}
}

func (b *jsonBuilder) value(depth int) goja.Value {
	b.space()
	if b.bad || b.i >= len(b.t) || depth > maxBuildDepth {
		b.tooDeep = b.tooDeep || depth > maxBuildDepth
		b.bad = true
		return nil
	}
	switch c := b.t[b.i]; {
	case c == '{':
		return b.object(depth)
	case c == '[':
		return b.array(depth)
	case c == '"':
		if raw, ok := b.plainText(); ok {
			return b.plainString(raw)
		}
		s, ok := b.str()
		if !ok {
			return nil
		}
		return b.vm.ToValue(s)
	case c == 't':
		b.i += 4
		return b.vm.ToValue(true)
	case c == 'f':
		b.i += 5
		return b.vm.ToValue(false)
	case c == 'n':
		b.i += 4
		return goja.Null()
	}
	return b.number()
}

// plainText reads a string that has no escapes and only ASCII bytes, giving its text between
// the quotes; for any other string it reads nothing and reports false.
func (b *jsonBuilder) plainText() ([]byte, bool) {
	start := b.i + 1
	for j := start; j < len(b.t); j++ {
		c := b.t[j]
		if c == '"' {
			b.i = j + 1
			return b.t[start:j], true
		}
		if c == '\\' || c >= 0x80 {
			break
		}
	}
	return nil, false
}

func (b *jsonBuilder) str() (string, bool) {
	start := b.i
	j := start + 1
	plain := true
	for j < len(b.t) {
		c := b.t[j]
		if c == '"' {
			break
		}
		if c == '\\' {
			plain = false
			j += 2
			continue
		}
		if c >= 0x80 {
			plain = false
		}
		j++
	}
	if j >= len(b.t) {
		b.bad = true
		return "", false
	}
	b.i = j + 1
	if plain {
		return string(b.t[start+1 : j]), true
	}
	s, ok := jsonframe.Unquote(b.t[start : j+1])
	if !ok {
		b.bad = true
	}
	return s, ok
}

// propertyName reads a quoted property name, interned when it has no escapes.
func (b *jsonBuilder) propertyName() (string, bool) {
	if raw, ok := b.plainText(); ok {
		return b.key(raw), true
	}
	return b.str()
}

func (b *jsonBuilder) number() goja.Value {
	start := b.i
	isInt := true
	for b.i < len(b.t) {
		c := b.t[b.i]
		if c >= '0' && c <= '9' || c == '-' {
			b.i++
			continue
		}
		if c == '.' || c == 'e' || c == 'E' || c == '+' {
			isInt = false
			b.i++
			continue
		}
		break
	}
	digits := b.t[start:b.i]
	if isInt && len(digits) < 16 {
		neg := digits[0] == '-'
		if neg {
			digits = digits[1:]
		}
		var n int64
		for _, d := range digits {
			n = n*10 + int64(d-'0')
		}
		if neg {
			if n == 0 {
				return b.vm.ToValue(math.Copysign(0, -1))
			}
			n = -n
		}
		return b.vm.ToValue(n)
	}
	f, err := strconv.ParseFloat(string(b.t[start:b.i]), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			b.bad = true
			return nil
		}
	}
	return b.vm.ToValue(f)
}

func (b *jsonBuilder) object(depth int) goja.Value {
	o := b.vm.NewObject()
	b.i++
	b.space()
	if b.i < len(b.t) && b.t[b.i] == '}' {
		b.i++
		return o
	}
	for !b.bad {
		b.space()
		if b.i >= len(b.t) || b.t[b.i] != '"' {
			b.bad = true
			return nil
		}
		key, ok := b.propertyName()
		if !ok {
			return nil
		}
		b.space()
		b.i++ // ':'
		v := b.value(depth + 1)
		if b.bad {
			return nil
		}
		if key == "__proto__" {
			o.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		} else {
			o.Set(key, v)
		}
		b.space()
		if b.i >= len(b.t) {
			b.bad = true
			return nil
		}
		if b.t[b.i] == ',' {
			b.i++
			continue
		}
		b.i++ // '}'
		return o
	}
	return nil
}

func (b *jsonBuilder) array(depth int) goja.Value {
	b.i++
	b.space()
	if b.i < len(b.t) && b.t[b.i] == ']' {
		b.i++
		return b.vm.NewArray()
	}
	base := len(b.items)
	for !b.bad {
		v := b.value(depth + 1)
		if b.bad {
			return nil
		}
		b.items = append(b.items, v)
		b.space()
		if b.i >= len(b.t) {
			b.bad = true
			return nil
		}
		if b.t[b.i] == ',' {
			b.i++
			continue
		}
		b.i++                                 // ']'
		a := b.vm.NewArray(b.items[base:]...) // copies the elements
		clear(b.items[base:])
		b.items = b.items[:base]
		return a
	}
	return nil
}
