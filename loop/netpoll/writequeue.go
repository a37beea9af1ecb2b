package netpoll

// queueChunk is the size of the pieces a writeQueue copies data into once it holds more than
// a little; its first piece is firstChunk.
const (
	queueChunk = 64 << 10
	firstChunk = 4 << 10
)

// writeQueue holds bytes the kernel did not take yet, in order, as a list of chunks written
// with writev: queuing copies each byte once and writing never moves what is left.
type writeQueue struct {
	chunks [][]byte // chunks[0][head:] is the next byte to write
	head   int
	size   int // bytes queued
	iov    [][]byte
}

// push copies b to the end of the queue.
func (q *writeQueue) push(b []byte) {
	q.size += len(b)
	for len(b) > 0 {
		if n := len(q.chunks); n > 0 {
			last := q.chunks[n-1]
			if room := cap(last) - len(last); room > 0 {
				k := min(room, len(b))
				q.chunks[n-1] = append(last, b[:k]...)
				b = b[k:]
				continue
			}
		}
		c := make([]byte, 0, max(q.nextChunk(), min(len(b), 1<<20)))
		q.chunks = append(q.chunks, c)
	}
}

// nextChunk is the size of the next chunk: small for a queue that starts (the peer of a
// connection that reads a little late should not cost it 64 KiB), doubling up to queueChunk
// while the queue grows.
func (q *writeQueue) nextChunk() int {
	if n := len(q.chunks); n > 0 {
		return min(2*cap(q.chunks[n-1]), queueChunk)
	}
	return firstChunk
}

// advance drops n written bytes from the front.
func (q *writeQueue) advance(n int) {
	q.size -= n
	for n > 0 {
		rest := len(q.chunks[0]) - q.head
		if n < rest {
			q.head += n
			return
		}
		n -= rest
		q.chunks[0] = nil
		q.chunks = q.chunks[1:]
		q.head = 0
	}
	if q.size == 0 {
		q.chunks = q.chunks[:0]
	}
}

// reset drops everything queued.
func (q *writeQueue) reset() {
	*q = writeQueue{}
}
