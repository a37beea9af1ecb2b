package natsembed

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestWriteAnonymous: a program in the memory file runs (an ELF program, as the helper is:
// a script's interpreter could not reopen the path), also in a child that gets extra
// descriptors renumbered from 3 (as the NATS link passes its socket), from several starts.
func TestWriteAnonymous(t *testing.T) {
	echo, err := exec.LookPath("echo")
	if err != nil {
		t.Skip("no echo program here")
	}
	program, err := os.ReadFile(echo)
	if err != nil {
		t.Fatal(err)
	}
	path, err := writeAnonymous(strings.Repeat("4", 64), string(program))
	if err != nil {
		t.Fatal(err)
	}
	extra := make([]*os.File, 5)
	for i := range extra {
		f, err := os.Open(os.DevNull)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		extra[i] = f
	}
	for i := 0; i < 3; i++ {
		cmd := exec.Command(path, "anonymous", "helper")
		cmd.ExtraFiles = extra
		out, err := cmd.CombinedOutput()
		if err != nil || string(out) != "anonymous helper\n" {
			t.Fatalf("run %d of %s: %q, %v", i, path, out, err)
		}
	}
}
