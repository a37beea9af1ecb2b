package process

import (
	"os"
	"sync"
	"syscall"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/runtime"
)

const (
	// readSize is how much of a child's output one read takes.
	readSize = 64 << 10
	// inFlight bounds the chunks of one stream posted to the loop and not yet delivered: a
	// child that writes faster than the program listens then waits on a full pipe, as it
	// would under Node, instead of filling memory.
	inFlight = 16
)

// child is the Go side of a node.Process.
type child struct {
	m     *module
	obj   *goja.Object
	h     *loop.Handle // keeps the program alive until "exit" has been emitted
	proc  *os.Process
	pid   int
	stdin *stdinPipe

	mu     sync.Mutex
	waited bool // the child has been reaped: kill does nothing
}

// startChild runs /bin/sh -c command with pipes on its standard streams and starts the
// goroutines that read its output and wait for it. Failing to start is reported the way a
// shell would report it: a message on "error", the ends of both streams, then exit 127.
func startChild(m *module, obj *goja.Object, command string) *child {
	ch := &child{m: m, obj: obj, h: m.rt.Loop.NewHandle()}
	var ends [6]*os.File // stdin r, w; stdout r, w; stderr r, w
	var err error
	for i := 0; i < 6 && err == nil; i += 2 {
		ends[i], ends[i+1], err = os.Pipe()
	}
	if err == nil {
		// The shell leads a process group of its own, so that kill() reaches the command it
		// runs too: dash forks `cat` rather than exec it, and a signal to the shell alone left
		// the command running with our pipes open (the process never ended).
		attr := &os.ProcAttr{Files: []*os.File{ends[0], ends[3], ends[5]}, Sys: ownGroup()}
		ch.proc, err = startShell(command, attr)
	}
	for _, i := range []int{0, 3, 5} { // the child's ends
		if ends[i] != nil {
			ends[i].Close()
		}
	}
	if err != nil {
		for _, i := range []int{1, 2, 4} {
			if ends[i] != nil {
				ends[i].Close()
			}
		}
		ch.stdin = newStdinPipe(nil)
		ch.failToStart(command, err)
		return ch
	}
	ch.pid = ch.proc.Pid
	ch.stdin = newStdinPipe(ends[1])
	var wg sync.WaitGroup
	wg.Add(2)
	go ch.read(ends[2], "output", &wg)
	go ch.read(ends[4], "error", &wg)
	go ch.wait(&wg)
	return ch
}

// read delivers one of the child's output streams: UTF-8 strings, then null at its end.
func (ch *child) read(r *os.File, event string, wg *sync.WaitGroup) {
	defer wg.Done()
	defer r.Close()
	rt := ch.m.rt
	credits := make(chan struct{}, inFlight)
	var dec runtime.UTF8Decoder
	buf := make([]byte, readSize)
	deliver := func(s string) {
		credits <- struct{}{}
		ch.h.Post(func() error {
			<-credits
			return rt.Emit(ch.obj, event, rt.StringValue(s))
		})
	}
	for {
		n, err := r.Read(buf)
		if n > 0 {
			if s := dec.Decode(buf[:n]); s != "" {
				deliver(s)
			}
		}
		if err != nil {
			break
		}
	}
	if s := dec.Flush(); s != "" {
		deliver(s)
	}
	ch.h.Post(func() error { return rt.Emit(ch.obj, event, goja.Null()) })
}

// wait reaps the child once both of its output streams have ended, then emits "exit" with its
// exit status, or the number of the signal that killed it.
func (ch *child) wait(wg *sync.WaitGroup) {
	wg.Wait()
	state, err := ch.proc.Wait()
	ch.mu.Lock()
	ch.waited = true
	ch.mu.Unlock()
	ch.stdin.abandon()
	code := 1
	if err == nil {
		ws, _ := state.Sys().(syscall.WaitStatus)
		switch {
		case ws.Signaled():
			code = int(ws.Signal())
		default:
			code = ws.ExitStatus()
		}
	}
	ch.exit(code)
}

func (ch *child) exit(code int) {
	rt := ch.m.rt
	ch.h.Close(func() error { return rt.Emit(ch.obj, "exit", rt.VM.ToValue(code)) })
}

// failToStart reports a child that could not be started.
func (ch *child) failToStart(command string, err error) {
	rt := ch.m.rt
	msg := "createProcess('" + command + "'): " + err.Error() + "\n"
	ch.mu.Lock()
	ch.waited = true
	ch.mu.Unlock()
	ch.h.Post(func() error { return rt.Emit(ch.obj, "error", rt.VM.ToValue(msg)) })
	ch.h.Post(func() error { return rt.Emit(ch.obj, "error", goja.Null()) })
	ch.h.Post(func() error { return rt.Emit(ch.obj, "output", goja.Null()) })
	ch.exit(127)
}

// signal sends sig to the child's process group (the shell and what it started); false when
// the child has already ended. The shell is reaped only after this returns false, so its
// process group id cannot have been reused.
func (ch *child) signal(sig syscall.Signal) bool {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if ch.waited || ch.proc == nil {
		return false
	}
	if signalGroup(ch.pid, sig) == nil {
		return true
	}
	return ch.proc.Signal(sig) == nil
}

// stdinPipe feeds a child's stdin from its own goroutine, so that a child that does not read
// never blocks the loop. The goroutine starts with the first write.
type stdinPipe struct {
	mu      sync.Mutex
	cond    *sync.Cond
	w       *os.File
	queue   [][]byte
	closing bool // close() was called or the child is gone: no more writes
	running bool // the writer goroutine exists
}

func newStdinPipe(w *os.File) *stdinPipe {
	p := &stdinPipe{w: w, closing: w == nil}
	p.cond = sync.NewCond(&p.mu)
	return p
}

// write queues data; false once the pipe is closing.
func (p *stdinPipe) write(data []byte) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closing {
		return false
	}
	if len(data) == 0 {
		return true
	}
	p.queue = append(p.queue, data)
	if !p.running {
		p.running = true
		go p.writer()
	}
	p.cond.Signal()
	return true
}

// close closes the child's stdin after what was queued has been written.
func (p *stdinPipe) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closing {
		return
	}
	p.closing = true
	if !p.running {
		p.w.Close()
		return
	}
	p.cond.Signal()
}

// abandon drops what was not written and closes the pipe: the child has exited.
func (p *stdinPipe) abandon() {
	p.mu.Lock()
	wasClosing := p.closing
	p.closing = true
	p.queue = nil
	running := p.running
	p.cond.Signal()
	p.mu.Unlock()
	if p.w != nil && (running || !wasClosing) {
		p.w.Close() // also wakes a writer blocked on a full pipe
	}
}

func (p *stdinPipe) writer() {
	for {
		p.mu.Lock()
		for len(p.queue) == 0 && !p.closing {
			p.cond.Wait()
		}
		if len(p.queue) == 0 {
			p.mu.Unlock()
			p.w.Close()
			return
		}
		data := p.queue[0]
		p.queue[0] = nil
		p.queue = p.queue[1:]
		p.mu.Unlock()
		if _, err := p.w.Write(data); err != nil {
			p.mu.Lock()
			p.closing = true // EPIPE: the child closed its stdin; drop the rest
			p.queue = nil
			p.mu.Unlock()
		}
	}
}
