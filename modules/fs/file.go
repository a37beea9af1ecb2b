//go:build unix

package fs

import (
	_ "embed"
	"strconv"
	"syscall"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/runtime"
)

//go:embed file.js
var fileJS string

// file is the Go side of a node.fs.File: its descriptor and its queue of operations, which run
// one at a time, in the order they were asked for.
type file struct {
	m     *module
	obj   *goja.Object
	fd    int    // -1 while not open
	last  int    // the descriptor it was last open on, for messages after close (-1: never)
	path  string // the path it was opened with; "" for a File made on a descriptor
	enc   runtime.Encoding
	queue []*fileOp
	busy  bool   // queue[0] is running
	buf   []byte // read buffer, reused from one read to the next
}

type opKind uint8

const (
	opOpen opKind = iota
	opRead
	opWrite
	opClose
)

var opNames = [...]string{opOpen: "open", opRead: "read", opWrite: "write", opClose: "close"}

// fileOp is one queued call on a File.
type fileOp struct {
	kind    opKind
	promise *goja.Object
	path    string // open
	mode    string // open
	flags   int    // open
	length  int    // read
	pos     int64  // read, write: -1 for the current offset
	data    []byte // write
	err     error  // a bad argument found when the call was made: fail without a system call
	bad     *badArg
	queued  bool // a write already handed to the ordered output stream when it was called
}

// badArg is an argument of read or write found wrong when the call was made; the message is
// made when the operation's turn comes, naming the file as it is then.
type badArg struct {
	errno  syscall.Errno
	reason string
}

// opResult is what an operation gave: a descriptor (open), a count (write), bytes (read).
type opResult struct {
	fd   int
	n    int
	data []byte
	err  error
}

// fileState is the Go side of a node.fs.File.
var fileState = runtime.NewState[*file]("fs.File")

// installFile adds node.fs.File: a constructor made in JavaScript (file.js) whose prototype
// inherits node.EventEmitter and holds the native open, read, write and close.
func (m *module) installFile() {
	m.fileCtor = m.rt.LoadGlue("fs/file.js", fileJS, runtime.Natives{
		"initFile": m.initFile,
		"open":     m.fileMethod(m.fileOpen),
		"read":     m.fileMethod(m.fileRead),
		"write":    m.fileMethod(m.fileWrite),
		"close":    m.fileMethod(m.fileClose),
	}).Exports
	m.obj.Set("File", m.fileCtor)
}

// initFile is File's constructor body: init(this, options) with options.fd and options.encoding
// ("raw", the default, or "utf8").
func (m *module) initFile(c goja.FunctionCall) goja.Value {
	obj, ok := c.Argument(0).(*goja.Object)
	if !ok {
		panic(m.vm.NewTypeError("node.fs.File must be called with new"))
	}
	f := &file{m: m, obj: obj, fd: -1, last: -1, enc: runtime.Raw}
	if opts, ok := c.Argument(1).(*goja.Object); ok {
		if v := opts.Get("fd"); !absent(v) {
			if fd, ok := fdArg(v); ok {
				f.fd = fd
			}
		}
		if enc, err := encodingArg(opts.Get("encoding"), runtime.Raw); err == nil {
			f.enc = enc
		}
	}
	fileState.Set(m.rt, obj, f)
	obj.Set("encoding", f.enc.String())
	f.setFd(f.fd)
	return goja.Undefined()
}

// fileMethod turns a method on the Go side of a File into a native method of the prototype.
func (m *module) fileMethod(method func(f *file, c goja.FunctionCall) *fileOp) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		f := m.fileOf(c.This)
		if f == nil {
			panic(m.vm.NewTypeError("not a node.fs.File (call open, read, write and close on a File)"))
		}
		op := method(f, c)
		op.promise = m.rt.NewPromise()
		if op.kind == opWrite && op.bad == nil && op.pos < 0 && f.writesInPlace() {
			// stdout and stderr: hand the bytes to the output stream now, so that they keep
			// their place among puts, print and p; the promise still settles in queue order.
			op.err = m.writeStd(m.stdStream(f.fd), op.data)
			op.queued = true
		}
		f.queue = append(f.queue, op)
		f.next()
		return op.promise
	}
}

func (m *module) fileOf(v goja.Value) *file {
	f, _ := fileState.Get(v)
	return f
}

// fileOpen is file.open(path, mode) with the usual meanings of the mode strings; mode
// defaults to "r".
func (m *module) fileOpen(f *file, c goja.FunctionCall) *fileOp {
	op := &fileOp{kind: opOpen, mode: "r"}
	path, ok := pathArg(c.Argument(0))
	if !absent(c.Argument(1)) {
		op.mode = c.Argument(1).String()
	}
	op.path = path
	args := join(describe(c.Argument(0)), quote(op.mode))
	if !ok {
		op.err = &CallError{Call: "open", Args: args, Reason: "the path must be a string"}
		return op
	}
	flags, err := ParseMode(op.mode)
	if err != nil {
		op.err = &CallError{Call: "open", Args: args, Path: path, Reason: err.Error()}
	}
	op.flags = flags
	return op
}

// fileRead is file.read(length, position): position omitted reads at the current offset.
func (m *module) fileRead(f *file, c goja.FunctionCall) *fileOp {
	op := &fileOp{kind: opRead}
	length, ok := intArg(c.Argument(0))
	pos, okPos := positionArg(c.Argument(1))
	switch {
	case !ok || length > maxReadLength:
		op.bad = &badArg{syscall.EINVAL, "the length must be an integer from 0 to 1073741824, not " + describe(c.Argument(0))}
	case !okPos:
		op.bad = &badArg{syscall.EINVAL, "the position must be a non-negative integer, not " + describe(c.Argument(1))}
	}
	op.length, op.pos = int(length), pos
	return op
}

// fileWrite is file.write(data, position): strings are written as UTF-8, arrays of integers
// as bytes; position omitted writes at the current offset.
func (m *module) fileWrite(f *file, c goja.FunctionCall) *fileOp {
	op := &fileOp{kind: opWrite}
	data, err := m.bytesArg(c.Argument(0))
	pos, okPos := positionArg(c.Argument(1))
	switch {
	case err != nil:
		op.bad = &badArg{syscall.EINVAL, err.Error()}
	case !okPos:
		op.bad = &badArg{syscall.EINVAL, "the position must be a non-negative integer, not " + describe(c.Argument(1))}
	}
	op.data, op.pos = data, pos
	return op
}

func (m *module) fileClose(f *file, c goja.FunctionCall) *fileOp {
	return &fileOp{kind: opClose}
}

// writesInPlace reports whether a write made now may go straight to the output stream: the
// File is on descriptor 1 or 2 and nothing queued before it can change the descriptor.
func (f *file) writesInPlace() bool {
	if f.m.stdStream(f.fd) == nil {
		return false
	}
	for _, op := range f.queue {
		if op.kind == opOpen || op.kind == opClose {
			return false
		}
	}
	return true
}

// what names the file in messages: its path, or its descriptor.
func (f *file) what() string {
	if f.path != "" {
		return quote(f.path)
	}
	if f.last >= 0 {
		return "fd " + strconv.Itoa(f.last)
	}
	return "no file"
}

func (f *file) callError(kind opKind, errno syscall.Errno, reason string) *CallError {
	return &CallError{Call: opNames[kind], Args: f.what(), Path: f.path, Errno: errno, Reason: reason}
}

func (f *file) setFd(fd int) {
	f.fd = fd
	if fd >= 0 {
		f.last = fd
	}
	if fd < 0 {
		f.obj.Set("fd", goja.Null())
	} else {
		f.obj.Set("fd", fd)
	}
}

// next starts the operation at the head of the queue unless one is running.
func (f *file) next() {
	if f.busy || len(f.queue) == 0 {
		return
	}
	op := f.queue[0]
	f.busy = true
	fd := f.fd
	var early error
	switch {
	case op.queued:
		f.m.rt.Post(func() error { return f.finish(op, opResult{n: len(op.data), err: op.err}) })
		return
	case op.err != nil:
		early = op.err
	case op.bad != nil:
		early = f.callError(op.kind, op.bad.errno, op.bad.reason)
	case op.kind == opOpen && fd >= 0:
		early = &CallError{Call: "open", Args: join(quote(op.path), quote(op.mode)), Path: op.path, Reason: "the File is already open on " + f.what() + "; close it first"}
	case op.kind != opOpen && fd < 0:
		early = f.callError(op.kind, syscall.EBADF, "the file is not open")
	}
	if early != nil {
		f.m.rt.Post(func() error { return f.finish(op, opResult{err: early}) })
		return
	}
	if op.kind == opWrite && op.pos < 0 {
		if s := f.m.stdStream(fd); s != nil {
			err := f.m.writeStd(s, op.data)
			f.m.rt.Post(func() error { return f.finish(op, opResult{n: len(op.data), err: err}) })
			return
		}
	}
	work := func() loop.Callback {
		res := f.run(op, fd)
		return func() error { return f.finish(op, res) }
	}
	if op.kind == opRead && fd == 0 && op.pos < 0 {
		f.m.rt.Loop.Go(work) // a terminal or a pipe may wait for ever: keep it off the pool
	} else {
		f.m.rt.Loop.Do(work)
	}
}

// run performs op off the loop on descriptor fd.
func (f *file) run(op *fileOp, fd int) opResult {
	fds := f.m.fds
	switch op.kind {
	case opOpen:
		nfd, err := fds.openFile(op.path, op.flags, 0o666)
		return opResult{fd: nfd, err: err}
	case opRead:
		var buf []byte
		if f.enc == runtime.BufferEncoding {
			buf = make([]byte, op.length) // a Buffer keeps its bytes
		} else {
			if cap(f.buf) < op.length {
				f.buf = make([]byte, op.length)
			}
			buf = f.buf[:op.length]
		}
		n, err := fds.read(fd, buf, op.pos)
		return opResult{n: n, data: buf[:n], err: err}
	case opWrite:
		n, err := fds.write(fd, op.data, op.pos)
		return opResult{n: n, err: err}
	default:
		return opResult{err: fds.closeFile(fd)}
	}
}

// finish settles op's promise on the loop, starts the next operation and, on failure, emits
// "error" on the File.
func (f *file) finish(op *fileOp, res opResult) error {
	f.queue[0] = nil
	f.queue = f.queue[1:]
	f.busy = false
	if res.err != nil {
		err := res.err
		if _, ok := err.(*CallError); !ok {
			args := f.what()
			if op.kind == opOpen {
				args = join(quote(op.path), quote(op.mode))
			}
			path := f.path
			if op.kind == opOpen {
				path = op.path
			}
			err = &CallError{Call: opNames[op.kind], Args: args, Path: path, Errno: errnoOf(err)}
		}
		if op.kind == opClose { // the descriptor is gone whatever close said
			f.setFd(-1)
		}
		f.next()
		e := f.m.errorValue(err)
		if err := f.m.rt.Reject(op.promise, e); err != nil {
			return err
		}
		return f.m.rt.Emit(f.obj, "error", e)
	}
	var result []goja.Value
	switch op.kind {
	case opOpen:
		f.path = op.path
		f.setFd(res.fd)
		result = []goja.Value{f.m.vm.ToValue(res.fd)}
	case opRead:
		result = []goja.Value{f.m.valueOf(res.data, f.enc)}
	case opWrite:
		result = []goja.Value{f.m.vm.ToValue(res.n)}
	case opClose:
		f.setFd(-1)
	}
	f.next() // the read buffer is free again: the next operation may start at once
	return f.m.rt.Resolve(op.promise, result...)
}
