// Package utf8split finds where a byte stream that arrives in pieces (reads, chunks) can be
// turned into text without cutting a UTF-8 character in two: the end of a piece that begins a
// character the piece does not finish is held back and put in front of the next piece. It is
// the one implementation of that rule, for runtime (child-process output, fs read streams),
// node.tcp and node.http (received data and bodies) and node-ipc's wire package (rawBuffer
// sockets).
//
// The rule is the one of Node's StringDecoder: bytes at the end of a piece are held when the
// last lead byte among them (C0-F7) announces a longer sequence than the bytes that follow it.
// Turning the bytes into text (and what becomes U+FFFD) is left to the callers.
//
// The package is pure: it imports neither goja nor the loop, so wire codecs may use it.
package utf8split

import "unicode/utf8"

// Tail reports the character cut at the end of p: how many of its bytes p holds (held) and how
// many more it announces (missing). Both are 0 when p ends on a whole character, or on bytes
// that no lead byte begins within the last three (ASCII, stray continuation bytes, F8-FF).
func Tail(p []byte) (held, missing int) {
	for i := 1; i < utf8.UTFMax && i <= len(p); i++ {
		c := p[len(p)-i]
		if c&0xC0 == 0x80 {
			continue // a continuation byte: look further back for the lead
		}
		need := 0
		switch {
		case c&0xE0 == 0xC0:
			need = 2
		case c&0xF0 == 0xE0:
			need = 3
		case c&0xF8 == 0xF0:
			need = 4
		}
		if need > i {
			return i, need - i
		}
		return 0, 0
	}
	return 0, 0
}

// Decoder carries the character cut at the end of one piece over to the next. Its zero value
// follows Tail.
type Decoder struct {
	// ValidOnly holds back only a cut character that more bytes can still make valid: a tail
	// that is already ill-formed (E0 80, ED A0, a lone C0) is given out at once, to become
	// U+FFFD with its piece, instead of with the next one.
	ValidOnly bool

	carry [utf8.UTFMax]byte
	n     int // bytes of the cut character in carry
}

// Whole returns the bytes of p, after what the previous piece left unfinished, up to the end
// of its last whole character, and keeps the rest for the next piece. The result is p itself
// (or a part of it) when nothing was carried over; p is not kept.
func (d *Decoder) Whole(p []byte) []byte {
	if d.n > 0 {
		joined := make([]byte, 0, d.n+len(p))
		p = append(append(joined, d.carry[:d.n]...), p...)
		d.n = 0
	}
	held, _ := Tail(p)
	if held > 0 && d.ValidOnly && utf8.FullRune(p[len(p)-held:]) {
		held = 0 // FullRune: no continuation can make these bytes a character
	}
	if held > 0 {
		d.n = copy(d.carry[:], p[len(p)-held:])
		p = p[:len(p)-held]
	}
	return p
}

// Held returns the bytes held back (not to be kept past the next call).
func (d *Decoder) Held() []byte { return d.carry[:d.n] }

// Flush returns what is still held back at the end of the stream (the start of a character
// the stream never finished; nil when nothing is) and empties the decoder.
func (d *Decoder) Flush() []byte {
	if d.n == 0 {
		return nil
	}
	b := append([]byte(nil), d.carry[:d.n]...)
	d.n = 0
	return b
}

// Reset drops what is held back.
func (d *Decoder) Reset() { d.n = 0 }
