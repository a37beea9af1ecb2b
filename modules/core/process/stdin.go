//go:build unix

package process

import (
	"os"
	"sync"

	"github.com/dop251/goja"

	"earlynode/loop"
)

// stdinReadSize is how much of standard input one read takes.
const stdinReadSize = 64 << 10

// stdinReader reads fd 0 for process.stdin while the stream flows: started by a data listener
// or resume(), stopped by pause(). While it flows it keeps the program alive, as in Node.
type stdinReader struct {
	p    *proc
	push goja.Callable // hook stdinData(chunk or null at the end)

	mu      sync.Mutex
	cond    *sync.Cond
	flowing bool
	reading bool // the reading goroutine runs
	ended   bool
	h       *loop.Handle
}

func (p *proc) stdinStart(c goja.FunctionCall) goja.Value {
	r := p.stdin
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ended {
		return goja.Undefined()
	}
	if r.cond == nil {
		r.cond = sync.NewCond(&r.mu)
	}
	r.flowing = true
	if r.h == nil {
		r.h = p.rt.Loop.NewHandle()
	} else {
		r.h.Ref()
	}
	if !r.reading {
		r.reading = true
		go r.run()
	}
	r.cond.Broadcast()
	return goja.Undefined()
}

func (p *proc) stdinStop(c goja.FunctionCall) goja.Value {
	r := p.stdin
	r.mu.Lock()
	defer r.mu.Unlock()
	r.flowing = false
	if r.h != nil {
		r.h.Unref()
	}
	return goja.Undefined()
}

// run reads until the end of input, waiting while paused; each chunk is handed to the program
// as a Buffer on the loop.
func (r *stdinReader) run() {
	buf := make([]byte, stdinReadSize)
	for {
		r.mu.Lock()
		for !r.flowing {
			r.cond.Wait()
		}
		r.mu.Unlock()
		n, err := os.Stdin.Read(buf)
		if n > 0 {
			chunk := append([]byte(nil), buf[:n]...)
			r.h.Post(func() error {
				_, err := r.p.rt.Call(r.push, r.p.obj.Get("stdin"), r.p.rt.NewBuffer(chunk))
				return err
			})
		}
		if err != nil {
			r.mu.Lock()
			r.ended = true
			r.mu.Unlock()
			r.h.Close(func() error {
				_, err := r.p.rt.Call(r.push, r.p.obj.Get("stdin"), goja.Null())
				return err
			})
			return
		}
	}
}
