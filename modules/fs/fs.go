//go:build unix

// Package fs is node.fs of Node 0.1.0: the POSIX wrappers returning node.Promise (rename, stat,
// unlink, rmdir, mkdir, open, close, read, write), node.fs.cat and node.cat, the node.fs.File
// object with its own queue of operations, and the stdout, stderr and stdin globals, which are
// Files on descriptors 1, 2 and 0.
//
// Blocking calls run on the loop's bounded worker pool (rt.Loop.Do); a failure reaches the
// promise's errback (and a File's "error" event) as an Error naming the call, what it was
// given and the system's error: "open('/x', 'r'): ENOENT: no such file or directory".
package fs

import (
	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/runtime"
)

// The encoding constants of 0.1.0 (node.ASCII, node.UTF8, node.RAW), as its C++ enum numbered them.
const (
	jsASCII = 0
	jsUTF8  = 1
	jsRAW   = 2
)

// module is node.fs installed in one runtime.
type module struct {
	rt       *runtime.Runtime
	vm       *goja.Runtime
	fds      *descriptors
	obj      *goja.Object // node.fs
	fileCtor *goja.Object // node.fs.File
	date     goja.Value   // the Date constructor
}

// Install adds node.fs, node.cat (unless node.http put it there first), the O_* and encoding
// constants, and the stdout, stderr and stdin globals.
func Install(rt *runtime.Runtime) {
	vm := rt.VM
	m := &module{
		rt:   rt,
		vm:   vm,
		fds:  newDescriptors(),
		obj:  vm.NewObject(),
		date: vm.Get("Date"),
	}
	node := rt.Node()
	for _, f := range OpenFlags {
		node.Set(f.Name, f.Value)
	}
	node.Set("ASCII", jsASCII)
	node.Set("UTF8", jsUTF8)
	node.Set("RAW", jsRAW)

	m.installPosix()
	m.installFile()
	m.installCat()
	m.installStreams()
	node.Set("fs", m.obj)
	m.installStdio()
}

// request runs work on the worker pool and settles a new promise on the loop: with the values
// ok returns, or with an Error made from work's error.
func (m *module) request(work func() (ok func() []goja.Value, err error)) *goja.Object {
	p := m.rt.NewPromise()
	m.rt.Loop.Do(func() loop.Callback {
		ok, err := work()
		return func() error {
			if err != nil {
				return m.rt.Reject(p, m.errorValue(err))
			}
			if ok == nil {
				return m.rt.Resolve(p)
			}
			return m.rt.Resolve(p, ok()...)
		}
	})
	return p
}

// failed returns a promise that fails with err on a later turn of the loop, so that errbacks
// added after the call still hear of it.
func (m *module) failed(err error) *goja.Object {
	p := m.rt.NewPromise()
	m.rt.Post(func() error { return m.rt.Reject(p, m.errorValue(err)) })
	return p
}

// errorValue is the JavaScript Error an errback or an "error" listener receives: its message
// names the call, what it was given and the system's error, and it carries code ("ENOENT"),
// errno, syscall and path as later Nodes do.
func (m *module) errorValue(err error) goja.Value {
	e := m.rt.NewError(err.Error())
	if ce, ok := err.(*CallError); ok {
		e.Set("code", ce.Code())
		e.Set("errno", int(ce.Errno))
		e.Set("syscall", ce.Call)
		if ce.Path != "" {
			e.Set("path", ce.Path)
		}
	}
	return e
}

// valueOf turns bytes read into the JavaScript value of enc; UTF-8 text goes through the
// runtime's fast path for ASCII (64 KiB chunks are the common case).
func (m *module) valueOf(data []byte, enc runtime.Encoding) goja.Value {
	if enc == runtime.UTF8 {
		return m.rt.ValueOfUTF8(data)
	}
	return m.rt.ValueOf(data, enc)
}
