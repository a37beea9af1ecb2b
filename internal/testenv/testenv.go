// Package testenv is what earlynode's tests share: the repository root; earlynode's own node
// binary, built once per test binary; golden files and the -update flag that rewrites them;
// the interop prerequisites (the machine's Node.js, the pinned npm peers, Chromium, a network
// namespace) with the one rule that gates them, RequireInterop; programs run as processes
// whose output lines can be waited for; and waiting on an observable state instead of
// sleeping.
//
// It is imported by _test.go files only. A package whose tests call Node must run them
// through Main from its TestMain, which removes the built binary afterwards:
//
//	func TestMain(m *testing.M) { testenv.Main(m) }
package testenv

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// BinEnv names the environment variable that gives a node binary to use instead of building
// cmd/node. A test that re-executes its own test binary passes the binary on with it.
const BinEnv = "EARLYNODE_BIN"

var (
	rootOnce sync.Once
	root     string
)

// Root returns the repository's root directory: the directory of go.mod above this package.
func Root() string {
	rootOnce.Do(func() {
		_, file, _, ok := runtime.Caller(0)
		if ok {
			dir := filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				root = dir
				return
			}
		}
		// Built with -trimpath: look upwards from the package directory the test runs in.
		dir, _ := os.Getwd()
		for dir != filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			dir = filepath.Dir(dir)
		}
		root = dir
	})
	return root
}

var mainRunning bool // set by Main, before any test runs

// Main runs a package's tests and then removes the programs Node, NATSHelper and
// NATSServerBin built. Call it from the package's TestMain.
func Main(m *testing.M) {
	mainRunning = true
	code := m.Run()
	for _, p := range []*program{&nodeProgram, &helperProgram, &natsServerProgram} {
		p.remove()
	}
	os.Exit(code)
}

// nodeProgram is cmd/node built as scripts/build builds it: with the NATS helper embedded
// (internal/bus/natsembed).
var nodeProgram = program{name: "node", env: BinEnv, build: func(out string) error {
	if err := goCommand("run", "./internal/bus/natsembed/gen"); err != nil {
		return err
	}
	return goCommand("build", "-tags="+buildTags+",natsembed", "-o", out, "./cmd/node")
}}

// Node returns the path of earlynode's node binary: $EARLYNODE_BIN when set, else cmd/node
// built into a temporary directory, once per test binary (Main removes it at the end).
func Node(t testing.TB) string {
	t.Helper()
	return nodeProgram.path(t)
}

// helperProgram is the NATS helper a node binary embeds.
var helperProgram = program{name: "nats-helper", build: func(out string) error {
	return goCommand("build", "-o", out, "./internal/bus/natshelper/helperbin")
}}

// NATSHelper returns the program a clustered PeerServer started from a Go test runs as its
// NATS helper (internal/bus/natshelper/helperbin, what a node binary embeds), built once per
// test binary, since the test binary itself is not one.
func NATSHelper(t testing.TB) string {
	t.Helper()
	return helperProgram.path(t)
}

// program is a program a test binary builds once, into a temporary directory that Main
// removes, unless an environment variable names one ready-made.
type program struct {
	name  string // its file name
	env   string // the variable naming a ready-made one, or ""
	build func(out string) error

	once sync.Once
	dir  string
	bin  string
	err  error
}

// path returns the program's path, building it on first use.
func (p *program) path(t testing.TB) string {
	t.Helper()
	if p.env != "" {
		if v := os.Getenv(p.env); v != "" {
			return v
		}
	}
	if !mainRunning {
		t.Fatalf("testenv: %s: the package's TestMain must call testenv.Main(m), which removes the built program", p.name)
	}
	p.once.Do(func() {
		if p.dir, p.err = os.MkdirTemp("", "earlynode-test-"); p.err != nil {
			return
		}
		p.bin = filepath.Join(p.dir, p.name)
		p.err = p.build(p.bin)
	})
	if p.err != nil {
		t.Fatal(p.err)
	}
	return p.bin
}

// remove deletes what path built.
func (p *program) remove() {
	if p.dir != "" {
		os.RemoveAll(p.dir)
	}
}

// goCommand runs the go tool in the repository's root.
func goCommand(args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = Root()
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %v: %v\n%s", args, err, out)
	}
	return nil
}

// FreePort returns a loopback TCP port that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// FreeUDPPort returns a loopback UDP port that was free a moment ago.
func FreeUDPPort(t testing.TB) int {
	t.Helper()
	c, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("free UDP port: %v", err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port
}
