// Package supervisor runs `node --workers N`: N worker processes of the same program, each its
// own loop and JavaScript heap, sharing their listening ports (docs/scaling.md).
//
// The supervisor restarts a worker that dies (with back-off), forwards SIGINT, SIGTERM and
// SIGHUP to every worker and waits for them, copies their output line by line so that lines
// of different workers never mix, and relays the messages of node.worker.publish between
// them. It runs no JavaScript.
package supervisor

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"earlynode/modules/worker"
)

// Options say what to run and how.
type Options struct {
	// Workers is how many worker processes to run (at least 1).
	Workers int
	// Path is the program to start (the node binary) and Args its arguments after argv[0].
	Path string
	Args []string
	// Env is the workers' environment before the supervisor adds theirs (os.Environ when nil).
	Env []string
	// Stdout and Stderr receive the workers' output, whole lines at a time, and Stderr the
	// supervisor's notices.
	Stdout, Stderr io.Writer
	// StopTimeout is how long workers get to end after a stop signal before they are killed
	// (5 s when 0).
	StopTimeout time.Duration
	// MinBackoff is the wait before the first restart of a worker (100 ms when 0); each crash
	// in a row doubles it up to MaxBackoff (5 s when 0).
	MinBackoff, MaxBackoff time.Duration
}

// Stable is how long a worker must have run for its crash to count as a first one again.
const Stable = 10 * time.Second

// QuickFailures is how many times in a row a worker may die within a second of its start
// before the supervisor gives up: a program that cannot start would otherwise restart forever.
const QuickFailures = 5

// slot is one worker position, filled by successive processes.
type slot struct {
	index   int
	cmd     *exec.Cmd // nil while none runs
	started time.Time
	crashes int // crashes in a row, for the back-off
	quick   int // deaths within a second of starting, in a row
	done    bool
	restart *time.Timer
}

// exited is what a worker's waiting goroutine reports.
type exited struct {
	s     *slot
	cmd   *exec.Cmd
	state *os.ProcessState
}

// supervisor is one run.
type supervisor struct {
	o        Options
	out      *lineSink
	hub      *hub
	slots    []*slot
	exits    chan exited
	restarts chan *slot
	running  int
	stopping os.Signal // the signal that stops everything, once received
	giveUp   int       // the status to exit with after giving up, or -1
}

// Run runs the workers until they have all ended (see docs/scaling.md for the exit status): 0
// when every worker ended by itself with status 0; 128+n when stopped by signal n; the status
// of a worker that could not stay up otherwise.
func Run(o Options) int {
	if o.StopTimeout == 0 {
		o.StopTimeout = 5 * time.Second
	}
	if o.MinBackoff == 0 {
		o.MinBackoff = 100 * time.Millisecond
	}
	if o.MaxBackoff == 0 {
		o.MaxBackoff = 5 * time.Second
	}
	if o.Env == nil {
		o.Env = os.Environ()
	}
	sv := &supervisor{
		o:        o,
		out:      &lineSink{stdout: o.Stdout, stderr: o.Stderr},
		exits:    make(chan exited),
		restarts: make(chan *slot),
		giveUp:   -1,
	}
	sv.hub = newHub(sv.out)
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(signals)

	for i := 0; i < o.Workers; i++ {
		s := &slot{index: i}
		sv.slots = append(sv.slots, s)
		if err := sv.start(s); err != nil {
			sv.out.notice("node: cannot start worker %d: %v", i, err)
			sv.giveUp = 1
			sv.stop(syscall.SIGTERM)
			break
		}
	}
	var kill <-chan time.Time
	for sv.running > 0 || sv.pendingRestarts() {
		select {
		case sig := <-signals:
			if sv.stopping != nil {
				sv.killAll() // a second signal: no more waiting
				continue
			}
			sv.stop(sig)
			kill = time.After(o.StopTimeout)
		case <-kill:
			sv.out.notice("node: workers still running %v after %v; killing them", sv.stopping, o.StopTimeout)
			sv.killAll()
		case e := <-sv.exits:
			sv.exited(e)
			if sv.giveUp >= 0 && kill == nil {
				kill = time.After(o.StopTimeout)
			}
		case s := <-sv.restarts:
			s.restart = nil
			if sv.stopping == nil && sv.giveUp < 0 {
				if err := sv.start(s); err != nil {
					sv.out.notice("node: cannot restart worker %d: %v", s.index, err)
					sv.giveUp = 1
					sv.stop(syscall.SIGTERM)
				}
			}
		}
	}
	sv.hub.close()
	switch {
	case sv.giveUp >= 0:
		return sv.giveUp
	case sv.stopping != nil:
		return 128 + int(sv.stopping.(syscall.Signal))
	}
	return 0
}

func (sv *supervisor) pendingRestarts() bool {
	for _, s := range sv.slots {
		if s.restart != nil {
			return true
		}
	}
	return false
}

// start starts a process in slot s.
func (sv *supervisor) start(s *slot) error {
	pair, err := socketpair()
	if err != nil {
		return err
	}
	ours, theirs := os.NewFile(uintptr(pair[0]), "bus"), os.NewFile(uintptr(pair[1]), "bus")
	defer theirs.Close()
	stdoutR, stdoutW, err := os.Pipe()
	if err != nil {
		ours.Close()
		return err
	}
	stderrR, stderrW, err := os.Pipe()
	if err != nil {
		ours.Close()
		stdoutR.Close()
		stdoutW.Close()
		return err
	}
	cmd := exec.Command(sv.o.Path, sv.o.Args...)
	cmd.Env = append(withoutWorkerVars(sv.o.Env),
		worker.EnvIndex+"="+strconv.Itoa(s.index),
		worker.EnvCount+"="+strconv.Itoa(sv.o.Workers),
		worker.EnvBusFD+"=3",
		worker.EnvSupervisor+"="+strconv.Itoa(os.Getpid()))
	cmd.Stdout, cmd.Stderr = stdoutW, stderrW
	cmd.ExtraFiles = []*os.File{theirs}
	// Their own process group: a terminal's ^C reaches the supervisor, which forwards it once;
	// and they die with the supervisor if it is killed.
	cmd.SysProcAttr = workerAttr()
	err = cmd.Start()
	stdoutW.Close()
	stderrW.Close()
	if err != nil {
		ours.Close()
		stdoutR.Close()
		stderrR.Close()
		return err
	}
	s.cmd, s.started = cmd, time.Now()
	sv.running++
	sv.hub.add(s.index, ours)
	copied := make(chan struct{}, 2)
	go func() { sv.out.copyLines(sv.out.stdout, stdoutR); stdoutR.Close(); copied <- struct{}{} }()
	go func() { sv.out.copyLines(sv.out.stderr, stderrR); stderrR.Close(); copied <- struct{}{} }()
	go func() {
		cmd.Wait()
		// Its last lines before the news of its end, unless a process it started holds the
		// pipes open.
		deadline := time.After(time.Second)
		for i := 0; i < 2; i++ {
			select {
			case <-copied:
			case <-deadline:
				i = 2
			}
		}
		sv.exits <- exited{s: s, cmd: cmd, state: cmd.ProcessState}
	}()
	return nil
}

// withoutWorkerVars drops the variables of an enclosing supervisor from env.
func withoutWorkerVars(env []string) []string {
	out := make([]string, 0, len(env)+4)
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case worker.EnvIndex, worker.EnvCount, worker.EnvBusFD, worker.EnvSupervisor:
			continue
		}
		out = append(out, kv)
	}
	return out
}

// exited handles a worker's end: restart it, let it rest, or give up.
func (sv *supervisor) exited(e exited) {
	s := e.s
	sv.running--
	s.cmd = nil
	sv.hub.remove(s.index)
	ran := time.Since(s.started)
	status, how := describe(e.state)
	pid := e.state.Pid()
	switch {
	case sv.stopping != nil || sv.giveUp >= 0:
		s.done = true
		return
	case status == 0:
		s.done = true
		return
	}
	if ran >= Stable {
		s.crashes = 0
	}
	if ran < time.Second {
		s.quick++
	} else {
		s.quick = 0
	}
	if s.quick >= QuickFailures {
		sv.out.notice("node: worker %d (pid %d) %s; it died %d times in a row within a second of starting: stopping every worker", s.index, pid, how, s.quick)
		s.done = true
		sv.giveUp = status
		sv.stop(syscall.SIGTERM)
		return
	}
	delay := sv.o.MinBackoff << s.crashes
	if delay > sv.o.MaxBackoff || delay <= 0 {
		delay = sv.o.MaxBackoff
	}
	s.crashes++
	sv.out.notice("node: worker %d (pid %d) %s; restarting it in %v", s.index, pid, how, delay)
	s.restart = time.AfterFunc(delay, func() { sv.restarts <- s })
}

// describe returns a process's exit status as a shell reports it (128+n for signal n) and in
// words.
func describe(st *os.ProcessState) (int, string) {
	ws, ok := st.Sys().(syscall.WaitStatus)
	if ok && ws.Signaled() {
		return 128 + int(ws.Signal()), "was killed by " + signalName(ws.Signal())
	}
	return st.ExitCode(), fmt.Sprintf("exited with status %d", st.ExitCode())
}

// stop forwards sig to every worker and cancels pending restarts.
func (sv *supervisor) stop(sig os.Signal) {
	if sv.stopping == nil {
		sv.stopping = sig
	}
	for _, s := range sv.slots {
		if s.restart != nil && s.restart.Stop() {
			s.restart = nil
			s.done = true
		}
		if s.cmd != nil {
			s.cmd.Process.Signal(sig)
		}
	}
}

// killAll ends every worker at once.
func (sv *supervisor) killAll() {
	for _, s := range sv.slots {
		if s.cmd != nil {
			s.cmd.Process.Kill()
		}
	}
}
