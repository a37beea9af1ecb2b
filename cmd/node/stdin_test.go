package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"earlynode/internal/testenv"
)

// TestProcessStdinPipe pipes 1.5 MB of text whose multi-byte characters straddle every read
// boundary into testdata/node20/process/stdin.js on Node.js 20 and on earlynode: both must count
// the same characters (none mangled into U+FFFD) and end the same way.
func TestProcessStdinPipe(t *testing.T) {
	testenv.RequireInterop(t, testenv.NodeJS)
	script := filepath.Join(testenv.Root(), "testdata", "node20", "process", "stdin.js")
	input := []byte(strings.Repeat("aé€😀", 150000))
	run := func(bin string) string {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, script)
		cmd.Stdin = bytes.NewReader(input)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", bin, err, errOut.String())
		}
		return out.String()
	}
	want := run(testenv.NodeJSPath())
	if !strings.Contains(want, "end 750000 characters") {
		t.Fatalf("Node.js 20 printed %q", want)
	}
	if got := run(testenv.Node(t)); got != want {
		t.Errorf("earlynode printed\n%s\nNode.js 20\n%s", got, want)
	}
}
