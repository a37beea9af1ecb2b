package nodecodec

import (
	"unicode/utf16"
	"unicode/utf8"
)

// utf8ToUnits is s as UTF-16 code units.
func utf8ToUnits(s string) []uint16 {
	u := make([]uint16, 0, len(s))
	for _, r := range s {
		if r >= 0x10000 {
			a, b := utf16.EncodeRune(r)
			u = append(u, uint16(a), uint16(b))
			continue
		}
		u = append(u, uint16(r))
	}
	return u
}

// unitsToUTF8 is UTF-16 code units as UTF-8, a lone surrogate as U+FFFD.
func unitsToUTF8(u []uint16) string {
	b := make([]byte, 0, len(u))
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		if utf16.IsSurrogate(r) {
			if r < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF {
				r = utf16.DecodeRune(r, rune(u[i+1]))
				i++
			} else {
				r = utf8.RuneError
			}
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
