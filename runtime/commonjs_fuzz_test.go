package runtime

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzPackageExports feeds arbitrary package.json texts and subpaths to the resolution of a
// package's "main" and "exports": it must not panic, and a file it picks through "exports"
// stays inside the package.
func FuzzPackageExports(f *testing.F) {
	for _, seed := range []struct{ pj, sub string }{
		{`{"main":"lib/x.js"}`, ""},
		{`{"exports":"./index.js"}`, ""},
		{`{"exports":{".":{"require":"./index.js","import":"./m.mjs"},"./f":"./index.js"}}`, "f"},
		{`{"exports":{"./lib/*":"./index.js"}}`, "lib/a"},
		{`{"exports":{".":[{"node":["./index.js"]}]}}`, ""},
		{`{"exports":"../../etc/passwd"}`, ""},
		{`{"exports":"./../outside.js"}`, ""},
		{`{"exports":null,"main":null}`, ""},
		{`not json`, ""},
	} {
		f.Add(seed.pj, seed.sub)
	}
	f.Fuzz(func(t *testing.T, pj, sub string) {
		root := t.TempDir()
		pkg := filepath.Join(root, "pkg")
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(pkg, "package.json"), []byte(pj), 0o644)
		os.WriteFile(filepath.Join(pkg, "index.js"), nil, 0o644)
		os.WriteFile(filepath.Join(root, "outside.js"), nil, 0o644)
		if file, ok, _ := resolvePackageExports(pkg, sub); ok && !strings.HasPrefix(file, pkg+string(filepath.Separator)) {
			t.Fatalf("exports %q for %q picked %s, outside the package", pj, sub, file)
		}
		loadAsDirectory(pkg)
	})
}
