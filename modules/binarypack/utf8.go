package binarypack

import (
	"unicode/utf8"
)

// decodeUTF8 turns wire bytes into a Go string the way Node's Buffer#toString("utf8")
// (the WHATWG UTF-8 decoder) does: valid input is copied unchanged, and each maximal
// invalid subsequence becomes one U+FFFD. Go's own utf8 package would emit one U+FFFD
// per byte of a truncated sequence, which would make our strings differ from a Node
// peer's for the same bytes.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	var (
		needed, seen int
		cp           rune
		lower, upper byte = 0x80, 0xbf
	)
	for i := 0; i < len(b); {
		c := b[i]
		if needed == 0 {
			i++
			switch {
			case c <= 0x7f:
				out = append(out, c)
			case c >= 0xc2 && c <= 0xdf:
				needed, cp = 1, rune(c&0x1f)
			case c >= 0xe0 && c <= 0xef:
				if c == 0xe0 {
					lower = 0xa0
				} else if c == 0xed {
					upper = 0x9f
				}
				needed, cp = 2, rune(c&0x0f)
			case c >= 0xf0 && c <= 0xf4:
				if c == 0xf0 {
					lower = 0x90
				} else if c == 0xf4 {
					upper = 0x8f
				}
				needed, cp = 3, rune(c&0x07)
			default:
				out = utf8.AppendRune(out, utf8.RuneError)
			}
			continue
		}
		if c < lower || c > upper {
			// The sequence so far is a maximal subpart: replace it, then look at c
			// again as the possible start of a new sequence.
			needed, seen, cp = 0, 0, 0
			lower, upper = 0x80, 0xbf
			out = utf8.AppendRune(out, utf8.RuneError)
			continue
		}
		i++
		lower, upper = 0x80, 0xbf
		cp = cp<<6 | rune(c&0x3f)
		seen++
		if seen == needed {
			out = utf8.AppendRune(out, cp)
			needed, seen, cp = 0, 0, 0
		}
	}
	if needed != 0 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return string(out)
}
