package wire

import (
	"earlynode/modules/internal/ipc/jsonframe"
	"earlynode/runtime/utf8split"
)

// RawDecoder turns the chunks a stream socket receives in rawBuffer mode into
// the buffers node-ipc publishes with 'data'. node-ipc calls
// socket.setEncoding(encoding), so every chunk first goes through Node's
// StringDecoder — which holds back the bytes of a character cut at the end of
// a chunk until the next one — and the text is then turned back into bytes
// with Buffer.from(text, encoding). The net effect per encoding:
//
//   - utf8: ill-formed bytes become U+FFFD (EF BF BD); a character cut
//     between chunks is delivered whole with the later chunk.
//   - utf16le: bytes unchanged, delivered in whole code units (a cut
//     surrogate pair waits for its second half; a last odd byte is dropped).
//   - base64, base64url: bytes unchanged, delivered in multiples of three.
//   - latin1, hex: bytes unchanged.
//   - ascii: the top bit of every byte cleared.
type RawDecoder struct {
	enc      Encoding
	held     [4]byte // bytes of a character cut at the end of the last chunk
	buffered int     // how many of held are in use
	missing  int     // how many more bytes that character needs
}

// NewRawDecoder returns the decoder for one socket in rawBuffer mode.
func NewRawDecoder(enc Encoding) *RawDecoder {
	return &RawDecoder{enc: enc}
}

// Decode appends to dst the buffer node-ipc publishes for one received chunk
// and returns it. When nothing is appended, node-ipc publishes nothing for
// that chunk (the socket emits no 'data' for an empty string).
func (d *RawDecoder) Decode(dst, chunk []byte) []byte {
	switch d.enc {
	case Latin1, Hex:
		return append(dst, chunk...)
	case ASCII:
		for _, c := range chunk {
			dst = append(dst, c&0x7f)
		}
		return dst
	}
	if d.missing > 0 {
		chunk = d.fill(chunk)
		if d.missing == 0 {
			dst = d.emit(dst, d.held[:d.buffered])
			d.buffered = 0
		}
	}
	if len(chunk) == 0 {
		return dst
	}
	hold := d.tailToHold(chunk)
	body := chunk[:len(chunk)-hold]
	copy(d.held[:], chunk[len(body):])
	d.buffered = hold
	return d.emit(dst, body)
}

// Flush appends what the socket delivers at the end of the stream, when the
// StringDecoder gives up the bytes it still holds, and resets the decoder.
func (d *RawDecoder) Flush(dst []byte) []byte {
	n := d.buffered
	if d.enc == UTF16LE && n%2 == 1 {
		n-- // a single trailing byte is dropped
	}
	dst = d.emit(dst, d.held[:n])
	d.buffered, d.missing = 0, 0
	return dst
}

// fill moves the bytes the held character is missing from the front of
// chunk into held and returns the rest. For utf8 a byte that cannot continue
// the character ends it early (it is decoded, ill-formed, as it is).
func (d *RawDecoder) fill(chunk []byte) []byte {
	if d.enc == UTF8 {
		for i := 0; i < len(chunk) && i < d.missing; i++ {
			if chunk[i]&0xc0 != 0x80 {
				d.missing = 0
				d.buffered += copy(d.held[d.buffered:], chunk[:i])
				return chunk[i:]
			}
		}
	}
	n := min(len(chunk), d.missing)
	d.buffered += copy(d.held[d.buffered:], chunk[:n])
	d.missing -= n
	return chunk[n:]
}

// tailToHold returns how many bytes at the end of chunk the StringDecoder
// keeps for the next chunk, and sets how many it will wait for.
func (d *RawDecoder) tailToHold(chunk []byte) int {
	n := len(chunk)
	switch d.enc {
	case UTF8:
		held, missing := utf8split.Tail(chunk)
		d.missing = missing
		return held
	case UTF16LE:
		if n%2 == 1 {
			d.missing = 1
			return 1
		}
		if chunk[n-1]&0xfc == 0xd8 { // a high surrogate
			d.missing = 2
			return 2
		}
	case Base64, Base64URL:
		if r := n % 3; r > 0 {
			d.missing = 3 - r
			return r
		}
	}
	return 0
}

// emit appends the bytes Buffer.from(text, encoding) gives back for the text
// the StringDecoder made of b.
func (d *RawDecoder) emit(dst, b []byte) []byte {
	if d.enc == UTF8 {
		return jsonframe.AppendWellFormedUTF8(dst, b)
	}
	return append(dst, b...)
}
