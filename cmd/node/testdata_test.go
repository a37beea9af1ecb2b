package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestScripts runs every testdata/**/NAME.js (but testdata/node20, see TestNode20Conformance) that has a NAME.out beside it through the built
// binary and compares its stdout with NAME.out. Beside the script, optional files say more:
//
//	NAME.exit    the expected exit status (default 0)
//	NAME.stderr  lines that must each appear in stderr
//	NAME.args    the script's arguments, one line; {port}, {port2}, {port3} become free TCP
//	             ports and {tmp} a new empty directory
//
// The script runs with its own directory as the working directory. go test -update rewrites
// the .out files from the output.
func TestScripts(t *testing.T) {
	bin := testenv.Node(t)
	root := filepath.Join(testenv.Root(), "testdata")
	var scripts []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && p == filepath.Join(root, conformanceDir) {
			return filepath.SkipDir // Node 20's goldens: TestNode20Conformance
		}
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".js") {
			if _, err := os.Stat(strings.TrimSuffix(p, ".js") + ".out"); err == nil {
				scripts = append(scripts, p)
			}
		}
		return nil
	})
	if len(scripts) == 0 {
		t.Fatal("no testdata scripts found")
	}
	for _, script := range scripts {
		rel, _ := filepath.Rel(root, script)
		t.Run(strings.TrimSuffix(rel, ".js"), func(t *testing.T) {
			t.Parallel()
			runScript(t, bin, script)
		})
	}
}

func runScript(t *testing.T, bin, script string) {
	base := strings.TrimSuffix(script, ".js")
	wantCode := 0
	if b, err := os.ReadFile(base + ".exit"); err == nil {
		wantCode, _ = strconv.Atoi(strings.TrimSpace(string(b)))
	}
	args := []string{filepath.Base(script)}
	if b, err := os.ReadFile(base + ".args"); err == nil {
		args = append(args, expandArgs(t, strings.Fields(string(b)))...)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = filepath.Dir(script)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s did not finish in 60 s\nstdout:\n%s\nstderr:\n%s", script, stdout.String(), stderr.String())
	}
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if !testenv.Golden(t, base+".out", stdout.Bytes()) {
		t.Logf("stderr:\n%s", stderr.String())
	}
	if code != wantCode {
		t.Errorf("exit status %d, want %d\nstderr:\n%s", code, wantCode, stderr.String())
	}
	if b, err := os.ReadFile(base + ".stderr"); err == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.Contains(stderr.String(), line) {
				t.Errorf("stderr lacks %q\nstderr:\n%s", line, stderr.String())
			}
		}
	}
}

func expandArgs(t *testing.T, args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		for _, name := range []string{"{port}", "{port2}", "{port3}"} {
			if strings.Contains(a, name) {
				a = strings.ReplaceAll(a, name, strconv.Itoa(testenv.FreePort(t)))
			}
		}
		if strings.Contains(a, "{tmp}") {
			a = strings.ReplaceAll(a, "{tmp}", t.TempDir())
		}
		out[i] = a
	}
	return out
}

// TestMain removes the node binary TestScripts built.
func TestMain(m *testing.M) { testenv.Main(m) }
