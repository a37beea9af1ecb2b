package jsonframe

import "unicode/utf8"

// hexDigits are the lowercase digits JSON.stringify uses in \u escapes.
const hexDigits = "0123456789abcdef"

// plainASCII[c] is true for the ASCII bytes JSON.stringify copies unchanged
// into a string literal: everything from 0x20 up except '"' and '\\'. Unlike
// Go's encoding/json it leaves '<', '>', '&' and DEL alone.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// AppendString appends s as a JSON string literal, byte for byte as
// JavaScript's JSON.stringify writes the same string: control characters as
// \b \t \n \f \r or \u00XX with lowercase hex digits, '"' and '\\' escaped,
// everything else (including U+2028, U+2029, '<', '>' and '&') copied as
// UTF-8. JavaScript strings cannot hold ill-formed UTF-8; a byte of s that is
// not part of a valid UTF-8 sequence is written as U+FFFD. (A JavaScript
// string with a lone surrogate has no Go string equivalent; JSON.stringify it
// on the JavaScript side and use the JSON text instead.)
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plainASCII[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			dst = appendEscape(dst, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\uFFFD"...)
			i++
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendEscape appends the escape JSON.stringify writes for the ASCII byte c.
func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '"':
		return append(dst, '\\', '"')
	case '\\':
		return append(dst, '\\', '\\')
	case '\b':
		return append(dst, '\\', 'b')
	case '\t':
		return append(dst, '\\', 't')
	case '\n':
		return append(dst, '\\', 'n')
	case '\f':
		return append(dst, '\\', 'f')
	case '\r':
		return append(dst, '\\', 'r')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
}
