package runtime

import (
	"os"
	"path/filepath"
	"testing"
)

// The module rule decides per require argument; the table names each case of the rule.
func TestIsCommonJSName(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "node_modules", "pkg"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "node_modules", "pkg", "index.js"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "a", "b")
	for _, tc := range []struct {
		dir, name string
		want      bool
	}{
		{dir, "./x", true},
		{dir, "../x.js", true},
		{dir, ".", true},
		{dir, "fs", true},
		{dir, "node:fs", true},
		{dir, "node:nonesuch", true},
		{dir, "timers/promises", true},
		{dir, "lib/x.cjs", true},
		{dir, "pkg", true},
		{sub, "pkg", true}, // node_modules up the tree
		{dir, "lib/circle.js", false},
		{dir, "circle.js", false},
		{dir, "/abs/path.js", false},
		{dir, "http://host/x.js", false},
		{"http://host/dir", "./x.js", false}, // inside a module fetched over HTTP
	} {
		if got := isCommonJSName(tc.dir, tc.name); got != tc.want {
			t.Errorf("isCommonJSName(%q, %q) = %v, want %v", tc.dir, tc.name, got, tc.want)
		}
	}
}

func TestSplitPackageName(t *testing.T) {
	for _, tc := range []struct{ name, pkg, sub string }{
		{"ms", "ms", ""},
		{"ms/index.js", "ms", "index.js"},
		{"@scope/pkg", "@scope/pkg", ""},
		{"@scope/pkg/a/b", "@scope/pkg", "a/b"},
		{"@scope", "", ""},
	} {
		pkg, sub := splitPackageName(tc.name)
		if pkg != tc.pkg || sub != tc.sub {
			t.Errorf("splitPackageName(%q) = %q, %q, want %q, %q", tc.name, pkg, sub, tc.pkg, tc.sub)
		}
	}
}
