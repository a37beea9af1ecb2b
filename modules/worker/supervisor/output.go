package supervisor

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

// maxLine is the longest line kept whole; a longer one is written in pieces of this size.
const maxLine = 1 << 20

// lineSink is the supervisor's stdout and stderr, shared by every worker: whatever is written
// is whole lines, under one lock, so that lines of different workers never mix.
type lineSink struct {
	mu             sync.Mutex
	stdout, stderr io.Writer
}

// write writes whole lines b to w.
func (o *lineSink) write(w io.Writer, b []byte) {
	o.mu.Lock()
	w.Write(b)
	o.mu.Unlock()
}

// notice writes one line of the supervisor's own to stderr.
func (o *lineSink) notice(format string, args ...any) {
	o.write(o.stderr, []byte(fmt.Sprintf(format, args...)+"\n"))
}

// copyLines copies r to w until r ends, the complete lines of each read in one write. A last
// line without its newline gets one, so that the next worker's line starts on its own.
func (o *lineSink) copyLines(w io.Writer, r io.Reader) {
	buf := make([]byte, 64<<10)
	n := 0
	for {
		m, err := r.Read(buf[n:])
		n += m
		if i := bytes.LastIndexByte(buf[n-m:n], '\n'); i >= 0 {
			end := n - m + i + 1
			o.write(w, buf[:end])
			n = copy(buf, buf[end:n])
		} else if n == len(buf) {
			if len(buf) < maxLine {
				buf = append(buf, make([]byte, len(buf))...)
			} else {
				o.write(w, buf[:n])
				n = 0
			}
		}
		if err != nil {
			if n > 0 {
				o.write(w, append(buf[:n], '\n'))
			}
			return
		}
	}
}
