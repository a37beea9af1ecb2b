//go:build linux

package fs

// WriteStream: chunks queued and written to a file in order on the pool.

import (
	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"earlynode/loop"
	"earlynode/runtime"
)

// writeStream is the Go side of a WriteStream: chunks are queued and written in order, one
// system call at a time; write returns false once highWaterMark bytes wait, and "drain"
// follows when the queue has emptied.
type writeStream struct {
	m         *module
	obj       *goja.Object
	path      string
	opts      streamOptions
	fd        int
	pos       int64 // where the next write goes, -1 for the current offset
	state     streamState
	queue     []wchunk
	queued    int
	writing   bool
	needDrain bool
	ending    bool
	written   int64
	onFinish  []goja.Callable // end's callbacks, called before "finish"
}

// wchunk is one write: its bytes and its callback (or nil).
type wchunk struct {
	data []byte
	cb   goja.Callable
}

var writeStreamState = runtime.NewState[*writeStream]("core/fs.WriteStream")

// initWriteStream is WriteStream's constructor body: initWrite(this, path, options).
func (m *module) initWriteStream(c goja.FunctionCall) goja.Value {
	obj := c.Argument(0).ToObject(m.vm)
	opts := m.streamOptions(c.Argument(2), false)
	w := &writeStream{m: m, obj: obj, opts: opts, fd: -1, pos: opts.start}
	if opts.fd < 0 {
		w.path = m.pathArg("path", c.Argument(1))
		obj.Set("path", w.path)
	}
	obj.Set("fd", goja.Null())
	obj.Set("mode", opts.mode)
	obj.Set("start", nilIfNeg(m.vm, opts.start))
	obj.Set("autoClose", opts.autoClose)
	if s, ok := c.Argument(2).(*goja.Object); !ok || absent(s.Get("flags")) {
		obj.Set("flags", "w")
	} else {
		obj.Set("flags", s.Get("flags"))
	}
	obj.Set("writableHighWaterMark", opts.hwm)
	writeStreamState.Set(m.rt, obj, w)
	if opts.fd >= 0 {
		w.fd = opts.fd
		w.state = stOpen
		obj.Set("fd", w.fd)
		obj.Set("pending", false)
		return goja.Undefined()
	}
	if opts.flagsErr != nil {
		m.rt.Post(func() error { return w.fail(opts.flagsErr) })
		return goja.Undefined()
	}
	path := w.path
	m.rt.Loop.Do(func() loop.Callback {
		fd, err := openFile(path, opts.flags, opts.mode)
		return func() error {
			if err != nil {
				return w.fail(err)
			}
			w.fd = fd
			if w.state != stOpening {
				return w.closeFd()
			}
			w.state = stOpen
			obj.Set("fd", fd)
			obj.Set("pending", false)
			if err := m.rt.Emit(obj, "open", m.vm.ToValue(fd)); err != nil {
				return err
			}
			if err := m.rt.Emit(obj, "ready"); err != nil {
				return err
			}
			return w.pump()
		}
	})
	return goja.Undefined()
}

func (m *module) writeStreamOf(v goja.Value) *writeStream {
	w, ok := writeStreamState.Get(v)
	if !ok {
		panic(m.vm.NewTypeError("not a WriteStream"))
	}
	return w
}

// writeChunk is writeChunk(stream, chunk, encoding, cb): queue chunk; false once the queue
// holds highWaterMark bytes.
func (m *module) writeChunk(c goja.FunctionCall) goja.Value {
	w := m.writeStreamOf(c.Argument(0))
	cb, _ := goja.AssertFunction(c.Argument(3))
	if w.ending || w.state >= stEnded {
		err := &CodeError{Kind: "Error", Code: "ERR_STREAM_WRITE_AFTER_END", Message: "write after end"}
		if w.state >= stClosing && !w.ending {
			err = &CodeError{Kind: "Error", Code: "ERR_STREAM_DESTROYED", Message: "Cannot call write after a stream was destroyed"}
		}
		m.rt.Post(func() error {
			ev := errorValue(m.rt, err)
			if cb != nil {
				if _, e := m.rt.Call(cb, goja.Undefined(), ev); e != nil {
					return e
				}
			}
			return m.rt.Emit(w.obj, "error", ev)
		})
		return m.vm.ToValue(false)
	}
	if absent(c.Argument(1)) {
		throw(m.rt, argTypeError("chunk", "of type string or an instance of Buffer or Uint8Array", c.Argument(1)))
	}
	enc := m.encodingName(c.Argument(2))
	data := append([]byte(nil), m.dataArg("chunk", c.Argument(1), enc)...)
	w.queue = append(w.queue, wchunk{data: data, cb: cb})
	w.queued += len(data)
	if w.state == stOpen && !w.writing {
		m.rt.Post(w.pump)
	}
	if w.queued >= w.opts.hwm {
		w.needDrain = true
		return m.vm.ToValue(false)
	}
	return m.vm.ToValue(true)
}

// pump writes the next queued chunk, or finishes once the queue is empty after end().
func (w *writeStream) pump() error {
	if w.writing || w.state != stOpen {
		return nil
	}
	if len(w.queue) == 0 {
		if w.ending {
			return w.finish()
		}
		return nil
	}
	ch := w.queue[0]
	w.queue = w.queue[1:]
	w.writing = true
	fd, pos := w.fd, w.pos
	w.m.rt.Loop.Do(func() loop.Callback {
		n, err := writeAll(fd, ch.data, pos)
		return func() error {
			w.writing = false
			if w.state == stClosing {
				return w.closeFd() // destroyed meanwhile
			}
			w.queued -= len(ch.data)
			w.written += int64(n)
			if w.pos >= 0 {
				w.pos += int64(n)
			}
			w.obj.Set("bytesWritten", w.written)
			if err != nil {
				ev := errorValue(w.m.rt, err)
				if ch.cb != nil {
					if _, e := w.m.rt.Call(ch.cb, goja.Undefined(), ev); e != nil {
						return e
					}
				}
				return w.fail(err)
			}
			if len(w.queue) == 0 && w.needDrain && !w.ending {
				w.needDrain = false
				if e := w.m.rt.Emit(w.obj, "drain"); e != nil {
					return e
				}
			}
			if ch.cb != nil {
				if _, e := w.m.rt.Call(ch.cb, goja.Undefined(), goja.Null()); e != nil {
					return e
				}
			}
			return w.pump()
		}
	})
	return nil
}

// finish emits "finish", then (autoClose) closes the descriptor and emits "close".
func (w *writeStream) finish() error {
	if w.state != stOpen {
		return nil
	}
	w.state = stEnded
	w.obj.Set("writable", false)
	for _, cb := range w.onFinish {
		if _, err := w.m.rt.Call(cb, goja.Undefined()); err != nil {
			return err
		}
	}
	w.onFinish = nil
	if err := w.m.rt.Emit(w.obj, "finish"); err != nil {
		return err
	}
	if !w.opts.autoClose {
		return nil
	}
	return w.closeFd()
}

// endWriteStream is endWrite(stream, cb): finish once everything queued is written, calling
// cb (if a function) just before "finish".
func (m *module) endWriteStream(c goja.FunctionCall) goja.Value {
	w := m.writeStreamOf(c.Argument(0))
	if cb, ok := goja.AssertFunction(c.Argument(1)); ok {
		w.onFinish = append(w.onFinish, cb)
	}
	if w.ending {
		return goja.Undefined()
	}
	w.ending = true
	if w.state == stOpen && !w.writing {
		m.rt.Post(w.pump)
	}
	return goja.Undefined()
}

// destroyWriteStream is destroyW(stream, err): drop what is queued, close, and emit err (if
// any) and "close".
func (m *module) destroyWriteStream(c goja.FunctionCall) goja.Value {
	w := m.writeStreamOf(c.Argument(0))
	if w.state >= stClosing {
		return goja.Undefined()
	}
	w.queue, w.queued = nil, 0
	w.obj.Set("writable", false)
	errV := c.Argument(1)
	wasOpening := w.state == stOpening
	w.state = stClosing
	m.rt.Post(func() error {
		if !absent(errV) {
			if err := m.rt.Emit(w.obj, "error", errV); err != nil {
				return err
			}
		}
		if wasOpening || w.writing {
			return nil // the open's or the write's completion closes the descriptor
		}
		return w.closeFd()
	})
	return goja.Undefined()
}

// closeFd closes the descriptor (unless the program gave it and keeps it) and emits "close".
func (w *writeStream) closeFd() error {
	if w.state == stClosed {
		return nil
	}
	w.state = stClosing
	fd := w.fd
	w.fd = -1
	done := func() error {
		w.state = stClosed
		w.obj.Set("closed", true)
		if !w.opts.emitClose {
			return nil
		}
		return w.m.rt.Emit(w.obj, "close")
	}
	if fd < 0 {
		return done()
	}
	w.m.rt.Loop.Do(func() loop.Callback {
		unix.Close(fd)
		return done
	})
	return nil
}

// fail emits "error" with err, then closes the stream.
func (w *writeStream) fail(err error) error {
	w.state = stClosing
	w.obj.Set("writable", false)
	if e := w.m.rt.Emit(w.obj, "error", errorValue(w.m.rt, err)); e != nil {
		return e
	}
	if w.writing {
		return nil
	}
	return w.closeFd()
}
