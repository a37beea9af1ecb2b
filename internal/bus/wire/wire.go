// Package wire is the framing of earlynode's message buses (docs/scaling.md): between workers
// and their supervisor, and between a PeerServer and its NATS helper process. One frame is a
// published message, a subject and its data.
//
//	frame   = length:uint32be subjectLength:uint16be subject data
//	length  = 2 + len(subject) + len(data)
//
// The data is opaque here (workers put JSON text in it). A frame is at most MaxFrame bytes.
package wire

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// MaxFrame bounds a frame's length field, so that a bad length cannot make a reader buffer
// without end.
const MaxFrame = 16 << 20

// MaxSubject bounds a subject's length.
const MaxSubject = 1024

// Message is one published message.
type Message struct {
	// Subject names what the message is about; subscribers receive the subjects they named.
	Subject string
	// Data is the message's body.
	Data []byte
}

// Append appends m's frame to dst.
func Append(dst []byte, m Message) ([]byte, error) {
	if err := checkSubject(m.Subject); err != nil {
		return dst, err
	}
	n := 2 + len(m.Subject) + len(m.Data)
	if n > MaxFrame {
		return dst, fmt.Errorf("worker bus: message of %d bytes exceeds the limit of %d", n, MaxFrame)
	}
	dst = binary.BigEndian.AppendUint32(dst, uint32(n))
	dst = binary.BigEndian.AppendUint16(dst, uint16(len(m.Subject)))
	dst = append(dst, m.Subject...)
	return append(dst, m.Data...), nil
}

func checkSubject(s string) error {
	switch {
	case s == "":
		return errors.New("worker bus: empty subject")
	case len(s) > MaxSubject:
		return fmt.Errorf("worker bus: subject of %d bytes exceeds the limit of %d", len(s), MaxSubject)
	}
	return nil
}

// Decoder splits a byte stream into messages. The zero value is ready.
type Decoder struct {
	buf []byte
}

// Feed adds b (which the decoder does not keep) and calls fn for every complete message, in
// order. A message's Data is valid only during the call. An error (a frame that breaks the
// format, or fn's error) stops decoding; the stream cannot be read further.
func (d *Decoder) Feed(b []byte, fn func(Message) error) error {
	data := b
	if len(d.buf) > 0 {
		d.buf = append(d.buf, b...)
		data = d.buf
	}
	for {
		if len(data) < 4 {
			break
		}
		n := int(binary.BigEndian.Uint32(data))
		if n < 2 || n > MaxFrame {
			return fmt.Errorf("worker bus: bad frame length %d", n)
		}
		if len(data) < 4+n {
			break
		}
		frame := data[4 : 4+n]
		sl := int(binary.BigEndian.Uint16(frame))
		if sl == 0 || sl > MaxSubject || 2+sl > n {
			return fmt.Errorf("worker bus: bad subject length %d in a frame of %d bytes", sl, n)
		}
		if err := fn(Message{Subject: string(frame[2 : 2+sl]), Data: frame[2+sl:]}); err != nil {
			return err
		}
		data = data[4+n:]
	}
	// Keep what is left of a frame for the next call.
	if len(d.buf) > 0 {
		d.buf = append(d.buf[:0], data...)
	} else if len(data) > 0 {
		d.buf = append(d.buf, data...)
	}
	return nil
}

// Buffered returns how many bytes of an incomplete frame wait for the next Feed.
func (d *Decoder) Buffered() int { return len(d.buf) }
