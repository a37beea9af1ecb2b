package websocket

import (
	"errors"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/gobwas/ws"
)

// FuzzDecoder feeds arbitrary bytes to the incremental frame parser, whole and in pieces of
// every size the fuzzer picks. It must not panic; the split must not change what comes out
// (messages, control frames, the error); no message may exceed the limit; text must be
// UTF-8; control frames must be short; a failure must be a ProtocolError with a close code a
// peer may be sent.
func FuzzDecoder(f *testing.F) {
	f.Add(clientFrame(ws.OpText, true, "hello"), uint8(1), true)
	f.Add(append(clientFrame(ws.OpBinary, false, "frag"), clientFrame(ws.OpContinuation, true, "ment")...), uint8(3), true)
	f.Add(append(clientFrame(ws.OpPing, true, "p"), clientFrame(ws.OpClose, true, "\x03\xe8ok")...), uint8(2), true)
	f.Add(AppendFrame(nil, ws.OpBinary, make([]byte, 300), false), uint8(7), false)
	f.Add([]byte{0x83, 0x80, 1, 2, 3, 4}, uint8(1), true)
	f.Fuzz(func(t *testing.T, in []byte, split uint8, server bool) {
		const limit = 1 << 10
		run := func(n int) (string, error) {
			d := Decoder{Server: server, MaxMessage: limit}
			var out []byte
			sink := func(op ws.OpCode, p []byte) bool {
				switch {
				case op.IsControl() && len(p) > ws.MaxControlFramePayloadSize:
					t.Fatalf("control frame of %d bytes", len(p))
				case !op.IsControl() && len(p) > limit:
					t.Fatalf("message of %d bytes over the limit", len(p))
				case op == ws.OpText && !utf8.Valid(p):
					t.Fatalf("text message that is not UTF-8: %q", p)
				case op == ws.OpContinuation || op.IsReserved():
					t.Fatalf("delivered opcode %d", op)
				}
				out = fmt.Appendf(out, "%d:%q;", op, p)
				return true
			}
			data := append([]byte(nil), in...)
			if n <= 0 {
				n = len(data) + 1
			}
			for len(data) > 0 {
				k := min(n, len(data))
				piece := append([]byte(nil), data[:k]...)
				data = data[k:]
				if err := d.Feed(piece, sink); err != nil {
					return string(out), err
				}
			}
			return string(out), nil
		}
		whole, werr := run(0)
		pieces, perr := run(int(split))
		if whole != pieces || fmt.Sprint(werr) != fmt.Sprint(perr) {
			t.Fatalf("whole: %q %v\npieces of %d: %q %v", whole, werr, split, pieces, perr)
		}
		if werr != nil {
			var pe *ProtocolError
			if !errors.As(werr, &pe) {
				t.Fatalf("error %T %v is not a ProtocolError", werr, werr)
			}
			switch pe.Code {
			case ws.StatusProtocolError, ws.StatusInvalidFramePayloadData, ws.StatusMessageTooBig:
			default:
				t.Fatalf("close code %d", pe.Code)
			}
		}
	})
}
