package jsonframe

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// Unquote returns the Go string a JSON string literal (quotes included)
// stands for. ok is false when lit is not a valid literal or when it stands
// for a JavaScript string that has no UTF-8 form: one holding a lone
// surrogate (such as "\ud800") or ill-formed UTF-8 bytes. Callers fall back to
// JSON.parse in JavaScript then.
func Unquote(lit []byte) (s string, ok bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", false
	}
	if end, err := skipString(lit, 0); err != nil || end != len(lit) {
		return "", false
	}
	inner := lit[1 : len(lit)-1]
	if !utf8.Valid(inner) {
		return "", false
	}
	if bytes.IndexByte(inner, '\\') < 0 {
		return string(inner), true
	}
	out := make([]byte, 0, len(inner))
	for i := 0; i < len(inner); {
		c := inner[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		switch e := inner[i+1]; e {
		case 'u':
			r := rune(hex4(inner[i+2 : i+6]))
			i += 6
			if utf16.IsSurrogate(r) {
				if r >= 0xdc00 || i+6 > len(inner) || inner[i] != '\\' || inner[i+1] != 'u' {
					return "", false
				}
				lo := rune(hex4(inner[i+2 : i+6]))
				if lo < 0xdc00 || lo > 0xdfff {
					return "", false
				}
				r = utf16.DecodeRune(r, lo)
				i += 6
			}
			out = utf8.AppendRune(out, r)
		default:
			out = append(out, unescaped[e])
			i += 2
		}
	}
	return string(out), true
}

// unescaped maps the letter after a backslash to the byte it stands for.
var unescaped = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// hex4 reads four hexadecimal digits already checked by skipString.
func hex4(h []byte) uint16 {
	var v uint16
	for _, c := range h {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		v = v<<4 | uint16(c)
	}
	return v
}
