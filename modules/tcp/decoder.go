package tcp

import (
	"unicode/utf8"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// Decoder turns the bytes of successive reads into JavaScript values of one encoding: strings
// for utf8 and ascii, arrays of integers 0..255 for raw, Buffers for "buffer". With utf8 a
// character split between two reads is carried over to the next instead of being mangled.
// node.tcp connections and node.http bodies use one each.
type Decoder struct {
	Enc  runtime.Encoding
	tail [utf8.UTFMax]byte
	n    int // bytes of an unfinished UTF-8 sequence in tail
}

// Value converts the bytes of one read (which may be reused afterwards); it returns nil when
// the read held nothing complete (only the start of a UTF-8 character).
func (d *Decoder) Value(rt *runtime.Runtime, b []byte) goja.Value {
	switch d.Enc {
	case runtime.BufferEncoding:
		return rt.NewBuffer(append([]byte(nil), b...))
	case runtime.UTF8:
		b = d.whole(b)
		if len(b) == 0 {
			return nil
		}
	}
	return rt.ValueOf(b, d.Enc)
}

// whole returns the bytes of b, after what an earlier read left unfinished, that end on a
// UTF-8 character boundary, and keeps the unfinished end for the next read.
func (d *Decoder) whole(b []byte) []byte {
	if d.n > 0 {
		b = append(append([]byte(nil), d.tail[:d.n]...), b...)
		d.n = 0
	}
	if cut := incompleteTail(b); cut > 0 {
		d.n = copy(d.tail[:], b[len(b)-cut:])
		b = b[:len(b)-cut]
	}
	return b
}

// Flush returns what is left of an unfinished UTF-8 character at the end of the stream (as
// U+FFFD), or nil.
func (d *Decoder) Flush(rt *runtime.Runtime) goja.Value {
	if d.n == 0 {
		return nil
	}
	b := d.tail[:d.n]
	d.n = 0
	return rt.ValueOf(b, runtime.UTF8)
}

// SetEncoding changes the encoding of later reads; an unfinished character is dropped when
// leaving utf8.
func (d *Decoder) SetEncoding(e runtime.Encoding) {
	if e != runtime.UTF8 {
		d.n = 0
	}
	d.Enc = e
}

// incompleteTail returns how many bytes at the end of b begin a UTF-8 sequence that b does not
// finish (0 when b ends on a character boundary or with bytes that can never be valid).
func incompleteTail(b []byte) int {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
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
			return i
		}
		return 0
	}
	return 0
}
