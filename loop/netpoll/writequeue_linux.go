//go:build !portable

package netpoll

import "golang.org/x/sys/unix"

// writeTo writes as much of the queue as the socket takes, in one writev.
func (q *writeQueue) writeTo(fd int) (int, error) {
	iov := q.iov[:0]
	for i, c := range q.chunks {
		if i == 0 {
			c = c[q.head:]
		}
		iov = append(iov, c)
		if len(iov) == 64 {
			break
		}
	}
	q.iov = iov
	n, err := unix.Writev(fd, iov)
	clear(iov)
	if n < 0 {
		n = 0
	}
	return n, err
}
