package websocket

import (
	"errors"
	"runtime"
	"testing"

	ws "github.com/gobwas/ws"
)

// TestDecoderFragmentedMessageCost: a message sent as 1 MiB fragments is refused at the
// fragment that passes MaxMessage, and what was buffered until then cost at most about twice
// the limit in allocations (append's quarter-step growth allocated about five times it).
func TestDecoderFragmentedMessageCost(t *testing.T) {
	const limit = 64 << 20
	d := Decoder{MaxMessage: limit}
	frame := func(op ws.OpCode) []byte {
		var w appendWriter
		ws.WriteHeaderBuffer(&w, ws.Header{OpCode: op, Length: 1 << 20}, w.hdr[:])
		return append(w.b, make([]byte, 1<<20)...)
	}
	first, cont := frame(ws.OpBinary), frame(ws.OpContinuation)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var err error
	sent := 0
	for i := 0; i < 70 && err == nil; i++ {
		b := cont
		if i == 0 {
			b = first
		}
		err = d.Feed(b, func(ws.OpCode, []byte) bool { t.Fatal("a message over the limit was delivered"); return false })
		sent++
	}
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrMessageTooBig) {
		t.Fatalf("got %v, want ErrMessageTooBig", err)
	}
	if sent != 65 {
		t.Errorf("refused at fragment %d, want 65 (the first past %d bytes)", sent, limit)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 3*limit {
		t.Errorf("buffering allocated %d MB for a limit of %d MB", alloc>>20, limit>>20)
	}
}
