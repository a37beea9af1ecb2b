// Package ipctest runs programs for the IPC modules' tests: earlynode's own node binary, built
// once per test binary, and the machine's Node.js with the real npm packages from
// scripts/interop/node_modules, each as a process whose output lines can be waited for.
package ipctest

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Root returns the repository's root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "../../../.."))
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// Node returns the path of earlynode's node binary, built once (or $EARLYNODE_BIN).
func Node(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("EARLYNODE_BIN"); p != "" {
		return p
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "earlynode-ipctest-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "node")
		cmd := exec.Command("go", "build", "-o", builtBin, "./cmd/node")
		cmd.Dir = Root()
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// PeerNode returns the machine's Node.js and the interop node_modules directory, skipping the
// test when either is missing (the test command installs both).
func PeerNode(t testing.TB) (node, modules string) {
	t.Helper()
	modules = filepath.Join(Root(), "scripts/interop/node_modules")
	for _, p := range []string{"/usr/bin/node", "/usr/local/bin/node"} {
		if _, err := os.Stat(p); err == nil {
			node = p
			break
		}
	}
	if node == "" {
		if p, err := exec.LookPath("node"); err == nil && !strings.Contains(p, "earlynode") {
			node = p
		}
	}
	if node == "" {
		t.Skip("no Node.js on this machine")
	}
	if _, err := os.Stat(filepath.Join(modules, "node-ipc")); err != nil {
		t.Skip("scripts/interop/node_modules is not installed (npm ci --ignore-scripts)")
	}
	return node, modules
}

// Proc is a running program whose stdout and stderr lines are collected.
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
	p.cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(Root(), "scripts/interop/node_modules"))
	pr, pw := io.Pipe()
	p.cmd.Stdout = pw
	p.cmd.Stderr = pw
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	go func() {
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

// Wait waits for the process to exit and returns its error (nil for status 0).
func (p *Proc) Wait(t testing.TB, timeout time.Duration) error {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		p.mu.Lock()
		done, err := p.done, p.err
		p.mu.Unlock()
		if done {
			return err
		}
		if time.Now().After(deadline) {
			p.Kill()
			t.Fatalf("%s did not exit within %v\noutput:\n%s", p.Name, timeout, p.Output())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// FreePort returns a TCP port that was free a moment ago, as a string.
func FreePort(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// FreeUDPPort returns a UDP port that was free a moment ago, as a string.
func FreeUDPPort(t testing.TB) string {
	t.Helper()
	c, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return strconv.Itoa(c.LocalAddr().(*net.UDPAddr).Port)
}

// RunOnRealPackage runs testdata/AREA/NAME.js on Node.js with the real npm packages (through
// scripts/interop/socketipc/run_testdata.js, which gives it puts, p, ARGV and node.exit) with
// the arguments of NAME.args ({tmp}, {port}, {port2} filled in), and fails the test unless its
// stdout equals NAME.out: the script's expected output is the real library's.
func RunOnRealPackage(t *testing.T, area, name string) {
	t.Helper()
	peer, _ := PeerNode(t)
	dir := filepath.Join(Root(), "testdata", area)
	want, err := os.ReadFile(filepath.Join(dir, name+".out"))
	if err != nil {
		t.Fatal(err)
	}
	args := []string{filepath.Join(Root(), "scripts/interop/socketipc/run_testdata.js"), name + ".js"}
	if b, err := os.ReadFile(filepath.Join(dir, name+".args")); err == nil {
		for _, a := range strings.Fields(string(b)) {
			a = strings.ReplaceAll(a, "{tmp}", t.TempDir())
			a = strings.ReplaceAll(a, "{port2}", FreePort(t))
			a = strings.ReplaceAll(a, "{port}", FreePort(t))
			args = append(args, a)
		}
	}
	cmd := exec.Command(peer, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(Root(), "scripts/interop/node_modules"))
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

// Main runs a package's tests and then removes the node binary Node built: call it from the
// package's TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if builtBin != "" {
		os.RemoveAll(filepath.Dir(builtBin))
	}
	os.Exit(code)
}
