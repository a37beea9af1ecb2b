package runtime

import (
	"io"
	"sync"
)

// Output is the process's stdout and stderr: writes from the loop are queued in order (across
// both streams) and written by one goroutine, so the loop never blocks on a slow reader and
// nothing is reordered. Flush waits until everything queued has been written.
type Output struct {
	// Stdout and Stderr are the two ordered streams.
	Stdout, Stderr *Stream

	mu      sync.Mutex
	cond    *sync.Cond
	pending []outChunk
	spare   []outChunk
	busy    bool
	kick    chan struct{}
}

// Stream is one of Output's streams. Its writes are asynchronous and ordered.
type Stream struct {
	out *Output
	w   io.Writer
	err error // the first write error, reported to later writers
}

type outChunk struct {
	s    *Stream
	data []byte
}

// NewOutput starts the writer goroutine for stdout and stderr.
func NewOutput(stdout, stderr io.Writer) *Output {
	o := &Output{kick: make(chan struct{}, 1)}
	o.cond = sync.NewCond(&o.mu)
	o.Stdout = &Stream{out: o, w: stdout}
	o.Stderr = &Stream{out: o, w: stderr}
	go o.writer()
	return o
}

// Write queues p (copied) for the stream; it never blocks on the reader.
func (s *Stream) Write(p []byte) (int, error) {
	s.queue(p, "")
	return len(p), nil
}

// WriteString queues str for the stream.
func (s *Stream) WriteString(str string) (int, error) {
	s.queue(nil, str)
	return len(str), nil
}

func (s *Stream) queue(p []byte, str string) {
	o := s.out
	o.mu.Lock()
	if n := len(o.pending); n > 0 && o.pending[n-1].s == s && len(o.pending[n-1].data) < 1<<20 {
		c := &o.pending[n-1]
		c.data = append(c.data, p...)
		c.data = append(c.data, str...)
	} else {
		buf := make([]byte, 0, len(p)+len(str)+64)
		buf = append(append(buf, p...), str...)
		o.pending = append(o.pending, outChunk{s: s, data: buf})
	}
	o.mu.Unlock()
	select {
	case o.kick <- struct{}{}:
	default:
	}
}

// WriteSync flushes what is queued, then writes p before returning (node.debug).
func (s *Stream) WriteSync(p []byte) {
	s.queue(p, "")
	s.out.Flush()
}

// Err returns the first error writing this stream met (EPIPE when the reader went away).
func (s *Stream) Err() error {
	s.out.mu.Lock()
	defer s.out.mu.Unlock()
	return s.err
}

func (o *Output) writer() {
	for range o.kick {
		for {
			o.mu.Lock()
			batch := o.pending
			if len(batch) == 0 {
				o.mu.Unlock()
				break
			}
			o.pending = o.spare[:0]
			o.busy = true
			o.mu.Unlock()
			for i := range batch {
				c := batch[i]
				if c.s.err == nil {
					if _, err := c.s.w.Write(c.data); err != nil {
						o.mu.Lock()
						c.s.err = err
						o.mu.Unlock()
					}
				}
				batch[i] = outChunk{}
			}
			o.mu.Lock()
			o.spare = batch[:0]
			o.busy = false
			o.cond.Broadcast()
			o.mu.Unlock()
		}
	}
}

// Flush blocks until everything queued so far has been written.
func (o *Output) Flush() {
	o.mu.Lock()
	defer o.mu.Unlock()
	for len(o.pending) > 0 || o.busy {
		select {
		case o.kick <- struct{}{}:
		default:
		}
		o.cond.Wait()
	}
}
