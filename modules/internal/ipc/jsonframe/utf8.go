package jsonframe

import "unicode/utf8"

// replacement is U+FFFD in UTF-8, what Node writes for ill-formed input.
const replacement = "\uFFFD"

// AppendWellFormedUTF8 appends src to dst with every ill-formed part replaced
// by U+FFFD the way Node's utf8 decoder (V8's, following the WHATWG Encoding
// standard) does it: one U+FFFD for each maximal prefix of a valid sequence
// that is cut short, and one for each byte that cannot start a sequence. So
// "\xe2\x82A" gives "\uFFFDA" and "\xf0\x80\x80" gives three U+FFFD. This is
// what a socket with setEncoding('utf8') hands to JavaScript.
//
// Since the replacement never swallows an ASCII byte, decoding a stream piece
// by piece, cut at ASCII delimiters, gives the same text as decoding it whole.
func AppendWellFormedUTF8(dst, src []byte) []byte {
	if utf8.Valid(src) {
		return append(dst, src...)
	}
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		need, lo, hi := sequenceShape(c)
		if need == 0 {
			dst = append(dst, replacement...)
			i++
			continue
		}
		j := i + 1
		for ; need > 0; need-- {
			if j >= len(src) || src[j] < lo || src[j] > hi {
				break
			}
			lo, hi = 0x80, 0xbf
			j++
		}
		if need == 0 {
			dst = append(dst, src[i:j]...)
		} else {
			dst = append(dst, replacement...)
		}
		i = j
	}
	return dst
}

// sequenceShape tells, for a byte that starts a UTF-8 sequence, how many
// continuation bytes follow and the range allowed for the first of them
// (later ones are always 0x80..0xbf). need is 0 for a byte that cannot start
// a sequence.
func sequenceShape(c byte) (need int, lo, hi byte) {
	switch {
	case c >= 0xc2 && c <= 0xdf:
		return 1, 0x80, 0xbf
	case c == 0xe0:
		return 2, 0xa0, 0xbf
	case c == 0xed:
		return 2, 0x80, 0x9f
	case c >= 0xe1 && c <= 0xef:
		return 2, 0x80, 0xbf
	case c == 0xf0:
		return 3, 0x90, 0xbf
	case c >= 0xf1 && c <= 0xf3:
		return 3, 0x80, 0xbf
	case c == 0xf4:
		return 3, 0x80, 0x8f
	}
	return 0, 0, 0
}
