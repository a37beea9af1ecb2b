package jsonframe

import (
	"bytes"
	"runtime"
	"testing"
)

// TestSplitterBigFrameCost: a 50 MB frame fed in 64 KiB reads costs at most about twice its
// size in buffers allocated (append's quarter-step growth allocated about five times it), and
// the buffer never grows past what the limit needs.
func TestSplitterBigFrameCost(t *testing.T) {
	const size, limit = 50 << 20, 64 << 20
	s, err := NewSplitter([]byte{0, 0}, limit)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("a"), 64<<10)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for fed := 0; fed < size; fed += len(chunk) {
		s.Feed(chunk)
		if _, ok, err := s.Next(); ok || err != nil {
			t.Fatalf("a frame before its delimiter: %v %v", ok, err)
		}
	}
	s.Feed([]byte{0, 0})
	frame, ok, err := s.Next()
	runtime.ReadMemStats(&after)
	if !ok || err != nil || len(frame) != size {
		t.Fatalf("frame of %d bytes, %v, %v", len(frame), ok, err)
	}
	if c := cap(s.buf); c > limit+4 {
		t.Errorf("buffer capacity %d, over the limit's %d", c, limit+4)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 3*size {
		t.Errorf("allocated %d MB for a %d MB frame", alloc>>20, size>>20)
	}
}
