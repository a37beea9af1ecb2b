package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// conformanceDir holds the scripts of today's Node API (process, CommonJS, Buffer and the core
// modules). Their golden files are produced by Node.js 20, not by earlynode.
const conformanceDir = "node20"

// TestNode20Conformance runs every testdata/node20/**/NAME.js that has a NAME.out beside it on
// Node.js 20 and on earlynode. NAME.out is Node 20's stdout: Node's output must still equal it
// (so the golden file is regenerated and compared on every run), and earlynode's must equal it
// too, with the same exit status. go test -update rewrites NAME.out from Node 20's output.
// NAME.args works as in TestScripts; the script runs in its own directory.
func TestNode20Conformance(t *testing.T) {
	testenv.RequireInterop(t, testenv.NodeJS)
	bin := testenv.Node(t)
	nodejs := testenv.NodeJSPath()
	root := filepath.Join(testenv.Root(), "testdata", conformanceDir)
	var scripts []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".js") {
			if _, err := os.Stat(strings.TrimSuffix(p, ".js") + ".out"); err == nil {
				scripts = append(scripts, p)
			}
		}
		return nil
	})
	if len(scripts) == 0 {
		t.Skip("no conformance scripts under testdata/" + conformanceDir)
	}
	for _, script := range scripts {
		rel, _ := filepath.Rel(root, script)
		t.Run(strings.TrimSuffix(rel, ".js"), func(t *testing.T) {
			t.Parallel()
			base := strings.TrimSuffix(script, ".js")
			var args []string
			if b, err := os.ReadFile(base + ".args"); err == nil {
				args = expandArgs(t, strings.Fields(string(b)))
			}
			refOut, refErr, refCode := runWith(t, nodejs, script, args)
			if !testenv.Golden(t, base+".out", refOut) {
				t.Logf("Node.js 20 no longer prints the golden output; its stderr:\n%s", refErr)
				return
			}
			out, errOut, code := runWith(t, bin, script, args)
			if !bytes.Equal(out, refOut) {
				t.Errorf("earlynode differs from Node.js 20 (%s):\n--- earlynode:\n%s\n--- Node.js 20:\n%s\n--- earlynode stderr:\n%s", base+".out", out, refOut, errOut)
			}
			if code != refCode {
				t.Errorf("earlynode exit status %d, Node.js 20 %d\nearlynode stderr:\n%s\nNode.js stderr:\n%s", code, refCode, errOut, refErr)
			}
		})
	}
}

// runWith runs script with the interpreter bin in the script's directory and returns its
// stdout, stderr and exit status.
func runWith(t *testing.T, bin, script string, args []string) (stdout, stderr []byte, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{filepath.Base(script)}, args...)...)
	cmd.Dir = filepath.Dir(script)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %s did not finish in 60 s\nstdout:\n%s\nstderr:\n%s", bin, script, o.String(), e.String())
	}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.Bytes(), e.Bytes(), code
}
