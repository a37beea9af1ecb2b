package natsembed

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
	"time"
)

func TestParseTarget(t *testing.T) {
	sum := strings.Repeat("ab", 32)
	tests := []struct {
		in       string
		platform string
		ok       bool
	}{
		{"linux/amd64\n" + sum + "\n", "linux/amd64", true},
		{"darwin/arm64\n" + sum, "darwin/arm64", true},
		{"", "", false},
		{"linux/amd64\n", "", false},
		{"linuxamd64\n" + sum + "\n", "", false},
		{"linux/amd64\n" + sum[:10] + "\n", "", false},
		{"linux/amd64\n" + sum + "\nextra\n", "", false},
	}
	for _, tt := range tests {
		platform, got, err := parseTarget(tt.in)
		if (err == nil) != tt.ok || platform != tt.platform || (tt.ok && got != sum) {
			t.Errorf("parseTarget(%q) = %q, %q, %v; want %q, ok %v", tt.in, platform, got, err, tt.platform, tt.ok)
		}
	}
}

// TestWriteCached: the helper is written once per version, executable, with its bytes; a
// second call finds it; another version's helper goes only once it is stale.
func TestWriteCached(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	base, err := os.UserCacheDir()
	if err != nil {
		t.Skip("no user cache directory here:", err)
	}
	dir := filepath.Join(base, "earlynode")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	oldSum, freshSum := strings.Repeat("1", 64), strings.Repeat("2", 64)
	stale := filepath.Join(dir, cacheName(oldSum))
	fresh := filepath.Join(dir, cacheName(freshSum))
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("old"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * staleAfter)
	os.Chtimes(stale, long, long)

	program := "#!/bin/sh\necho helper\n"
	sum := strings.Repeat("3", 64)
	path, err := writeCached(sum, program)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir || filepath.Base(path) != cacheName(sum) {
		t.Errorf("path %s, want %s in %s", path, cacheName(sum), dir)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != program {
		t.Fatalf("content %q, %v", got, err)
	}
	if fi, _ := os.Stat(path); goruntime.GOOS != "windows" && fi.Mode()&0o111 != 0o111 {
		t.Errorf("mode %v: not executable", fi.Mode())
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a stale helper of another version is still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a recently used helper of another version was removed: %v", err)
	}

	// Found again, not rewritten: its time is renewed.
	long = time.Now().Add(-time.Hour)
	os.Chtimes(path, long, long)
	again, err := writeCached(sum, program)
	if err != nil || again != path {
		t.Fatalf("second call: %s, %v", again, err)
	}
	if fi, _ := os.Stat(path); time.Since(fi.ModTime()) > time.Minute {
		t.Errorf("the helper's time was not renewed: %v", fi.ModTime())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestExecutable: with the natsembed tag, the helper comes out whole (its SHA-256 is the one
// recorded beside it); without, a clear error.
func TestExecutable(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	path, err := materialize()
	if !Embedded {
		if err == nil || !strings.Contains(err.Error(), "natsembed") {
			t.Fatalf("without the tag: %q, %v", path, err)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, want, _ := parseTarget(target)
	if s := sha256.Sum256(got); hex.EncodeToString(s[:]) != want {
		t.Errorf("the written helper's SHA-256 is not the recorded %s", want)
	}
}
