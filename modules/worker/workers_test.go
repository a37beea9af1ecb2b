package worker_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"

	"earlynode/internal/testenv"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// script is the path of a testdata program.
func script(name string) string {
	return filepath.Join(testenv.Root(), "modules", "worker", "testdata", name)
}

// workerPids returns the processes the supervisor pid started (its children).
func workerPids(t *testing.T, pid int) []int {
	t.Helper()
	tasks, _ := filepath.Glob("/proc/" + strconv.Itoa(pid) + "/task/*/children")
	var pids []int
	for _, f := range tasks {
		b, _ := os.ReadFile(f)
		for _, s := range strings.Fields(string(b)) {
			n, _ := strconv.Atoi(s)
			pids = append(pids, n)
		}
	}
	return pids
}

// exitStatus is the exit status of a process that ended with err (as exec returns it).
func exitStatus(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return 128 + int(ws.Signal())
		}
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// countLines counts the output lines containing s.
func countLines(p *testenv.Proc, s string) int { return strings.Count(p.Output(), s) }

// TestHTTPOnEveryWorker: a node.http server under --workers 2 answers from both workers on one
// port; a worker that dies of an uncaught exception, or of kill -9, is restarted while the
// other keeps answering; SIGTERM ends them all at once with status 143.
func TestHTTPOnEveryWorker(t *testing.T) {
	port := testenv.FreePort(t)
	url := "http://127.0.0.1:" + strconv.Itoa(port) + "/"
	p := testenv.Start(t, "node --workers 2", t.TempDir(), testenv.Node(t), "--workers", "2", script("hello_http.js"), strconv.Itoa(port))
	p.WaitLines(t, 20*time.Second, "listening", "listening")

	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 5 * time.Second}
	get := func(path string) (string, error) {
		res, err := client.Get(url + path)
		if err != nil {
			return "", err
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		return strings.TrimSpace(string(b)), err
	}
	// bothAnswer makes new connections until both workers have answered one.
	bothAnswer := func(what string) {
		t.Helper()
		seen := map[string]int{}
		testenv.Eventually(t, 20*time.Second, func() bool {
			body, err := get("")
			if err != nil {
				t.Fatalf("%s: GET: %v\n%s", what, err, p.Output())
			}
			seen[body]++
			return seen["worker 0"] > 0 && seen["worker 1"] > 0
		}, "%s: both workers answer (seen %v)", what, seen)
	}
	// allAnswer checks that n requests in a row are answered.
	allAnswer := func(what string, n int) {
		t.Helper()
		for i := 0; i < n; i++ {
			if _, err := get(""); err != nil {
				t.Fatalf("%s: request %d: %v\n%s", what, i, err, p.Output())
			}
		}
	}
	bothAnswer("at start")

	// An uncaught exception ends one worker; the other keeps serving; it comes back.
	get("crash")
	p.WaitLines(t, 20*time.Second, "exited with status 1; restarting it in 100ms")
	allAnswer("while one worker is down", 50)
	p.WaitLines(t, 20*time.Second, "listening", "listening", "listening")
	bothAnswer("after the restart")

	// kill -9 of one worker.
	pids := workerPids(t, p.Pid())
	if len(pids) != 2 {
		t.Fatalf("the supervisor has %d children, want 2: %v", len(pids), pids)
	}
	syscall.Kill(pids[0], syscall.SIGKILL)
	p.WaitLines(t, 20*time.Second, "(pid "+strconv.Itoa(pids[0])+") was killed by SIGKILL; restarting it in")
	allAnswer("after kill -9", 50)
	p.WaitLines(t, 20*time.Second, "listening", "listening", "listening", "listening")
	bothAnswer("after kill -9 and restart")

	// SIGTERM stops everything, quickly, with status 128+15.
	pids = workerPids(t, p.Pid())
	start := time.Now()
	p.Signal(syscall.SIGTERM)
	err := p.Wait(t, 10*time.Second)
	took := time.Since(start)
	if got := exitStatus(err); got != 143 {
		t.Errorf("exit status after SIGTERM = %d (%v), want 143", got, err)
	}
	if took > 2*time.Second {
		t.Errorf("SIGTERM took %v to stop the workers", took)
	}
	for _, pid := range pids {
		if _, err := os.Stat("/proc/" + strconv.Itoa(pid)); err == nil {
			t.Errorf("worker pid %d outlived the supervisor", pid)
		}
	}
	t.Logf("SIGTERM to exit: %v", took)
}

// TestEveryServerSharesItsPort: each kind of listening server listens in both workers on the
// same port; without the shared port the second one fails and dies.
func TestEveryServerSharesItsPort(t *testing.T) {
	for _, kind := range []string{"tcp", "http", "binaryjs", "peerjs", "node-ipc"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			port := testenv.FreePort(t)
			p := testenv.Start(t, kind, t.TempDir(), testenv.Node(t), "--workers", "2", script("servers.js"), kind, strconv.Itoa(port))
			p.WaitLines(t, 20*time.Second, "listening "+kind, "listening "+kind)
			p.Signal(syscall.SIGINT)
			if got := exitStatus(p.Wait(t, 10*time.Second)); got != 130 {
				t.Errorf("exit status after SIGINT = %d, want 130", got)
			}
			if strings.Contains(p.Output(), "restarting") {
				t.Errorf("a worker died:\n%s", p.Output())
			}
		})
	}
}

// TestPublishReachesEveryWorker: node.worker.publish in any worker reaches every worker's
// subscribers, its own included.
func TestPublishReachesEveryWorker(t *testing.T) {
	p := testenv.Start(t, "pubsub", t.TempDir(), testenv.Node(t), "--workers", "3", script("pubsub.js"))
	p.WaitLines(t, 20*time.Second, "heard 0,1,2", "heard 0,1,2", "heard 0,1,2")
	for i := 0; i < 3; i++ {
		if n := countLines(p, "worker "+strconv.Itoa(i)+" heard 0,1,2"); n != 1 {
			t.Errorf("worker %d reported %d times:\n%s", i, n, p.Output())
		}
	}
	p.Signal(syscall.SIGTERM)
	p.Wait(t, 10*time.Second)
}

// TestOutputLinesStayWhole: three workers writing 100,000-byte lines at once (more than a pipe
// holds, far above what it writes atomically) still produce whole lines, 50 from each, and status 0 when every
// worker ended by itself.
func TestOutputLinesStayWhole(t *testing.T) {
	cmd := exec.Command(testenv.Node(t), "--workers", "3", script("lines.js"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	counts := map[byte]int{}
	for i, line := range strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n") {
		if len(line) != 100000 || strings.Count(line, line[:1]) != 100000 || line[0] < 'A' || line[0] > 'C' {
			t.Fatalf("line %d is not one worker's whole line (%d bytes, starts %.20q)", i, len(line), line)
		}
		counts[line[0]]++
	}
	if counts['A'] != 50 || counts['B'] != 50 || counts['C'] != 50 {
		t.Errorf("lines per worker = %v, want 50 each", counts)
	}
}

// TestGiveUpOnAProgramThatCannotStart: a worker dying at start is restarted with back-off and,
// after five quick deaths in a row, the supervisor stops with the worker's status.
func TestGiveUpOnAProgramThatCannotStart(t *testing.T) {
	cmd := exec.Command(testenv.Node(t), "--workers", "2", script("throw_at_start.js"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if got := exitStatus(err); got != 1 {
		t.Errorf("exit status = %d, want 1", got)
	}
	for _, want := range []string{"restarting it in 100ms", "restarting it in 200ms", "restarting it in 400ms", "restarting it in 800ms", "died 5 times in a row within a second of starting"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

// TestPublishOverNATS: with EARLYNODE_BUS naming a NATS server, node.worker's messages reach
// every process on it: two separate programs (one of them under --workers 2) hear each other.
func TestPublishOverNATS(t *testing.T) {
	port := testenv.FreePort(t)
	ns, err := natsserver.NewServer(&natsserver.Options{Host: "127.0.0.1", Port: port, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("NATS server not ready")
	}
	defer ns.Shutdown()
	t.Setenv("EARLYNODE_BUS", "nats://127.0.0.1:"+strconv.Itoa(port))
	a := testenv.Start(t, "a", t.TempDir(), testenv.Node(t), script("nats_pubsub.js"), "a")
	b := testenv.Start(t, "b", t.TempDir(), testenv.Node(t), "--workers", "2", script("nats_pubsub.js"), "b")
	a.WaitLines(t, 20*time.Second, "a heard b")
	b.WaitLines(t, 20*time.Second, "b heard a", "b heard a")
}
