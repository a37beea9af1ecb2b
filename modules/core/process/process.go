//go:build unix

// Package process is Node 20's `process` global (also require("process") and
// require("node:process")): the program's arguments, environment, identity, clocks, exit and
// its events, signals, and the standard streams. It is made on first use, so scripts that never
// touch it start as fast as before. Node 0.1.0's node.createProcess is modules/process.
package process

import (
	_ "embed"
	"math/big"
	"os"
	"os/signal"
	goruntime "runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"earlynode/runtime"
)

//go:embed process.js
var processJS string

// NodeVersion is the Node.js version process.version reports: the API earlynode's modern
// surface follows. process.versions.earlynode names earlynode's own.
const NodeVersion = "v20.0.0"

// started is when the process began, for process.uptime and process.hrtime.
var started = time.Now()

// Install makes `process` a global made on first use, and require("process") the same object.
func Install(rt *runtime.Runtime) {
	var obj goja.Value
	load := func(rt *runtime.Runtime) goja.Value {
		if obj == nil {
			obj = newProcess(rt)
		}
		return obj
	}
	rt.Lazy(rt.VM.GlobalObject(), "process", func() goja.Value { return load(rt) })
	rt.RegisterPackage("process", load)
}

// proc is the Go side of the process object.
type proc struct {
	rt      *runtime.Runtime
	obj     *goja.Object
	signals map[syscall.Signal]bool // signals being watched
	sigCh   chan os.Signal
	stdin   *stdinReader

	onSignal   goja.Callable
	exitHook   goja.Callable
	beforeExit goja.Callable
	exitCode   goja.Callable
	uncaught   goja.Callable
	rejection  goja.Callable
	sigOnce    sync.Once
}

func newProcess(rt *runtime.Runtime) goja.Value {
	p := &proc{rt: rt, signals: map[syscall.Signal]bool{}}
	vm := rt.VM
	exe, _ := os.Executable()
	argv := []any{exe}
	if main := rt.MainFilename(); main != "" {
		argv = append(argv, main)
	}
	for _, a := range rt.ScriptArgs() {
		argv = append(argv, a)
	}
	g := rt.LoadGlue("core/process/process.js", processJS, runtime.Natives{
		"argv":        vm.ToValue(argv),
		"argv0":       vm.ToValue(argv0()),
		"execPath":    vm.ToValue(exe),
		"env":         vm.NewDynamicObject(&envObject{vm: vm}),
		"pid":         vm.ToValue(os.Getpid()),
		"ppid":        vm.ToValue(os.Getppid()),
		"platform":    vm.ToValue(goruntime.GOOS),
		"arch":        vm.ToValue(nodeArch(goruntime.GOARCH)),
		"version":     vm.ToValue(NodeVersion),
		"earlynode":   vm.ToValue(strings.TrimPrefix(runtime.Version, "earlynode ")),
		"goVersion":   vm.ToValue(goruntime.Version()),
		"nodeExit":    rt.Node().Get("exit"),
		"cwd":         p.cwd,
		"chdir":       p.chdir,
		"hrtime":      p.hrtime,
		"hrtimeBig":   p.hrtimeBig,
		"uptime":      p.uptime,
		"memoryUsage": p.memoryUsage,
		"rss":         p.rss,
		"kill":        p.kill,
		"umask":       p.umask,
		"watchSignal": p.watchSignal,
		"ids":         p.ids,
		"cpuUsage":    p.cpuUsage,
		"write":       p.write,
		"isTTY":       p.isTTY,
		"later":       p.later,
		"throwSoon":   p.throwSoon,
		"stdinStart":  p.stdinStart,
		"stdinStop":   p.stdinStop,
	})
	p.obj = g.Exports
	p.onSignal = g.Hook("signal")
	p.exitHook = g.Hook("exit")
	p.beforeExit = g.Hook("beforeExit")
	p.exitCode = g.Hook("exitCode")
	p.uncaught = g.Hook("uncaughtException")
	p.rejection = g.Hook("unhandledRejection")
	p.stdin = &stdinReader{p: p, push: g.Hook("stdinData")}
	rt.SetLifecycle(&runtime.Lifecycle{
		BeforeExit: func(code int) error {
			_, err := rt.Call(p.beforeExit, p.obj, vm.ToValue(code))
			return err
		},
		Exit: func(code int) int {
			v, err := p.exitHook(p.obj, vm.ToValue(code))
			if err != nil || v == nil {
				return code
			}
			return int(v.ToInteger())
		},
		ExitCode: func() int {
			v, err := p.exitCode(p.obj)
			if err != nil || v == nil {
				return 0
			}
			return int(v.ToInteger())
		},
		// Called directly, not through rt.Call: an exception a nextTick queued meanwhile is
		// the lifecycle's next one, not a failure of these listeners.
		Uncaught: func(thrown goja.Value) (bool, error) {
			v, err := p.uncaught(p.obj, thrown)
			if err != nil {
				return false, rt.Uncaught(err)
			}
			return v.ToBoolean(), nil
		},
		UnhandledRejection: func(reason, promise goja.Value) (bool, error) {
			v, err := p.rejection(p.obj, reason, promise)
			if err != nil {
				return false, rt.Uncaught(err)
			}
			return v.ToBoolean(), nil
		},
	})
	return p.obj
}

// argv0 is the program name as it was started (process.argv0).
func argv0() string {
	if len(os.Args) > 0 {
		return os.Args[0]
	}
	return "node"
}

// nodeArch names a Go architecture as Node does.
func nodeArch(goarch string) string {
	switch goarch {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "arm64", "arm", "ppc64", "s390x", "riscv64", "mips", "mipsel":
		return goarch
	case "ppc64le":
		return "ppc64"
	case "loong64":
		return "loong64"
	}
	return goarch
}

// errnoError makes Node's system error: "CODE: description, syscall 'path'", with code,
// errno and syscall properties.
func (p *proc) errnoError(err error, syscallName, detail string) *goja.Object {
	code, desc, errno := "EIO", err.Error(), 0
	if en, ok := err.(syscall.Errno); ok {
		code, desc, errno = unix.ErrnoName(en), en.Error(), int(en)
	} else if pe, ok := err.(*os.PathError); ok {
		if en, ok := pe.Err.(syscall.Errno); ok {
			code, desc, errno = unix.ErrnoName(en), en.Error(), int(en)
		}
	}
	msg := code + ": " + desc + ", " + syscallName
	if detail != "" {
		msg += " " + detail
	}
	e := p.rt.NewError(msg)
	e.Set("errno", -errno)
	e.Set("code", code)
	e.Set("syscall", syscallName)
	return e
}

func (p *proc) cwd(c goja.FunctionCall) goja.Value {
	d, err := os.Getwd()
	if err != nil {
		panic(p.errnoError(err, "uv_cwd", ""))
	}
	return p.rt.VM.ToValue(d)
}

func (p *proc) chdir(c goja.FunctionCall) goja.Value {
	dir := c.Argument(0)
	s, ok := dir.Export().(string)
	if !ok {
		e := p.rt.VM.NewTypeError("The \"directory\" argument must be of type string. Received " + dir.String())
		e.Set("code", "ERR_INVALID_ARG_TYPE")
		panic(e)
	}
	if err := os.Chdir(s); err != nil {
		from, _ := os.Getwd()
		e := p.errnoError(err, "chdir", from+" -> '"+s+"'")
		e.Set("path", from)
		e.Set("dest", s)
		panic(e)
	}
	return goja.Undefined()
}

// monotonic is the nanoseconds of process.hrtime: a monotonic clock from an arbitrary origin.
func monotonic() int64 {
	return int64(time.Since(started)) + 1e9 // never zero
}

func (p *proc) hrtime(c goja.FunctionCall) goja.Value {
	now := monotonic()
	if prev, ok := c.Argument(0).(*goja.Object); ok {
		s, ns := prev.Get("0").ToInteger(), prev.Get("1").ToInteger()
		now -= s*1e9 + ns
	}
	return p.rt.VM.NewArray(now/1e9, now%1e9)
}

func (p *proc) hrtimeBig(c goja.FunctionCall) goja.Value {
	return p.rt.VM.ToValue(big.NewInt(monotonic()))
}

func (p *proc) uptime(c goja.FunctionCall) goja.Value {
	return p.rt.VM.ToValue(time.Since(started).Seconds())
}

// rssBytes reads the resident set size from /proc/self/statm.
func rssBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	var pages int64
	for _, ch := range f[1] {
		pages = pages*10 + int64(ch-'0')
	}
	return pages * int64(os.Getpagesize())
}

func (p *proc) rss(c goja.FunctionCall) goja.Value { return p.rt.VM.ToValue(rssBytes()) }

func (p *proc) memoryUsage(c goja.FunctionCall) goja.Value {
	var ms goruntime.MemStats
	goruntime.ReadMemStats(&ms)
	o := p.rt.VM.NewObject()
	o.Set("rss", rssBytes())
	o.Set("heapTotal", int64(ms.HeapSys))
	o.Set("heapUsed", int64(ms.HeapAlloc))
	o.Set("external", int64(0))
	o.Set("arrayBuffers", int64(0))
	return o
}

// parseSignal reads a signal number or name ("SIGTERM"); ok is false for anything else.
func parseSignal(v goja.Value) (syscall.Signal, bool) {
	switch s := v.Export().(type) {
	case int64:
		return syscall.Signal(s), s >= 0 && s < 65
	case float64:
		return syscall.Signal(int(s)), s >= 0 && s < 65 && s == float64(int(s))
	case string:
		sig := unix.SignalNum(s)
		return sig, sig != 0
	}
	return 0, false
}

func (p *proc) kill(c goja.FunctionCall) goja.Value {
	pid := c.Argument(0)
	if _, ok := pid.Export().(int64); !ok {
		if f, isF := pid.Export().(float64); !isF || f != float64(int(f)) {
			e := p.rt.VM.NewTypeError("The \"pid\" argument must be of type number. Received " + pid.String())
			e.Set("code", "ERR_INVALID_ARG_TYPE")
			panic(e)
		}
	}
	sig := syscall.SIGTERM
	if a := c.Argument(1); !goja.IsUndefined(a) && !goja.IsNull(a) {
		s, ok := parseSignal(a)
		if !ok {
			e := p.rt.VM.NewTypeError("Unknown signal: " + a.String())
			e.Set("code", "ERR_UNKNOWN_SIGNAL")
			panic(e)
		}
		sig = s
	}
	if err := syscall.Kill(int(pid.ToInteger()), sig); err != nil {
		panic(p.errnoError(err, "kill", ""))
	}
	return p.rt.VM.ToValue(true)
}

func (p *proc) umask(c goja.FunctionCall) goja.Value {
	if a := c.Argument(0); !goja.IsUndefined(a) {
		var mask int
		if s, ok := a.Export().(string); ok {
			for _, ch := range s {
				if ch < '0' || ch > '7' {
					e := p.rt.VM.NewTypeError("The argument 'mask' must be a 32-bit unsigned integer or an octal string. Received '" + s + "'")
					e.Set("code", "ERR_INVALID_ARG_VALUE")
					panic(e)
				}
				mask = mask*8 + int(ch-'0')
			}
		} else {
			mask = int(a.ToInteger())
		}
		return p.rt.VM.ToValue(syscall.Umask(mask & 0o777))
	}
	old := syscall.Umask(0)
	syscall.Umask(old)
	return p.rt.VM.ToValue(old)
}

// watchSignal starts delivering signal name to the program (a listener was added for it).
// Signals do not keep the program alive, as in Node.
func (p *proc) watchSignal(c goja.FunctionCall) goja.Value {
	sig, ok := parseSignal(c.Argument(0))
	if !ok || p.signals[sig] || sig == syscall.SIGKILL || sig == syscall.SIGSTOP {
		return goja.Undefined()
	}
	p.signals[sig] = true
	p.sigOnce.Do(func() {
		p.sigCh = make(chan os.Signal, 16)
		go func() {
			for s := range p.sigCh {
				s := s.(syscall.Signal)
				p.rt.Post(func() error { return p.deliver(s) })
			}
		}()
	})
	signal.Notify(p.sigCh, sig)
	return goja.Undefined()
}

// deliver emits a signal; with no listener left it takes the default action: the program ends
// as killed by the signal (its output flushed first).
func (p *proc) deliver(sig syscall.Signal) error {
	name := unix.SignalName(sig)
	v, err := p.rt.Call(p.onSignal, p.obj, p.rt.VM.ToValue(name))
	if err != nil {
		return err
	}
	if v.ToBoolean() {
		return nil
	}
	p.rt.Out.Flush()
	signal.Reset(sig)
	syscall.Kill(os.Getpid(), sig)
	time.Sleep(time.Second) // the signal ends the process; this is not reached in practice
	return &runtime.ExitError{Code: 128 + int(sig)}
}

// ids returns [uid, euid, gid, egid, groups...] for getuid, geteuid, getgid, getegid and
// getgroups.
func (p *proc) ids(c goja.FunctionCall) goja.Value {
	v := []any{os.Getuid(), os.Geteuid(), os.Getgid(), os.Getegid()}
	if groups, err := os.Getgroups(); err == nil {
		for _, g := range groups {
			v = append(v, g)
		}
	}
	return p.rt.VM.ToValue(v)
}

// cpuUsage returns [user, system] CPU time of the process in microseconds.
func (p *proc) cpuUsage(c goja.FunctionCall) goja.Value {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return p.rt.VM.NewArray(ru.Utime.Sec*1e6+int64(ru.Utime.Usec), ru.Stime.Sec*1e6+int64(ru.Stime.Usec))
}

// write is stdout/stderr.write's native: fd, data, encoding; through the ordered writers.
func (p *proc) write(c goja.FunctionCall) goja.Value {
	s := p.rt.Out.Stdout
	if c.Argument(0).ToInteger() == 2 {
		s = p.rt.Out.Stderr
	}
	data := c.Argument(1)
	if str, ok := data.Export().(string); ok {
		enc := "utf8"
		if e := c.Argument(2); !goja.IsUndefined(e) && !goja.IsNull(e) {
			enc = e.String()
		}
		b, err := p.rt.EncodeString(str, enc)
		if err != nil {
			panic(err)
		}
		s.Write(b)
		return p.rt.VM.ToValue(true)
	}
	b, err := p.rt.BytesOf(data, runtime.BufferEncoding)
	if err != nil {
		panic(p.rt.VM.NewTypeError("The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array. Received " + data.String()))
	}
	s.Write(b)
	return p.rt.VM.ToValue(true)
}

func (p *proc) isTTY(c goja.FunctionCall) goja.Value {
	_, err := unix.IoctlGetTermios(int(c.Argument(0).ToInteger()), ioctlGetTermios)
	return p.rt.VM.ToValue(err == nil)
}

// throwSoon makes its argument an uncaught exception once the current callback has run.
func (p *proc) throwSoon(c goja.FunctionCall) goja.Value {
	p.rt.ThrowSoon(c.Argument(0))
	return goja.Undefined()
}

// later runs fn(args...) on a later turn of the loop; what it throws is an uncaught exception.
func (p *proc) later(c goja.FunctionCall) goja.Value {
	fn, ok := goja.AssertFunction(c.Argument(0))
	if !ok {
		return goja.Undefined()
	}
	args := append([]goja.Value(nil), c.Arguments[1:]...)
	p.rt.Post(func() error {
		_, err := p.rt.Call(fn, goja.Undefined(), args...)
		return err
	})
	return goja.Undefined()
}
