package websocket

import (
	"crypto/rand"
	"encoding/binary"
	"strconv"
	"unicode/utf8"

	"github.com/gobwas/ws"
)

// ProtocolError is a violation of RFC 6455 by the peer, or a message over the size limit: the
// connection is failed with Code in the close frame. Its text is worded as gorilla/websocket
// words the same violations ("websocket: bad opcode 3"), which programs may have seen before.
type ProtocolError struct {
	Code ws.StatusCode // 1002 protocol error, 1007 bad UTF-8, 1009 message too big
	Msg  string        // without the "websocket: " prefix
}

func (e *ProtocolError) Error() string { return "websocket: " + e.Msg }

// ErrMessageTooBig is the ProtocolError of a message over the Decoder's MaxMessage.
var ErrMessageTooBig = &ProtocolError{Code: ws.StatusMessageTooBig, Msg: "read limit exceeded"}

func protocolError(msg string) *ProtocolError {
	return &ProtocolError{Code: ws.StatusProtocolError, Msg: msg}
}

// Sink receives what a Decoder found: a whole text or binary message (fragments joined), or a
// control frame (close, ping, pong). payload is unmasked and valid only during the call (it may
// be the very bytes given to Feed). Returning false stops the Decoder: the rest of the input
// is dropped and Feed returns nil (the connection is going away).
type Sink func(op ws.OpCode, payload []byte) bool

// Decoder is the incremental frame parser of one connection: Feed it every read, in order, in
// whatever pieces the network gave; it calls a Sink for each complete message and control frame.
// Between reads it keeps only what belongs to an unfinished frame or message, so that an idle
// connection holds no buffer. It checks what RFC 6455 requires of received frames (masking in
// the right direction, no reserved opcodes or bits, control frames final and short,
// continuation frames only inside a fragmented message, valid close payloads, UTF-8 text) and
// fails with a ProtocolError.
//
// The zero value is a client's decoder (frames must not be masked) without a size limit.
type Decoder struct {
	// Server: this side is the server, so every received frame must be masked.
	Server bool
	// MaxMessage bounds a message (all its fragments); 0 means no limit. A frame announcing a
	// message over it fails the connection with ErrMessageTooBig (close code 1009) before its
	// payload is read.
	MaxMessage int64

	hdr    ws.Header
	inHead [ws.MaxHeaderSize]byte // a header split across reads
	nHead  int                    // bytes of it in inHead
	inBody bool                   // the header is parsed, payload bytes are due
	left   int64                  // payload bytes of the current frame not seen yet
	off    int                    // payload bytes of the current frame seen (mask offset)
	msgOp  ws.OpCode              // opcode of the fragmented message under way; 0 when none
	msg    []byte                 // that message's bytes so far, or a split data frame's
	ctrl   []byte                 // a control frame's payload split across reads
	err    error                  // once failed, every Feed returns it
	hr     headerReader
	scr    [ws.MaxHeaderSize - 2]byte
}

// keepBuffer is the most a Decoder keeps of a message buffer between messages; a larger one is
// dropped so that one big message does not make a connection big for good.
const keepBuffer = 4 << 10

// Feed parses b, which it may unmask in place, calling sink for each complete message or
// control frame. It returns the ProtocolError that failed the connection, and the same error
// on every later call.
func (d *Decoder) Feed(b []byte, sink Sink) error {
	if d.err != nil {
		return d.err
	}
	for len(b) > 0 {
		if !d.inBody {
			n, ok := d.readHeader(b)
			b = b[n:]
			if !ok {
				return nil // the rest of the header comes with the next read
			}
			if err := d.startFrame(); err != nil {
				d.fail(err)
				return err
			}
			if d.left == 0 {
				more, err := d.endFrame(nil, sink)
				if err != nil {
					return err
				}
				if !more {
					return nil
				}
			}
			continue
		}
		n := len(b)
		if int64(n) > d.left {
			n = int(d.left)
		}
		chunk := b[:n:n]
		b = b[n:]
		if d.hdr.Masked {
			ws.Cipher(chunk, d.hdr.Mask, d.off)
		}
		d.off += n
		d.left -= int64(n)
		control := d.hdr.OpCode.IsControl()
		if d.left > 0 {
			// The frame goes on in the next read: keep this part.
			if control {
				d.ctrl = append(d.ctrl, chunk...)
			} else {
				d.appendMsg(chunk)
			}
			continue
		}
		var payload []byte
		switch {
		case control && len(d.ctrl) > 0:
			payload = append(d.ctrl, chunk...)
		case control:
			payload = chunk
		case len(d.msg) == 0 && d.hdr.Fin:
			payload = chunk // a whole message in this read: no copy
		default:
			d.appendMsg(chunk)
		}
		more, err := d.endFrame(payload, sink)
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
	}
	return nil
}

// readHeader takes the bytes of a frame header from b (joining a header split across reads),
// and reports how many bytes it used and whether the header is complete (then in d.hdr).
func (d *Decoder) readHeader(b []byte) (int, bool) {
	var head []byte
	used := 0
	if d.nHead == 0 && len(b) >= 2 && len(b) >= headerLen(b[0], b[1]) {
		used = headerLen(b[0], b[1])
		head = b[:used]
	} else {
		for used < len(b) {
			need := ws.MinHeaderSize
			if d.nHead >= 2 {
				need = headerLen(d.inHead[0], d.inHead[1])
			}
			if d.nHead == need {
				break
			}
			k := copy(d.inHead[d.nHead:need], b[used:])
			d.nHead += k
			used += k
		}
		if d.nHead < 2 || d.nHead < headerLen(d.inHead[0], d.inHead[1]) {
			return used, false
		}
		head = d.inHead[:d.nHead]
		d.nHead = 0
	}
	d.hr.b = head
	h, err := ws.ReadHeaderBuffer(&d.hr, d.scr[:])
	if err != nil {
		// Only a 64-bit length with its top bit set gets here: the sizes were checked.
		h = ws.Header{Length: -1}
	}
	d.hdr = h
	return used, true
}

// headerLen is the size of the header whose first two bytes are b0 and b1.
func headerLen(b0, b1 byte) int {
	n := 2
	switch b1 & 0x7f {
	case 126:
		n += 2
	case 127:
		n += 8
	}
	if b1&0x80 != 0 {
		n += 4
	}
	return n
}

// headerReader reads one header's bytes for ws.ReadHeaderBuffer.
type headerReader struct{ b []byte }

func (r *headerReader) Read(p []byte) (int, error) {
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

// startFrame checks a new frame's header against the connection's state.
func (d *Decoder) startFrame() error {
	h := d.hdr
	if h.Length < 0 {
		return protocolError("invalid payload length")
	}
	state := ws.StateClientSide
	if d.Server {
		state = ws.StateServerSide
	}
	if d.msgOp != 0 {
		state |= ws.StateFragmented
	}
	switch err := ws.CheckHeader(h, state); err {
	case nil:
	case ws.ErrProtocolOpCodeReserved:
		return protocolError("bad opcode " + strconv.Itoa(int(h.OpCode)))
	case ws.ErrProtocolControlPayloadOverflow:
		return protocolError("len > 125 for control")
	case ws.ErrProtocolControlNotFinal:
		return protocolError("FIN not set on control")
	case ws.ErrProtocolNonZeroRsv:
		return protocolError("unexpected reserved bits 0x" + strconv.FormatInt(int64(h.Rsv<<4), 16))
	case ws.ErrProtocolMaskRequired, ws.ErrProtocolMaskUnexpected:
		return protocolError("bad MASK")
	case ws.ErrProtocolContinuationExpected:
		return protocolError("data before FIN")
	case ws.ErrProtocolContinuationUnexpected:
		return protocolError("continuation after FIN")
	default:
		return protocolError(err.Error())
	}
	if !h.OpCode.IsControl() && d.MaxMessage > 0 && int64(len(d.msg))+h.Length > d.MaxMessage {
		return ErrMessageTooBig
	}
	d.inBody, d.left, d.off = true, h.Length, 0
	if h.OpCode != ws.OpContinuation && !h.OpCode.IsControl() && !h.Fin {
		d.msgOp = h.OpCode
	}
	return nil
}

// endFrame hands a complete frame on: a control frame, or a message once its last fragment is
// in (payload nil means d.msg holds the message). It reports whether to go on.
func (d *Decoder) endFrame(payload []byte, sink Sink) (bool, error) {
	h := d.hdr
	d.inBody = false
	if h.OpCode.IsControl() {
		if h.OpCode == ws.OpClose {
			if err := checkClosePayload(payload); err != nil {
				d.fail(err)
				return false, err
			}
		}
		more := sink(h.OpCode, payload)
		if len(d.ctrl) > 0 {
			d.ctrl = d.ctrl[:0]
		}
		return more, nil
	}
	if !h.Fin {
		return true, nil // more fragments follow
	}
	op := h.OpCode
	if op == ws.OpContinuation {
		op = d.msgOp
	}
	d.msgOp = 0
	if payload == nil {
		payload = d.msg
	}
	if op == ws.OpText && !utf8.Valid(payload) {
		err := &ProtocolError{Code: ws.StatusInvalidFramePayloadData, Msg: "invalid UTF-8 in text frame"}
		d.fail(err)
		return false, err
	}
	more := sink(op, payload)
	if cap(d.msg) > keepBuffer {
		d.msg = nil
	} else {
		d.msg = d.msg[:0]
	}
	return more, nil
}

// appendMsg adds a data frame's bytes to the message under way. Its buffer doubles (append
// grows large slices by a quarter, which for a message of many fragments leaves several times
// its size in discarded buffers) but never past what MaxMessage allows.
func (d *Decoder) appendMsg(b []byte) {
	if need := len(d.msg) + len(b); need > cap(d.msg) {
		c := max(2*cap(d.msg), need, 512)
		if d.MaxMessage > 0 && int64(c) > d.MaxMessage {
			c = max(int(d.MaxMessage), need)
		}
		nb := make([]byte, len(d.msg), c)
		copy(nb, d.msg)
		d.msg = nb
	}
	d.msg = append(d.msg, b...)
}

// fail records the error that ended the connection and drops what was buffered.
func (d *Decoder) fail(err error) {
	d.err = err
	d.msg, d.ctrl = nil, nil
}

// checkClosePayload checks a received close frame's body: empty, or a status code a peer may
// send followed by UTF-8 text.
func checkClosePayload(p []byte) error {
	switch {
	case len(p) == 0:
		return nil
	case len(p) == 1:
		return protocolError("invalid close frame payload")
	}
	code, reason := ws.ParseCloseFrameDataUnsafe(p)
	switch err := ws.CheckCloseFrameData(code, reason); err {
	case nil:
		return nil
	case ws.ErrProtocolInvalidUTF8:
		return &ProtocolError{Code: ws.StatusInvalidFramePayloadData, Msg: "invalid UTF-8 in close frame"}
	default:
		return protocolError("invalid close code " + strconv.Itoa(int(code)))
	}
}

// ParseClose returns the status code and reason of a close frame's payload; 1005 (no status)
// for an empty one.
func ParseClose(p []byte) (ws.StatusCode, string) {
	if len(p) < 2 {
		return ws.StatusNoStatusRcvd, ""
	}
	return ws.ParseCloseFrameData(p)
}

// AppendFrame appends one final frame carrying payload to dst: masked with a fresh random key
// when mask is set (a client's frames), as they are when not (a server's).
func AppendFrame(dst []byte, op ws.OpCode, payload []byte, mask bool) []byte {
	h := ws.Header{Fin: true, OpCode: op, Length: int64(len(payload)), Masked: mask}
	if mask {
		h.Mask = newMask()
	}
	var w appendWriter
	w.b = dst
	ws.WriteHeaderBuffer(&w, h, w.hdr[:]) // only a negative length fails, and there is none
	dst = append(w.b, payload...)
	if mask {
		ws.Cipher(dst[len(dst)-len(payload):], h.Mask, 0)
	}
	return dst
}

// AppendClose appends a close frame with code and reason (an empty body for 1005, "no status").
func AppendClose(dst []byte, code ws.StatusCode, reason string, mask bool) []byte {
	if code == ws.StatusNoStatusRcvd || code == 0 {
		return AppendFrame(dst, ws.OpClose, nil, mask)
	}
	if len(reason) > ws.MaxControlFramePayloadSize-2 {
		reason = reason[:ws.MaxControlFramePayloadSize-2]
	}
	var body [ws.MaxControlFramePayloadSize]byte
	binary.BigEndian.PutUint16(body[:], uint16(code))
	n := 2 + copy(body[2:], reason)
	return AppendFrame(dst, ws.OpClose, body[:n], mask)
}

// appendWriter is the io.Writer ws.WriteHeaderBuffer writes a header to.
type appendWriter struct {
	b   []byte
	hdr [ws.MaxHeaderSize]byte
}

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// newMask returns a random masking key (RFC 6455 §5.3).
func newMask() (m [4]byte) {
	rand.Read(m[:])
	return m
}
