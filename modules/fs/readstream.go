//go:build unix

package fs

import (
	"strconv"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/runtime"
)

// readStream is the Go side of a node.fs.ReadStream. One read is in flight at a time, each
// asked for when the last one's data has been handed to the program and the stream is not
// paused, so a paused stream stops reading the file.
type readStream struct {
	m     *module
	s     *runtime.NodeStream
	path  string
	opts  streamOptions
	fd    int
	own   bool  // the stream opened fd and closes it
	pos   int64 // where the next read starts
	dec   textDecoder
	state readState

	reading   bool // a read is in flight
	endQueued bool // PushEnd was called while paused: close once "end" is out
}

type readState uint8

const (
	readOpening readState = iota
	readOpen
	readEnded   // end of file (or of the range) reached
	readClosing // destroyed, failed or ended: the descriptor is being closed
	readClosed
)

// initReadStream is ReadStream's constructor body: initRead(this, path, options).
func (m *module) initReadStream(c goja.FunctionCall) goja.Value {
	obj := c.Argument(0).ToObject(m.vm)
	r := &readStream{m: m, fd: -1}
	path, okPath := pathArg(c.Argument(1))
	r.path = path
	opts, err := m.parseStreamOptions(c.Argument(2), true)
	r.opts = opts
	r.dec.enc = opts.encoding
	if opts.start > 0 {
		r.pos = opts.start
	}
	obj.Set("path", path)
	obj.Set("fd", goja.Null())
	obj.Set("paused", false)
	readStreamState.Set(m.rt, obj, r)
	r.s = m.rt.AttachStream(obj, runtime.StreamSide{
		Resume:  r.resume,
		Destroy: r.destroy,
	}, true, false)
	switch {
	case !okPath && opts.fd < 0:
		r.failSoon(&CallError{Call: "createReadStream", Args: describe(c.Argument(1)), Reason: "the path must be a string"})
	case err != nil:
		r.failSoon(&CallError{Call: "createReadStream", Args: describe(c.Argument(1)), Path: path, Reason: err.Error()})
	case opts.fd >= 0:
		r.fd = opts.fd
		obj.Set("fd", opts.fd)
		r.state = readOpen
		m.rt.Post(func() error { return r.next() })
	default:
		r.open()
	}
	return goja.Undefined()
}

// readStreamState is the Go side of a node.fs.ReadStream.
var readStreamState = runtime.NewState[*readStream]("fs.ReadStream")

func (m *module) readStreamOf(v goja.Value) *readStream {
	r, _ := readStreamState.Get(v)
	return r
}

func (r *readStream) open() {
	args := join(quote(r.path), quote(r.opts.mode))
	fds := r.m.fds
	r.m.rt.Loop.Do(func() loop.Callback {
		fd, err := fds.openFile(r.path, r.opts.flags, int(r.opts.perm))
		return func() error {
			if err != nil {
				return r.fail(&CallError{Call: "open", Args: args, Path: r.path, Errno: errnoOf(err)})
			}
			r.fd, r.own = fd, true
			if r.state != readOpening { // destroyed while opening
				return r.closeFd()
			}
			r.state = readOpen
			r.s.Object.Set("fd", fd)
			if err := r.m.rt.Emit(r.s.Object, "open", r.m.vm.ToValue(fd)); err != nil {
				return err
			}
			return r.next()
		}
	})
}

// next asks for the next read unless one is in flight, the program paused the stream or the
// stream is done.
func (r *readStream) next() error {
	if r.reading || r.state != readOpen || r.s.Paused() {
		return nil
	}
	n := int64(r.opts.size)
	if r.opts.end >= 0 && r.pos+n > r.opts.end+1 {
		n = r.opts.end + 1 - r.pos
	}
	if n <= 0 {
		return r.eof()
	}
	r.reading = true
	fd, pos := r.fd, r.pos
	if r.opts.start < 0 && r.opts.end < 0 && !r.own {
		pos = -1 // a descriptor given by the program is read from its current offset
	}
	fds := r.m.fds
	r.m.rt.Loop.Do(func() loop.Callback {
		buf := make([]byte, n)
		got, err := fds.read(fd, buf, pos)
		return func() error {
			r.reading = false
			if r.state != readOpen {
				return r.closeFd() // destroyed meanwhile
			}
			if err != nil {
				return r.fail(&CallError{Call: "read", Args: r.what(), Path: r.path, Errno: errnoOf(err)})
			}
			if got == 0 {
				return r.eof()
			}
			r.pos += int64(got)
			if err := r.push(buf[:got]); err != nil {
				return err
			}
			return r.next()
		}
	})
	return nil
}

func (r *readStream) what() string {
	if r.path != "" {
		return quote(r.path)
	}
	return "fd " + strconv.Itoa(r.fd)
}

// push hands one chunk to the program in the stream's encoding.
func (r *readStream) push(chunk []byte) error {
	var v goja.Value
	if r.dec.enc == asBuffer {
		v = r.m.rt.NewBuffer(chunk)
	} else {
		s := r.dec.decode(chunk)
		if s == "" {
			return nil
		}
		v = r.m.rt.StringValue(s)
	}
	return r.s.Push(v)
}

// eof ends the readable side: what the decoder held back, then "end" (once the program has
// taken everything), then the descriptor is closed and "close" follows.
func (r *readStream) eof() error {
	r.state = readEnded
	if s := r.dec.flush(); s != "" {
		if err := r.s.Push(r.m.rt.StringValue(s)); err != nil {
			return err
		}
	}
	if err := r.s.PushEnd(); err != nil {
		return err
	}
	if r.s.Paused() {
		r.endQueued = true // "end" waits for resume; close after it
		return nil
	}
	return r.closeFd()
}

func (r *readStream) resume() {
	switch {
	case r.state == readEnded && r.endQueued && !r.s.Paused():
		r.endQueued = false
		r.runLater(r.closeFd)
	case r.state == readOpen:
		r.runLater(r.next)
	}
}

// runLater runs fn on the loop after the current JavaScript call (resume and destroy are
// called from inside the program's calls, where an error cannot be returned to the loop).
func (r *readStream) runLater(fn func() error) {
	r.m.rt.Post(fn)
}

func (r *readStream) destroy() {
	switch r.state {
	case readOpening:
		r.state = readClosing // the open's completion closes the descriptor
	case readOpen, readEnded:
		r.state = readClosing
		if !r.reading {
			r.runLater(r.closeFd)
		}
	}
}

// closeFd closes the descriptor (if the stream opened it) and then emits "close".
func (r *readStream) closeFd() error {
	if r.state == readClosed {
		return nil
	}
	if r.state != readClosing {
		r.state = readClosing
	}
	fd, own := r.fd, r.own
	r.fd = -1
	if fd < 0 || !own {
		r.state = readClosed
		return r.s.Close()
	}
	fds := r.m.fds
	r.m.rt.Loop.Do(func() loop.Callback {
		fds.closeFile(fd)
		return func() error {
			r.state = readClosed
			r.s.Object.Set("fd", goja.Null())
			return r.s.Close()
		}
	})
	return nil
}

// fail emits "error" with err, then closes the stream.
func (r *readStream) fail(err *CallError) error {
	r.state = readClosing
	if e := r.s.Fail(r.m.errorValue(err)); e != nil {
		return e
	}
	if r.reading {
		return nil
	}
	return r.closeFd()
}

// failSoon fails the stream on a later turn, so that listeners added after the constructor
// hear of it.
func (r *readStream) failSoon(err *CallError) {
	r.state = readClosing
	r.m.rt.Post(func() error { return r.fail(err) })
}
