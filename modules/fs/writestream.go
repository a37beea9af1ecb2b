//go:build unix

package fs

import (
	"strconv"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/runtime"
)

// maxCoalesce bounds how many queued bytes one write(2) takes.
const maxCoalesce = 1 << 20

// writeStream is the Go side of a node.fs.WriteStream. Writes are queued and go to the file
// one system call at a time (queued chunks coalesced); write returns false once the queue
// holds the high-water mark, and "drain" follows when it has emptied.
type writeStream struct {
	m     *module
	s     *runtime.NodeStream
	path  string
	opts  streamOptions
	fd    int
	own   bool  // the stream opened fd and closes it
	pos   int64 // where the next write goes, -1 for the current offset
	state writeState

	queue     [][]byte
	queued    int  // bytes in queue
	writing   bool // a write is in flight
	needDrain bool // write returned false: emit "drain" when the queue empties
	ending    bool // end() was called: finish once the queue is written
	written   int64
}

type writeState uint8

const (
	writeOpening writeState = iota
	writeOpen
	writeFinishing // everything written; the descriptor is being closed
	writeClosing   // destroyed or failed
	writeClosed
)

// initWriteStream is WriteStream's constructor body: initWrite(this, path, options).
func (m *module) initWriteStream(c goja.FunctionCall) goja.Value {
	obj := c.Argument(0).ToObject(m.vm)
	w := &writeStream{m: m, fd: -1, pos: -1}
	path, okPath := pathArg(c.Argument(1))
	w.path = path
	opts, err := m.parseStreamOptions(c.Argument(2), false)
	w.opts = opts
	if opts.start >= 0 {
		w.pos = opts.start
	}
	obj.Set("path", path)
	obj.Set("fd", goja.Null())
	obj.Set("bytesWritten", 0)
	obj.Set("paused", false)
	w.s = m.rt.AttachStream(obj, runtime.StreamSide{
		Write:   w.write,
		End:     w.end,
		Destroy: w.destroy,
	}, false, true)
	switch {
	case !okPath && opts.fd < 0:
		w.failSoon(&CallError{Call: "createWriteStream", Args: describe(c.Argument(1)), Reason: "the path must be a string"})
	case err != nil:
		w.failSoon(&CallError{Call: "createWriteStream", Args: describe(c.Argument(1)), Path: path, Reason: err.Error()})
	case opts.fd >= 0:
		w.fd = opts.fd
		w.state = writeOpen
		obj.Set("fd", opts.fd)
	default:
		w.open()
	}
	return goja.Undefined()
}

func (w *writeStream) open() {
	args := join(quote(w.path), quote(w.opts.mode), octal(w.opts.perm))
	fds := w.m.fds
	w.m.rt.Loop.Do(func() loop.Callback {
		fd, err := fds.openFile(w.path, w.opts.flags, int(w.opts.perm))
		return func() error {
			if err != nil {
				return w.fail(&CallError{Call: "open", Args: args, Path: w.path, Errno: errnoOf(err)})
			}
			w.fd, w.own = fd, true
			if w.state != writeOpening { // destroyed while opening
				return w.closeFd()
			}
			w.state = writeOpen
			w.s.Object.Set("fd", fd)
			if err := w.m.rt.Emit(w.s.Object, "open", w.m.vm.ToValue(fd)); err != nil {
				return err
			}
			return w.flush()
		}
	})
}

// write is the stream's Write: queue the chunk's bytes (strings as UTF-8).
func (w *writeStream) write(data goja.Value) bool {
	if w.state >= writeFinishing {
		return false
	}
	b, err := w.m.bytesArg(data)
	if err != nil {
		panic(w.m.vm.NewTypeError("write: " + err.Error()))
	}
	if len(b) > 0 {
		w.queue = append(w.queue, b)
		w.queued += len(b)
		if w.state == writeOpen && !w.writing {
			w.m.rt.Post(w.flush)
		}
	}
	if w.queued >= w.opts.size {
		w.needDrain = true
		return false
	}
	return true
}

func (w *writeStream) end() {
	w.ending = true
	if w.state == writeOpen && !w.writing {
		w.m.rt.Post(w.flush)
	}
}

func (w *writeStream) destroy() {
	switch w.state {
	case writeOpening:
		w.state = writeClosing // the open's completion closes the descriptor
	case writeOpen:
		w.state = writeClosing
		w.queue, w.queued = nil, 0
		if !w.writing {
			w.m.rt.Post(func() error { return w.closeFd() })
		}
	}
}

// flush starts writing what is queued; with the queue empty it emits "drain" if write had
// returned false, and finishes the stream if end() was called.
func (w *writeStream) flush() error {
	if w.state != writeOpen || w.writing {
		return nil
	}
	if len(w.queue) == 0 {
		if w.needDrain {
			w.needDrain = false
			if err := w.s.Drain(); err != nil {
				return err
			}
			if w.writing || len(w.queue) > 0 || w.state != writeOpen {
				return nil // a "drain" listener wrote more (its Post will flush) or destroyed
			}
		}
		if w.ending {
			w.state = writeFinishing
			if err := w.m.rt.Emit(w.s.Object, "finish"); err != nil {
				return err
			}
			return w.closeFd()
		}
		return nil
	}
	data := w.queue[0]
	n := 1
	if len(w.queue) > 1 && len(data) < maxCoalesce {
		size := 0
		for n = 0; n < len(w.queue) && size+len(w.queue[n]) <= maxCoalesce; n++ {
			size += len(w.queue[n])
		}
		if n <= 1 {
			n = 1
		} else {
			joined := make([]byte, 0, size)
			for _, b := range w.queue[:n] {
				joined = append(joined, b...)
			}
			data = joined
		}
	}
	for i := 0; i < n; i++ {
		w.queue[i] = nil
	}
	w.queue = w.queue[n:]
	w.writing = true
	fd, pos := w.fd, w.pos
	fds := w.m.fds
	w.m.rt.Loop.Do(func() loop.Callback {
		got, err := fds.write(fd, data, pos)
		return func() error {
			w.writing = false
			w.queued -= len(data)
			w.written += int64(got)
			if w.pos >= 0 {
				w.pos += int64(got)
			}
			w.s.Object.Set("bytesWritten", w.written)
			if w.state == writeClosing {
				return w.closeFd() // destroyed meanwhile
			}
			if err != nil {
				return w.fail(&CallError{Call: "write", Args: w.what(), Path: w.path, Errno: errnoOf(err)})
			}
			return w.flush()
		}
	})
	return nil
}

func (w *writeStream) what() string {
	if w.path != "" {
		return quote(w.path)
	}
	return "fd " + strconv.Itoa(w.fd)
}

// closeFd closes the descriptor (if the stream opened it), then emits "close".
func (w *writeStream) closeFd() error {
	if w.state == writeClosed {
		return nil
	}
	fd, own := w.fd, w.own
	w.fd = -1
	w.queue, w.queued = nil, 0
	if fd < 0 || !own {
		w.state = writeClosed
		return w.s.Close()
	}
	fds := w.m.fds
	w.m.rt.Loop.Do(func() loop.Callback {
		err := fds.closeFile(fd)
		return func() error {
			w.state = writeClosed
			w.s.Object.Set("fd", goja.Null())
			if err != nil {
				if e := w.s.Fail(w.m.errorValue(&CallError{Call: "close", Args: w.what(), Path: w.path, Errno: errnoOf(err)})); e != nil {
					return e
				}
			}
			return w.s.Close()
		}
	})
	return nil
}

// fail emits "error" with err and closes the stream.
func (w *writeStream) fail(err *CallError) error {
	w.state = writeClosing
	w.queue, w.queued = nil, 0
	if e := w.s.Fail(w.m.errorValue(err)); e != nil {
		return e
	}
	if w.writing {
		return nil
	}
	return w.closeFd()
}

func (w *writeStream) failSoon(err *CallError) {
	w.state = writeClosing
	w.m.rt.Post(func() error { return w.fail(err) })
}
