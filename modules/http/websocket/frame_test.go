package websocket

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gobwas/ws"
)

// got is what a Decoder delivered: one line per message or control frame.
type got []string

func (g *got) sink() Sink {
	return func(op ws.OpCode, p []byte) bool {
		*g = append(*g, fmt.Sprintf("%d:%s", op, p))
		return true
	}
}

// clientFrame is a masked frame as a client sends it.
func clientFrame(op ws.OpCode, fin bool, payload string) []byte {
	h := ws.Header{Fin: fin, OpCode: op, Length: int64(len(payload)), Masked: true, Mask: [4]byte{9, 8, 7, 6}}
	var w appendWriter
	ws.WriteHeaderBuffer(&w, h, w.hdr[:])
	p := []byte(payload)
	ws.Cipher(p, h.Mask, 0)
	return append(w.b, p...)
}

// feedSplit feeds in to a server Decoder in pieces of size n (the whole at once when n is 0),
// copying each piece as a network read would be.
func feedSplit(d *Decoder, in []byte, n int) (got, error) {
	var g got
	sink := g.sink()
	if n <= 0 {
		n = len(in) + 1
	}
	for len(in) > 0 {
		k := min(n, len(in))
		piece := append([]byte(nil), in[:k]...)
		in = in[k:]
		if err := d.Feed(piece, sink); err != nil {
			return g, err
		}
	}
	return g, nil
}

func TestDecoderMessagesInAnySplit(t *testing.T) {
	var in []byte
	in = append(in, clientFrame(ws.OpText, true, "hello")...)
	in = append(in, clientFrame(ws.OpBinary, false, "frag")...)
	in = append(in, clientFrame(ws.OpPing, true, "p")...) // a control frame inside a message
	in = append(in, clientFrame(ws.OpContinuation, false, "men")...)
	in = append(in, clientFrame(ws.OpContinuation, true, "ted")...)
	in = append(in, clientFrame(ws.OpText, true, "")...)
	in = append(in, clientFrame(ws.OpBinary, true, strings.Repeat("x", 300))...)   // 16-bit length
	in = append(in, clientFrame(ws.OpBinary, true, strings.Repeat("y", 70000))...) // 64-bit length
	in = append(in, clientFrame(ws.OpClose, true, "\x03\xe8bye")...)
	want := got{"1:hello", "9:p", "2:fragmented", "1:", "2:" + strings.Repeat("x", 300), "2:" + strings.Repeat("y", 70000), "8:\x03\xe8bye"}
	for _, n := range []int{0, 1, 2, 3, 5, 7, 13, 64, 1000} {
		d := Decoder{Server: true}
		g, err := feedSplit(&d, in, n)
		if err != nil {
			t.Fatalf("pieces of %d: %v", n, err)
		}
		if fmt.Sprint(g) != fmt.Sprint(want) {
			t.Fatalf("pieces of %d: got %.200q", n, g)
		}
		if d.inBody || d.nHead != 0 || len(d.msg) != 0 || len(d.ctrl) != 0 {
			t.Fatalf("pieces of %d: the decoder kept state between messages", n)
		}
	}
}

func TestDecoderRefusesWhatRFC6455Forbids(t *testing.T) {
	unmasked := []byte{0x81, 0x02, 'h', 'i'}
	tooLong := clientFrame(ws.OpPing, true, strings.Repeat("p", 126))
	rsv := clientFrame(ws.OpText, true, "x")
	rsv[0] |= 0x40
	cases := []struct {
		name   string
		server bool
		in     []byte
		code   ws.StatusCode
		msg    string
	}{
		{name: "reserved opcode", server: true, in: clientFrame(3, true, ""), code: 1002, msg: "websocket: bad opcode 3"},
		{name: "unmasked from a client", server: true, in: unmasked, code: 1002, msg: "websocket: bad MASK"},
		{name: "masked from a server", server: false, in: clientFrame(ws.OpText, true, "x"), code: 1002, msg: "websocket: bad MASK"},
		{name: "long control frame", server: true, in: tooLong, code: 1002, msg: "websocket: len > 125 for control"},
		{name: "fragmented control frame", server: true, in: clientFrame(ws.OpPing, false, ""), code: 1002, msg: "websocket: FIN not set on control"},
		{name: "reserved bits", server: true, in: rsv, code: 1002, msg: "websocket: unexpected reserved bits 0x40"},
		{name: "continuation out of a message", server: true, in: clientFrame(ws.OpContinuation, true, "x"), code: 1002, msg: "websocket: continuation after FIN"},
		{name: "new message inside a message", server: true, in: append(clientFrame(ws.OpText, false, "a"), clientFrame(ws.OpText, true, "b")...), code: 1002, msg: "websocket: data before FIN"},
		{name: "text that is not UTF-8", server: true, in: clientFrame(ws.OpText, true, "\xff\xfe"), code: 1007},
		{name: "close with one byte", server: true, in: clientFrame(ws.OpClose, true, "\x03"), code: 1002},
		{name: "close with a reserved code", server: true, in: clientFrame(ws.OpClose, true, "\x03\xed"), code: 1002},
		{name: "close reason not UTF-8", server: true, in: clientFrame(ws.OpClose, true, "\x03\xe8\xff"), code: 1007},
		{name: "too big", server: true, in: clientFrame(ws.OpBinary, true, strings.Repeat("z", 101)), code: 1009, msg: "websocket: read limit exceeded"},
		{name: "too big in fragments", server: true, in: append(clientFrame(ws.OpBinary, false, strings.Repeat("z", 60)), clientFrame(ws.OpContinuation, true, strings.Repeat("z", 41))...), code: 1009},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, n := range []int{0, 1} {
				d := Decoder{Server: c.server, MaxMessage: 100}
				_, err := feedSplit(&d, c.in, n)
				var pe *ProtocolError
				if !errors.As(err, &pe) || pe.Code != c.code || (c.msg != "" && err.Error() != c.msg) {
					t.Fatalf("pieces of %d: error %v, want code %d %q", n, err, c.code, c.msg)
				}
				if err2 := d.Feed(clientFrame(ws.OpText, true, "after"), func(ws.OpCode, []byte) bool { t.Fatal("delivered after a failure"); return true }); err2 != err {
					t.Fatalf("a failed decoder answered %v, want %v again", err2, err)
				}
			}
		})
	}
}

// A server's frames, unmasked, go to a client Decoder; a client's AppendFrame masks with a
// fresh key each time.
func TestAppendFrameBothWays(t *testing.T) {
	var out []byte
	out = AppendFrame(out, ws.OpText, []byte("to the client"), false)
	out = AppendClose(out, 1001, "going", false)
	var g got
	d := Decoder{}
	if err := d.Feed(out, g.sink()); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprint(got{"1:to the client", "8:\x03\xe9going"}); fmt.Sprint(g) != want {
		t.Fatalf("got %q", g)
	}
	a := AppendFrame(nil, ws.OpBinary, []byte("same"), true)
	b := AppendFrame(nil, ws.OpBinary, []byte("same"), true)
	if bytes.Equal(a, b) {
		t.Fatal("two masked frames share a key")
	}
	g = nil
	ds := Decoder{Server: true}
	if err := ds.Feed(append(a, b...), g.sink()); err != nil || fmt.Sprint(g) != "[2:same 2:same]" {
		t.Fatalf("got %q, %v", g, err)
	}
	if code, reason := ParseClose(nil); code != 1005 || reason != "" {
		t.Fatalf("empty close: %d %q", code, reason)
	}
}

// A message in one read is delivered without a copy: the sink sees the read's own bytes.
func TestDecoderDeliversWholeFramesInPlace(t *testing.T) {
	in := clientFrame(ws.OpBinary, true, "in place")
	d := Decoder{Server: true}
	var seen []byte
	d.Feed(in, func(_ ws.OpCode, p []byte) bool { seen = p; return true })
	if &seen[0] != &in[len(in)-len(seen)] {
		t.Fatal("the payload was copied")
	}
}

// A sink that returns false stops the decoder: the rest of the read is dropped.
func TestDecoderStops(t *testing.T) {
	in := append(clientFrame(ws.OpText, true, "one"), clientFrame(ws.OpText, true, "two")...)
	d := Decoder{Server: true}
	n := 0
	if err := d.Feed(in, func(ws.OpCode, []byte) bool { n++; return false }); err != nil || n != 1 {
		t.Fatalf("%d messages, %v", n, err)
	}
}
