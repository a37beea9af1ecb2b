package tcp

import (
	"github.com/dop251/goja"

	"earlynode/runtime"
	"earlynode/runtime/utf8split"
)

// Decoder turns the bytes of successive reads into JavaScript values of one encoding: strings
// for utf8 and ascii, arrays of integers 0..255 for raw, Buffers for "buffer". With utf8 a
// character split between two reads is carried over to the next instead of being mangled.
// node.tcp connections and node.http bodies use one each.
type Decoder struct {
	Enc   runtime.Encoding
	split utf8split.Decoder
}

// Value converts the bytes of one read (which may be reused afterwards); it returns nil when
// the read held nothing complete (only the start of a UTF-8 character).
func (d *Decoder) Value(rt *runtime.Runtime, b []byte) goja.Value {
	switch d.Enc {
	case runtime.BufferEncoding:
		return rt.NewBuffer(append([]byte(nil), b...))
	case runtime.UTF8:
		b = d.split.Whole(b)
		if len(b) == 0 {
			return nil
		}
	}
	return rt.ValueOf(b, d.Enc)
}

// Flush returns what is left of an unfinished UTF-8 character at the end of the stream (as
// U+FFFD), or nil.
func (d *Decoder) Flush(rt *runtime.Runtime) goja.Value {
	b := d.split.Flush()
	if b == nil {
		return nil
	}
	return rt.ValueOf(b, runtime.UTF8)
}

// SetEncoding changes the encoding of later reads; an unfinished character is dropped when
// leaving utf8.
func (d *Decoder) SetEncoding(e runtime.Encoding) {
	if e != runtime.UTF8 {
		d.split.Reset()
	}
	d.Enc = e
}
