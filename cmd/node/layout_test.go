package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayout checks the direction of imports that the house is built on
// (docs/architecture.md): cmd/node -> modules -> runtime -> loop, pure codecs free of goja
// and the loop (they may use the pure packages runtime shares, checked as pure themselves),
// Go services such as modules/http/websocket (RFC 6455 on loop/netpoll) free of goja and the
// runtime, and no module reaching into a sibling library.
func TestLayout(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "earlynode/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	// Modules every module may use: shared code and the public Go API of node.http (the one
	// WebSocket upgrade) and of the BinaryPack codec.
	shared := []string{"modules/internal/", "modules/http", "modules/binarypack"}
	pure := []string{"/wire", "modules/binarypack", "modules/peerjs/signal", "modules/internal/ipc/jsonframe", "runtime/utf8split", "runtime/nodecodec"}
	// Go services below JavaScript: on the loop's I/O layer, but free of goja and the runtime.
	gojaFree := []string{"modules/http/websocket"}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg, imports := strings.TrimPrefix(f[0], "earlynode/"), f[1:]
		for _, imp := range imports {
			dep, ours := strings.CutPrefix(imp, "earlynode/")
			switch {
			case ours && (strings.HasPrefix(pkg, "loop") || strings.HasPrefix(pkg, "runtime")) &&
				(strings.HasPrefix(dep, "modules/") || strings.HasPrefix(dep, "cmd/")):
				t.Errorf("%s imports %s: loop/ and runtime/ import no module", pkg, dep)
			case ours && strings.HasPrefix(pkg, "loop") && strings.HasPrefix(dep, "runtime"):
				t.Errorf("%s imports %s: the loop knows nothing of JavaScript", pkg, dep)
			case ours && strings.HasPrefix(pkg, "modules/") && strings.HasPrefix(dep, "modules/") &&
				library(pkg) != library(dep) && !hasAnyPrefix(dep, shared):
				t.Errorf("%s imports %s: a module uses no sibling library's internals", pkg, dep)
			}
			if isPure(pkg, pure) && (imp == "github.com/dop251/goja" ||
				ours && (dep == "loop" || strings.HasPrefix(dep, "loop/") || strings.HasPrefix(dep, "runtime") && !isPure(dep, pure))) {
				t.Errorf("%s imports %s: a pure codec imports neither goja nor the loop", pkg, imp)
			}
			if isPure(pkg, gojaFree) && (imp == "github.com/dop251/goja" || ours && strings.HasPrefix(dep, "runtime") && !isPure(dep, pure)) {
				t.Errorf("%s imports %s: a Go service imports neither goja nor the runtime", pkg, imp)
			}
		}
	}
}

// library is the module a package belongs to ("modules/peerjs/client" -> "modules/peerjs").
func library(pkg string) string {
	parts := strings.SplitN(pkg, "/", 3)
	if len(parts) < 2 {
		return pkg
	}
	return parts[0] + "/" + parts[1]
}

// isPure reports whether pkg is a pure codec: a wire package, or one of the named ones (but
// not a bridge to JavaScript values such as binarypack/jsvalue).
func isPure(pkg string, pure []string) bool {
	if strings.HasSuffix(pkg, "/jsvalue") {
		return false
	}
	for _, p := range pure {
		if pkg == p || strings.HasSuffix(pkg, p) || strings.HasPrefix(pkg, p+"/") {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
