package testenv

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Proc is a running program whose stdout and stderr lines are collected, so that a test can
// wait for the lines that show the state it needs.
type Proc struct {
	Name  string
	cmd   *exec.Cmd
	mu    sync.Mutex
	cond  *sync.Cond
	lines []string
	done  bool
	err   error
}

// Start runs bin with args in dir; the process is killed when the test ends.
func Start(t testing.TB, name, dir, bin string, args ...string) *Proc {
	t.Helper()
	p := &Proc{Name: name, cmd: exec.Command(bin, args...)}
	p.cond = sync.NewCond(&p.mu)
	p.cmd.Dir = dir
	p.cmd.Env = append(os.Environ(), "NODE_PATH="+NodeModules())
	pr, pw := io.Pipe()
	p.cmd.Stdout = pw
	p.cmd.Stderr = pw
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	scanned := make(chan struct{})
	go func() {
		defer close(scanned)
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			p.mu.Lock()
			p.lines = append(p.lines, sc.Text())
			p.cond.Broadcast()
			p.mu.Unlock()
		}
	}()
	go func() {
		err := p.cmd.Wait()
		pw.Close()
		<-scanned // every line is in p.lines before the process counts as done
		p.mu.Lock()
		p.done, p.err = true, err
		p.cond.Broadcast()
		p.mu.Unlock()
	}()
	t.Cleanup(p.Kill)
	return p
}

// Kill ends the process.
func (p *Proc) Kill() {
	if p.cmd.Process != nil {
		p.cmd.Process.Kill()
	}
}

// Signal sends sig to the process.
func (p *Proc) Signal(sig os.Signal) error { return p.cmd.Process.Signal(sig) }

// Output returns the lines seen so far.
func (p *Proc) Output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.lines, "\n")
}

// WaitLines waits until each of want appears, in order, as a substring of a line of output,
// and fails the test after timeout.
func (p *Proc) WaitLines(t testing.TB, timeout time.Duration, want ...string) {
	t.Helper()
	if err := p.waitLines(timeout, want); err != nil {
		t.Fatalf("%s: %v\noutput:\n%s", p.Name, err, p.Output())
	}
}

func (p *Proc) waitLines(timeout time.Duration, want []string) error {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() {
		p.mu.Lock()
		p.cond.Broadcast()
		p.mu.Unlock()
	})
	defer timer.Stop()
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		i := 0
		for _, l := range p.lines {
			if i < len(want) && strings.Contains(l, want[i]) {
				i++
			}
		}
		if i == len(want) {
			return nil
		}
		if p.done {
			return fmt.Errorf("exited (%v) before printing %q", p.err, want[i])
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no line with %q within %v", want[i], timeout)
		}
		p.cond.Wait()
	}
}

// Wait waits for the process to exit and returns its error (nil for status 0); after timeout
// it kills the process and fails the test.
func (p *Proc) Wait(t testing.TB, timeout time.Duration) error {
	t.Helper()
	deadline := time.Now().Add(timeout) // before the timer, so that its wake-up finds it passed
	timer := time.AfterFunc(timeout, func() {
		p.mu.Lock()
		p.cond.Broadcast()
		p.mu.Unlock()
	})
	defer timer.Stop()
	p.mu.Lock()
	for !p.done && time.Now().Before(deadline) {
		p.cond.Wait()
	}
	done, err := p.done, p.err
	p.mu.Unlock()
	if !done {
		p.Kill()
		t.Fatalf("%s did not exit within %v\noutput:\n%s", p.Name, timeout, p.Output())
	}
	return err
}

// RunOnRealPackage runs testdata/AREA/NAME.js on Node.js with the real npm package pkg
// (through scripts/interop/socketipc/run_testdata.js, which gives it puts, p, ARGV and
// node.exit) with the arguments of NAME.args ({tmp}, {port}, {port2} filled in), and fails the
// test unless its stdout equals NAME.out: the script's expected output is the real library's.
// Node.js and pkg are interop prerequisites (RequireInterop).
func RunOnRealPackage(t *testing.T, pkg, area, name string) {
	t.Helper()
	RequireInterop(t, NodeJS, NPM(pkg))
	peer := NodeJSPath()
	dir := filepath.Join(Root(), "testdata", area)
	want, err := os.ReadFile(filepath.Join(dir, name+".out"))
	if err != nil {
		t.Fatal(err)
	}
	args := []string{filepath.Join(Root(), "scripts/interop/socketipc/run_testdata.js"), name + ".js"}
	if b, err := os.ReadFile(filepath.Join(dir, name+".args")); err == nil {
		for _, a := range strings.Fields(string(b)) {
			a = strings.ReplaceAll(a, "{tmp}", t.TempDir())
			a = strings.ReplaceAll(a, "{port2}", strconv.Itoa(FreePort(t)))
			a = strings.ReplaceAll(a, "{port}", strconv.Itoa(FreePort(t)))
			args = append(args, a)
		}
	}
	cmd := exec.Command(peer, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NODE_PATH="+NodeModules())
	done := make(chan struct{})
	timer := time.AfterFunc(30*time.Second, func() {
		select {
		case <-done:
		default:
			cmd.Process.Kill()
		}
	})
	defer timer.Stop()
	out, err := cmd.Output()
	close(done)
	if err != nil {
		t.Fatalf("%s.js on the real package: %v\n%s", name, err, out)
	}
	if string(out) != string(want) {
		t.Errorf("%s.js: the real package prints\n%s\nbut %s.out says\n%s", name, out, name, want)
	}
}
