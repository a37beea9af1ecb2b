package process

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"earlynode/runtime"
)

// run runs src with node.createProcess installed and returns its stdout and exit code.
func run(t *testing.T, src string) (string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &errOut})
	Install(rt)
	done := make(chan int, 1)
	go func() { done <- rt.RunSource("test.js", src) }()
	select {
	case code := <-done:
		if errOut.Len() > 0 {
			t.Logf("stderr: %s", errOut.String())
		}
		return out.String(), code
	case <-time.After(30 * time.Second):
		t.Fatalf("program did not finish:\n%s", src)
	}
	return "", -1
}

func TestProcessEvents(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"running child keeps the program alive",
			`node.createProcess("sleep 0.1; echo late").addListener("output", function (d) { if (d) print(d); });`,
			"late\n"},
		{"exit comes after both streams end",
			`var c = node.createProcess("echo a; echo b >&2"), log = [];
			 c.addListener("output", function (d) { if (d === null) log.push("out-end"); });
			 c.addListener("error", function (d) { if (d === null) log.push("err-end"); });
			 c.addListener("exit", function (code) { log.push("exit " + code); puts(log.slice(-1)[0] + " " + log.length); });`,
			"exit 0 3\n"},
		{"signal number on kill",
			`var c = node.createProcess("exec sleep 5"); c.addListener("exit", function (code) { puts(code); }); c.kill(node.SIGKILL);`,
			"9\n"},
		{"stdin closed by close()",
			`var c = node.createProcess("cat; echo end"); c.addListener("output", function (d) { if (d) print(d); });
			 c.write("x\n"); c.close();`,
			"x\nend\n"},
		{"write returns false after close",
			`var c = node.createProcess("cat"); c.close(); puts(c.write("x"));`,
			"false\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code := run(t, tt.src)
			if code != 0 || got != tt.want {
				t.Errorf("got %q (exit %d), want %q", got, code, tt.want)
			}
		})
	}
}

func TestChildThatNeverReadsStdin(t *testing.T) {
	// 1 MiB to a child that exits without reading: the writes are dropped, nothing blocks.
	src := `var c = node.createProcess("exit 0"), big = new Array(1 << 20).join("x");
	c.write(big); c.write(big);
	c.addListener("exit", function (code) { puts("exit " + code); });`
	got, code := run(t, src)
	if code != 0 || strings.TrimSpace(got) != "exit 0" {
		t.Errorf("got %q (exit %d)", got, code)
	}
}
