package fs

import (
	"math"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"earlynode/loop"
	"earlynode/runtime"
)

// streamOptions are the options of createReadStream and createWriteStream.
type streamOptions struct {
	flags     int
	mode      uint32
	fd        int   // an open descriptor given by the program, or -1
	start     int64 // -1: the beginning (read) or the current offset (write)
	end       int64 // read: the last byte read (inclusive), or -1 for the end of the file
	hwm       int
	encoding  string
	autoClose bool
	emitClose bool
}

// streamOptions reads options: a string (the encoding) or an object, with Node's checks.
func (m *module) streamOptions(v goja.Value, read bool) streamOptions {
	o := streamOptions{mode: 0o666, fd: -1, start: -1, end: -1, hwm: 16 << 10, autoClose: true, emitClose: true}
	def := "w"
	if read {
		o.hwm, def = 64<<10, "r"
	}
	opts, enc := m.options(v, "")
	o.encoding = enc
	o.flags = m.flagsArg(get(opts, "flags"), def)
	o.mode = m.modeArg(get(opts, "mode"), 0o666)
	if x := get(opts, "fd"); x != nil {
		if fo, ok := x.(*goja.Object); ok && fo.Get("fd") != nil {
			x = fo.Get("fd") // a FileHandle
		}
		o.fd = m.fdArg(x)
	}
	if x := get(opts, "highWaterMark"); x != nil {
		o.hwm = int(m.intOpt("highWaterMark", x, 0, 1, 1<<30))
	}
	o.start = m.intOpt("start", get(opts, "start"), -1, 0, math.MaxInt64>>11)
	if x := get(opts, "end"); x != nil && read {
		if f := x.ToFloat(); !math.IsInf(f, 1) {
			o.end = m.intOpt("end", x, -1, 0, math.MaxInt64>>11)
			s := o.start
			if s < 0 {
				s = 0
			}
			if s > o.end {
				throw(m.rt, &CodeError{Kind: "RangeError", Code: "ERR_OUT_OF_RANGE",
					Message: "The value of \"start\" is out of range. It must be <= \"end\" (here: " + itoa(o.end) + "). Received " + itoa(s)})
			}
		}
	}
	if x := get(opts, "autoClose"); x != nil {
		o.autoClose = x.ToBoolean()
	}
	if x := get(opts, "emitClose"); x != nil {
		o.emitClose = x.ToBoolean()
	}
	return o
}

type streamState uint8

const (
	stOpening streamState = iota
	stOpen
	stEnded   // read: end of the file or range reached; write: finished
	stClosing // destroyed, failed or ended: the descriptor is being closed
	stClosed
)

// readStream is the Go side of a ReadStream (a node.Stream; runtime/stream.go). One read is
// in flight at a time, asked for when the last chunk has been handed out and the stream flows
// and is not paused, so a paused stream stops reading the file.
type readStream struct {
	m         *module
	s         *runtime.NodeStream
	path      string
	opts      streamOptions
	fd        int
	pos       int64
	state     streamState
	reading   bool
	flowing   bool // someone listens for "data", piped or resumed the stream
	endQueued bool // "end" waits for resume; close after it
	utf8      runtime.UTF8Decoder
}

var readStreamState = runtime.NewState[*readStream]("core/fs.ReadStream")

// initReadStream is ReadStream's constructor body: initRead(this, path, options).
func (m *module) initReadStream(c goja.FunctionCall) goja.Value {
	obj := c.Argument(0).ToObject(m.vm)
	opts := m.streamOptions(c.Argument(2), true)
	r := &readStream{m: m, opts: opts, fd: -1}
	if opts.fd < 0 {
		r.path = m.pathArg("path", c.Argument(1))
		obj.Set("path", r.path)
	}
	if opts.start > 0 {
		r.pos = opts.start
	}
	obj.Set("fd", goja.Null())
	obj.Set("flags", c.Argument(2))
	obj.Set("mode", opts.mode)
	obj.Set("start", nilIfNeg(m.vm, opts.start))
	obj.Set("end", math.Inf(1))
	if opts.end >= 0 {
		obj.Set("end", opts.end)
	}
	obj.Set("autoClose", opts.autoClose)
	if s, ok := c.Argument(2).(*goja.Object); !ok || absent(s.Get("flags")) {
		obj.Set("flags", "r")
	} else {
		obj.Set("flags", s.Get("flags"))
	}
	readStreamState.Set(m.rt, obj, r)
	r.s = m.rt.AttachStream(obj, runtime.StreamSide{Resume: r.resume, Destroy: r.destroy}, true, false)
	if opts.fd >= 0 {
		r.fd = opts.fd
		obj.Set("fd", r.fd)
		obj.Set("pending", false)
		r.state = stOpen
		return goja.Undefined()
	}
	path := r.path
	m.rt.Loop.Do(func() loop.Callback {
		fd, err := openFile(path, opts.flags, opts.mode)
		return func() error {
			if err != nil {
				return r.fail(err)
			}
			r.fd = fd
			if r.state != stOpening { // destroyed while opening
				return r.closeFd()
			}
			r.state = stOpen
			obj.Set("fd", fd)
			obj.Set("pending", false)
			if err := m.rt.Emit(obj, "open", m.vm.ToValue(fd)); err != nil {
				return err
			}
			if err := m.rt.Emit(obj, "ready"); err != nil {
				return err
			}
			return r.next()
		}
	})
	return goja.Undefined()
}

func nilIfNeg(vm *goja.Runtime, n int64) goja.Value {
	if n < 0 {
		return goja.Undefined()
	}
	return vm.ToValue(n)
}

// flowReadStream is flowRead(stream, encoding): with an encoding, setEncoding; without, the
// stream starts flowing (a "data" listener, pipe or resume).
func (m *module) flowReadStream(c goja.FunctionCall) goja.Value {
	r, ok := readStreamState.Get(c.Argument(0))
	if !ok {
		panic(m.vm.NewTypeError("not a ReadStream"))
	}
	if !absent(c.Argument(1)) {
		r.opts.encoding = m.encodingName(c.Argument(1))
		return goja.Undefined()
	}
	if !r.flowing {
		r.flowing = true
		if r.state == stOpen {
			m.rt.Post(r.next)
		}
	}
	return goja.Undefined()
}

// next asks for the next read unless one is in flight, the stream does not flow, is paused
// or is done.
func (r *readStream) next() error {
	if r.reading || r.state != stOpen || !r.flowing || r.s.Paused() {
		return nil
	}
	n := int64(r.opts.hwm)
	if r.opts.end >= 0 && r.pos+n > r.opts.end+1 {
		n = r.opts.end + 1 - r.pos
	}
	if n <= 0 {
		return r.eof()
	}
	r.reading = true
	fd, pos := r.fd, r.pos
	if r.opts.start < 0 && r.opts.fd >= 0 {
		pos = -1 // a descriptor given by the program is read from its current offset
	}
	r.m.rt.Loop.Do(func() loop.Callback {
		buf := make([]byte, n)
		var got int
		var err error
		for {
			if pos >= 0 {
				got, err = unix.Pread(fd, buf, pos)
			} else {
				got, err = unix.Read(fd, buf)
			}
			if err != unix.EINTR {
				break
			}
		}
		return func() error {
			r.reading = false
			if r.state != stOpen {
				return r.closeFd() // destroyed meanwhile
			}
			if err != nil {
				return r.fail(&SysError{Syscall: "read", Errno: errnoOf(err)})
			}
			if got == 0 {
				return r.eof()
			}
			r.pos += int64(got)
			r.s.Object.Set("bytesRead", r.pos-max(r.opts.start, 0))
			if err := r.push(buf[:got]); err != nil {
				return err
			}
			return r.next()
		}
	})
	return nil
}

// push hands one chunk to the program, as a Buffer or a string in the stream's encoding.
func (r *readStream) push(chunk []byte) error {
	switch r.opts.encoding {
	case "":
		return r.s.Push(r.m.rt.NewBuffer(chunk))
	case "utf8":
		s := r.utf8.Decode(chunk)
		if s == "" {
			return nil
		}
		return r.s.Push(r.m.rt.StringValue(s))
	}
	v, err := r.m.rt.DecodeString(chunk, r.opts.encoding)
	if err != nil {
		return r.fail(err)
	}
	return r.s.Push(v)
}

// eof ends the readable side: "end" once the program has taken everything, then (autoClose)
// the descriptor is closed and "close" follows.
func (r *readStream) eof() error {
	r.state = stEnded
	if r.opts.encoding == "utf8" {
		if s := r.utf8.Flush(); s != "" {
			if err := r.s.Push(r.m.rt.StringValue(s)); err != nil {
				return err
			}
		}
	}
	if err := r.s.PushEnd(); err != nil {
		return err
	}
	if r.s.Paused() {
		r.endQueued = true
		return nil
	}
	if !r.opts.autoClose {
		return nil
	}
	return r.closeFd()
}

func (r *readStream) resume() {
	switch {
	case r.state == stEnded && r.endQueued && !r.s.Paused():
		r.endQueued = false
		if r.opts.autoClose {
			r.m.rt.Post(r.closeFd)
		}
	case r.state == stOpen:
		r.m.rt.Post(r.next)
	}
}

func (r *readStream) destroy() {
	switch r.state {
	case stOpening:
		r.state = stClosing // the open's completion closes the descriptor
	case stOpen, stEnded:
		r.state = stClosing
		if !r.reading {
			r.m.rt.Post(r.closeFd)
		}
	}
}

// closeFd closes the descriptor (unless the program gave it and keeps it) and emits "close".
func (r *readStream) closeFd() error {
	if r.state == stClosed {
		return nil
	}
	r.state = stClosing
	fd := r.fd
	r.fd = -1
	done := func() error {
		r.state = stClosed
		if !r.opts.emitClose {
			return nil
		}
		return r.s.Close()
	}
	if fd < 0 {
		return done()
	}
	r.m.rt.Loop.Do(func() loop.Callback {
		unix.Close(fd)
		return func() error {
			r.s.Object.Set("closed", true)
			return done()
		}
	})
	return nil
}

// fail emits "error" with err, then closes the stream.
func (r *readStream) fail(err error) error {
	r.state = stClosing
	if e := r.s.Fail(errorValue(r.m.rt, err)); e != nil {
		return e
	}
	if r.reading {
		return nil
	}
	return r.closeFd()
}

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
