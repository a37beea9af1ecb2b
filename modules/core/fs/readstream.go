//go:build linux

package fs

// ReadStream: a file read in chunks on the pool, handed out as a node.Stream.

import (
	"math"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"earlynode/loop"
	"earlynode/runtime"
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
	if opts.flagsErr != nil {
		m.rt.Post(func() error { return r.fail(opts.flagsErr) })
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
