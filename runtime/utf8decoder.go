package runtime

// This file is used by modules that turn byte streams into text piece by piece (a child
// process's output, a read stream with setEncoding("utf8")).

import (
	"strings"
	"unicode/utf8"
)

// UTF8Decoder turns a byte stream that arrives in pieces into UTF-8 strings: a character split
// between two pieces is held back until the rest of it arrives, so it is never mangled into
// U+FFFD; bytes that are not UTF-8 at all become U+FFFD, one per bad byte.
type UTF8Decoder struct {
	carry [utf8.UTFMax]byte
	n     int
}

// Decode returns the text of p (after what was held back from the previous piece), holding
// back an incomplete character at its end.
func (d *UTF8Decoder) Decode(p []byte) string {
	if d.n > 0 {
		joined := make([]byte, 0, d.n+len(p))
		joined = append(append(joined, d.carry[:d.n]...), p...)
		d.n = 0
		p = joined
	}
	if k := incompleteTail(p); k > 0 {
		d.n = copy(d.carry[:], p[len(p)-k:])
		p = p[:len(p)-k]
	}
	return validString(p)
}

// Flush returns what is still held back (an incomplete character at the end of the stream:
// U+FFFD) and empties the decoder.
func (d *UTF8Decoder) Flush() string {
	if d.n == 0 {
		return ""
	}
	s := validString(d.carry[:d.n])
	d.n = 0
	return s
}

// incompleteTail is the length of a character at the end of p whose lead byte promises more
// bytes than follow it (0 when p ends on a whole character or on bytes that are simply bad).
func incompleteTail(p []byte) int {
	for k := 1; k < utf8.UTFMax && k <= len(p); k++ {
		c := p[len(p)-k]
		if c < 0x80 {
			return 0
		}
		if c >= 0xC0 { // a lead byte
			need := 0
			switch {
			case c >= 0xF8:
				return 0
			case c >= 0xF0:
				need = 4
			case c >= 0xE0:
				need = 3
			default:
				need = 2
			}
			if need > k && !utf8.FullRune(p[len(p)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}

// validString is p as a string with invalid bytes replaced by U+FFFD.
func validString(p []byte) string {
	if utf8.Valid(p) {
		return string(p)
	}
	var b strings.Builder
	b.Grow(len(p) + 8)
	for len(p) > 0 {
		r, size := utf8.DecodeRune(p)
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(utf8.RuneError)
			p = p[1:]
			continue
		}
		b.Write(p[:size])
		p = p[size:]
	}
	return b.String()
}
