package runtime

// This file is used by modules that turn byte streams into text piece by piece (a child
// process's output, a read stream with setEncoding("utf8"), node.tcp's and node.http's reads).

import (
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"

	"earlynode/runtime/utf8split"
)

// UTF8Decoder turns a byte stream that arrives in pieces into UTF-8 strings: a character split
// between two pieces is held back until the rest of it arrives, so it is never mangled into
// U+FFFD; bytes that are not UTF-8 at all become U+FFFD, one per bad byte, with the piece they
// arrive in (a cut that can no longer become a character is not held back).
type UTF8Decoder struct {
	split utf8split.Decoder
}

// Decode returns the text of p (after what was held back from the previous piece), holding
// back an incomplete character at its end.
func (d *UTF8Decoder) Decode(p []byte) string {
	d.split.ValidOnly = true // set here so that the zero UTF8Decoder is ready to use
	return validString(d.split.Whole(p))
}

// Flush returns what is still held back (an incomplete character at the end of the stream:
// U+FFFD) and empties the decoder.
func (d *UTF8Decoder) Flush() string {
	return validString(d.split.Flush())
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

// ValueDecoder turns the bytes of successive reads into JavaScript values of one encoding:
// strings for utf8 and ascii, arrays of integers 0..255 for raw, Buffers for "buffer". With
// utf8 a character split between two reads is carried over to the next instead of being
// mangled (by Node's rule, see utf8split), and the text is made by ValueOf. node.tcp
// connections and node.http bodies use one each.
type ValueDecoder struct {
	Enc   Encoding
	split utf8split.Decoder
}

// Value converts the bytes of one read (which may be reused afterwards); it returns nil when
// the read held nothing complete (only the start of a UTF-8 character).
func (d *ValueDecoder) Value(rt *Runtime, b []byte) goja.Value {
	switch d.Enc {
	case BufferEncoding:
		return rt.NewBuffer(append([]byte(nil), b...))
	case UTF8:
		b = d.split.Whole(b)
		if len(b) == 0 {
			return nil
		}
	}
	return rt.ValueOf(b, d.Enc)
}

// Flush returns what is left of an unfinished UTF-8 character at the end of the stream (as
// U+FFFD), or nil.
func (d *ValueDecoder) Flush(rt *Runtime) goja.Value {
	b := d.split.Flush()
	if b == nil {
		return nil
	}
	return rt.ValueOf(b, UTF8)
}

// SetEncoding changes the encoding of later reads; an unfinished character is dropped when
// leaving utf8.
func (d *ValueDecoder) SetEncoding(e Encoding) {
	if e != UTF8 {
		d.split.Reset()
	}
	d.Enc = e
}
