package signal

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// A relaying server decodes every message it passes on, so the common frame (a JSON object
// whose keys and id strings need no unescaping) takes a path without encoding/json's map and
// reflection: decodeFast. It answers only when its result is certainly decodeSlow's (the
// fuzz target compares them); anything unusual, and every error, goes to decodeSlow.

// decodeFast decodes a valid JSON object frame whose member names have no escapes and whose
// type, src and dst are plain strings or null/absent. ok is false when it cannot tell.
func decodeFast(frame []byte) (m Message, ok bool) {
	b := bytes.TrimLeft(frame, " \t\r\n")
	if len(b) == 0 || b[0] != '{' || !validJSON(b) {
		return m, false
	}
	var typ, src, dst, payload []byte
	i := skipSpace(b, 1)
	if i < len(b) && b[i] == '}' {
		return m, false // no type: decodeSlow words the error
	}
	for i < len(b) {
		// b is valid JSON: a member is "name" ws : ws value, then , or }.
		if b[i] != '"' {
			return m, false
		}
		end := i + 1
		for end < len(b) && b[end] != '"' {
			if b[end] == '\\' {
				return m, false
			}
			end++
		}
		name := b[i+1 : end]
		i = skipSpace(b, end+1) + 1 // the colon
		i = skipSpace(b, i)
		vend := skipValue(b, i)
		value := b[i:vend]
		switch string(name) {
		case "type":
			typ = value
		case "src":
			src = value
		case "dst":
			dst = value
		case "payload":
			payload = value
		}
		i = skipSpace(b, vend)
		if i >= len(b) || b[i] == '}' {
			break
		}
		i = skipSpace(b, i+1) // after the comma
	}
	var good bool
	if m.Type, good = plainString(typ, true); !good {
		return m, false
	}
	if m.Src, good = plainString(src, false); !good {
		return m, false
	}
	if m.Dst, good = plainString(dst, false); !good {
		return m, false
	}
	if len(payload) > 0 {
		if !compact(payload) {
			var buf bytes.Buffer
			if json.Compact(&buf, payload) != nil {
				return m, false
			}
			m.Payload = buf.Bytes()
		} else {
			m.Payload = append(json.RawMessage(nil), payload...)
		}
	}
	return m, true
}

// validJSON reports whether b is one JSON value with only whitespace around it. It is
// stricter than json.Valid where that is simpler (nesting deeper than 64 levels gives false),
// never looser: false sends the frame to decodeSlow, which decides.
func validJSON(b []byte) bool {
	v := validator{b: b}
	v.space()
	if !v.value(0) {
		return false
	}
	v.space()
	return v.i == len(b)
}

type validator struct {
	b []byte
	i int
}

func (v *validator) space() {
	v.i = skipSpace(v.b, v.i)
}

// value reads one value at nesting depth d.
func (v *validator) value(d int) bool {
	if v.i >= len(v.b) || d > 64 {
		return false
	}
	switch c := v.b[v.i]; {
	case c == '{':
		v.i++
		v.space()
		if v.i < len(v.b) && v.b[v.i] == '}' {
			v.i++
			return true
		}
		for {
			if v.i >= len(v.b) || v.b[v.i] != '"' || !v.string() {
				return false
			}
			v.space()
			if v.i >= len(v.b) || v.b[v.i] != ':' {
				return false
			}
			v.i++
			v.space()
			if !v.value(d + 1) {
				return false
			}
			v.space()
			if v.i >= len(v.b) {
				return false
			}
			if v.b[v.i] == '}' {
				v.i++
				return true
			}
			if v.b[v.i] != ',' {
				return false
			}
			v.i++
			v.space()
		}
	case c == '[':
		v.i++
		v.space()
		if v.i < len(v.b) && v.b[v.i] == ']' {
			v.i++
			return true
		}
		for {
			if !v.value(d + 1) {
				return false
			}
			v.space()
			if v.i >= len(v.b) {
				return false
			}
			if v.b[v.i] == ']' {
				v.i++
				return true
			}
			if v.b[v.i] != ',' {
				return false
			}
			v.i++
			v.space()
		}
	case c == '"':
		return v.string()
	case c == '-' || ('0' <= c && c <= '9'):
		return v.number()
	}
	for _, lit := range [...]string{"true", "false", "null"} {
		if bytes.HasPrefix(v.b[v.i:], []byte(lit)) {
			v.i += len(lit)
			return true
		}
	}
	return false
}

// string reads a string: no control bytes, only JSON's escapes.
func (v *validator) string() bool {
	b := v.b
	for i := v.i + 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			v.i = i + 1
			return true
		case c < 0x20:
			return false
		case c == '\\':
			i++
			if i >= len(b) {
				return false
			}
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(b) {
					return false
				}
				for _, h := range b[i+1 : i+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return false
					}
				}
				i += 4
			default:
				return false
			}
		}
	}
	return false
}

// number reads -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (v *validator) number() bool {
	b, i := v.b, v.i
	digits := func() bool {
		start := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i > start
	}
	if b[i] == '-' {
		i++
	}
	if i < len(b) && b[i] == '0' {
		i++
	} else if !digits() {
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	v.i = i
	return true
}

// plainString returns the string a JSON value holds when it is a string without escapes, in
// valid UTF-8, no longer than MaxIDLength; or "" for null or absence unless required.
func plainString(v []byte, required bool) (string, bool) {
	if len(v) == 0 || string(v) == "null" {
		return "", !required
	}
	if v[0] != '"' || len(v) < 2 {
		return "", false
	}
	s := v[1 : len(v)-1]
	if len(s) > MaxIDLength || bytes.IndexByte(s, '\\') >= 0 || !utf8.Valid(s) {
		return "", false
	}
	return string(s), true
}

// skipSpace returns the index of the first byte at or after i that is not JSON whitespace.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the JSON value that starts at i in valid JSON b.
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = skipString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	// A number, true, false or null: up to the next delimiter.
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// skipString returns the end of the JSON string that starts at i.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}

// compact reports whether valid JSON v has no whitespace outside its strings (json.Compact
// would leave it as it is).
func compact(v []byte) bool {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '"':
			i = skipString(v, i) - 1
		case ' ', '\t', '\n', '\r':
			return false
		}
	}
	return true
}

// plainASCII reports whether s can be written between quotes as it is: printable ASCII
// without a quote or a backslash.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
