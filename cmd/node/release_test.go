package main

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"

	"earlynode/internal/testenv"
)

// TestReleaseBinary runs scripts/release for this machine's platform and checks what it made:
// a static executable (no program interpreter, no dynamic section: it needs no libc), built
// with the NATS helper embedded rather than nats-server linked in, that starts and prints the
// version stamped in, listed in SHA256SUMS.
func TestReleaseBinary(t *testing.T) {
	if goruntime.GOOS != "linux" {
		t.Skip("the release check reads ELF binaries")
	}
	if testing.Short() {
		t.Skip("-short: builds a release binary (minutes on a cold build cache)")
	}
	dist := t.TempDir()
	target := "linux/" + goruntime.GOARCH
	cmd := exec.Command("bash", filepath.Join(testenv.Root(), "scripts", "release"))
	cmd.Env = append(os.Environ(), "VERSION=v0.0.0-releasetest", "TARGETS="+target, "DIST="+dist)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("scripts/release: %v\n%s", err, out)
	}
	name := "earlynode-v0.0.0-releasetest-linux-" + goruntime.GOARCH
	bin := filepath.Join(dist, name)

	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("%s has a %v program header: it is dynamically linked", name, p.Type)
		}
	}
	if s := f.Section(".dynamic"); s != nil {
		t.Errorf("%s has a .dynamic section", name)
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("%s needs shared libraries %v", name, libs)
	}
	if s := f.Section(".symtab"); s != nil {
		t.Errorf("%s is not stripped (it has a symbol table)", name)
	}

	info, err := exec.Command("go", "version", "-m", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("go version -m: %v\n%s", err, info)
	}
	if !strings.Contains(string(info), "-tags=natsembed") {
		t.Errorf("%s was not built with the natsembed tag:\n%s", name, info)
	}
	if strings.Contains(string(info), "nats-server") || strings.Contains(string(info), "nats.go") {
		t.Errorf("%s links NATS itself instead of carrying the helper:\n%s", name, info)
	}

	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "earlynode v0.0.0-releasetest" {
		t.Errorf("%s --version: %q, %v; want \"earlynode v0.0.0-releasetest\"", name, out, err)
	}
	sums, err := os.ReadFile(filepath.Join(dist, "SHA256SUMS"))
	if err != nil || !strings.Contains(string(sums), "  "+name+"\n") {
		t.Errorf("SHA256SUMS does not list %s: %q %v", name, sums, err)
	}
}
