//go:build !linux || portable

package netpoll

// take returns the queue's chunks for the writer goroutine (the bytes stay queued until
// advance). The last chunk is sealed, so that what is pushed meanwhile goes into a new one
// and never touches memory the writer reads.
func (q *writeQueue) take() [][]byte {
	out := make([][]byte, 0, len(q.chunks))
	for i, c := range q.chunks {
		if i == 0 {
			c = c[q.head:]
		}
		out = append(out, c)
	}
	if n := len(q.chunks); n > 0 {
		last := q.chunks[n-1]
		q.chunks[n-1] = last[:len(last):len(last)]
	}
	return out
}
