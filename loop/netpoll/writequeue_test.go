package netpoll

import (
	"bytes"
	"testing"
)

// contents returns the queued bytes in order.
func (q *writeQueue) contents() []byte {
	var b []byte
	for i, c := range q.chunks {
		if i == 0 {
			c = c[q.head:]
		}
		b = append(b, c...)
	}
	return b
}

func TestWriteQueueKeepsOrderThroughPushesAndAdvances(t *testing.T) {
	tests := []struct {
		name     string
		pushes   []int
		advances []int
	}{
		{"small pieces", []int{10, 20, 30}, []int{5, 25, 30}},
		{"across chunks", []int{queueChunk - 3, 10, queueChunk * 2}, []int{queueChunk - 1, 5, queueChunk}},
		{"one big piece", []int{3 << 20}, []int{1, 1 << 20, 2 << 20}},
		{"everything at once", []int{100, 200}, []int{300}},
	}
	for _, tt := range tests {
		var q writeQueue
		var want []byte
		for i, n := range tt.pushes {
			b := bytes.Repeat([]byte{byte('a' + i)}, n)
			for j := range b {
				b[j] += byte(j % 7)
			}
			want = append(want, b...)
			q.push(b)
		}
		if q.size != len(want) || !bytes.Equal(q.contents(), want) {
			t.Fatalf("%s: queued %d bytes, want %d in order", tt.name, q.size, len(want))
		}
		for _, n := range tt.advances {
			if n > q.size {
				n = q.size
			}
			q.advance(n)
			want = want[n:]
			if q.size != len(want) || !bytes.Equal(q.contents(), want) {
				t.Fatalf("%s: after advancing %d, %d bytes left, want %d in order", tt.name, n, q.size, len(want))
			}
		}
	}
}
