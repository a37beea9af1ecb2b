package testenv

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files from the tests' output (go test -update)")

// Update reports whether the tests run with -update, which rewrites golden files instead of
// comparing with them.
func Update() bool { return *update }

// Golden compares got with the golden file at path (relative to the package directory), or
// under -update writes got there. It reports whether got matched (or was written); a mismatch
// or a missing file is a test error that names the file and shows both texts.
func Golden(t testing.TB, path string, got []byte) bool {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return true
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("golden file: %v (go test -update writes it)", err)
		return false
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got:\n%s\n--- want:\n%s", path, got, want)
		return false
	}
	return true
}

// ReadGoldenJSONL decodes every line of a JSON-lines golden file into a T. Such files hold
// cases captured from the real libraries; the tests read them and never rewrite them. An
// empty file fails the test.
func ReadGoldenJSONL[T any](t testing.TB, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open golden file: %v", err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: line %d: %v", path, len(out)+1, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(out) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return out
}
