package runtime

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
)

// The module rule (docs/modern.md): which require arguments load as CommonJS (Node 20's
// synchronous modules) and which keep Node 0.1.0's loader. Resolution follows Node 20's
// algorithm for CommonJS: files with .js/.json/.cjs, directories through package.json "main"
// (or "exports") and index.js, bare names through node_modules folders up the tree.

// ModuleRule is the rule in one sentence, quoted by the errors a wrong guess of it produces.
const ModuleRule = "a require argument starting with ./ or ../, naming a Node core module (also as node:NAME) " +
	"or a package found in node_modules, or ending in .cjs loads as CommonJS; any other name " +
	"(\"lib/x.js\", an absolute path, an http:// URL) loads as a Node 0.1.0 module"

// coreModules are the names of Node 20's core modules (require works with and without node:).
var coreModules = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`assert assert/strict async_hooks buffer child_process cluster
		console constants crypto dgram diagnostics_channel dns dns/promises domain events fs
		fs/promises http http2 https inspector inspector/promises module net os path path/posix
		path/win32 perf_hooks process punycode querystring readline readline/promises repl stream
		stream/consumers stream/promises stream/web string_decoder sys timers timers/promises tls
		trace_events tty url util util/types v8 vm wasi worker_threads zlib test`) {
		coreModules[n] = true
	}
}

// IsCoreModule reports whether name (with or without "node:") is a Node 20 core module.
func IsCoreModule(name string) bool {
	return coreModules[strings.TrimPrefix(name, "node:")]
}

// isRelative reports whether a require argument is relative in Node's sense.
func isRelative(name string) bool {
	return name == "." || name == ".." || strings.HasPrefix(name, "./") || strings.HasPrefix(name, "../")
}

// isCommonJSName applies the module rule to a require argument made in a file of directory
// dir (a 0.1.0 module or the main script). Built-in packages are decided before it.
func isCommonJSName(dir, name string) bool {
	switch {
	case isURL(dir):
		return false // a module fetched over HTTP resolves every name against its URL
	case isRelative(name), strings.HasPrefix(name, "node:"), IsCoreModule(name), strings.HasSuffix(name, ".cjs"):
		return true
	case isURL(name) || filepath.IsAbs(name):
		return false
	}
	_, ok := findInNodeModules(dir, name)
	return ok
}

// nodeModulesPaths lists the node_modules folders Node searches from dir, nearest first.
func nodeModulesPaths(dir string) []string {
	var paths []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if filepath.Base(d) != "node_modules" {
			paths = append(paths, filepath.Join(d, "node_modules"))
		}
		if parent := filepath.Dir(d); parent == d {
			break
		}
	}
	return paths
}

// globalFolders are the folders NODE_PATH lists (colon-separated), searched after the
// node_modules folders, as Node does.
func globalFolders() []string {
	var dirs []string
	for _, d := range filepath.SplitList(os.Getenv("NODE_PATH")) {
		if d != "" {
			if a, err := filepath.Abs(d); err == nil {
				dirs = append(dirs, a)
			}
		}
	}
	return dirs
}

// resolveCommonJS finds the file a CommonJS require(name) from directory dir loads, as Node 20
// does; ok is false when there is none.
func resolveCommonJS(dir, name string) (string, bool) {
	if isRelative(name) || filepath.IsAbs(name) {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, name)
		}
		if strings.HasSuffix(name, "/") || name == "." || name == ".." {
			return loadAsDirectory(p)
		}
		if f, ok := loadAsFile(p); ok {
			return f, true
		}
		return loadAsDirectory(p)
	}
	return findInNodeModules(dir, name)
}

// findInNodeModules resolves a bare name through the node_modules folders up from dir.
func findInNodeModules(dir, name string) (string, bool) {
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") {
		return "", false
	}
	pkgName, sub := splitPackageName(name)
	if pkgName == "" {
		return "", false
	}
	for _, nm := range append(nodeModulesPaths(dir), globalFolders()...) {
		pkgDir := filepath.Join(nm, pkgName)
		if info, err := os.Stat(pkgDir); err != nil || !info.IsDir() {
			// a file node_modules/x.js answers require("x")
			if f, ok := loadAsFile(filepath.Join(nm, name)); ok {
				return f, true
			}
			continue
		}
		if f, ok, decided := resolvePackageExports(pkgDir, sub); decided {
			return f, ok
		}
		p := filepath.Join(nm, name)
		if sub != "" {
			if f, ok := loadAsFile(p); ok {
				return f, true
			}
		}
		if f, ok := loadAsDirectory(p); ok {
			return f, true
		}
	}
	return "", false
}

// splitPackageName splits "pkg/sub/path" or "@scope/pkg/sub" into the package and the rest.
func splitPackageName(name string) (pkg, sub string) {
	parts := strings.SplitN(name, "/", 3)
	if strings.HasPrefix(name, "@") {
		if len(parts) < 2 || parts[1] == "" {
			return "", ""
		}
		pkg = parts[0] + "/" + parts[1]
		if len(parts) == 3 {
			sub = parts[2]
		}
		return pkg, sub
	}
	pkg = parts[0]
	if i := strings.IndexByte(name, '/'); i >= 0 {
		sub = name[i+1:]
	}
	return pkg, sub
}

// isFile reports whether p is a regular file (or a link to one).
func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// loadAsFile tries p, then p with Node's extensions.
func loadAsFile(p string) (string, bool) {
	for _, c := range []string{p, p + ".js", p + ".json"} {
		if isFile(c) {
			return c, true
		}
	}
	return "", false
}

// packageJSON is what resolution reads from a package.json.
type packageJSON struct {
	Main    string          `json:"main"`
	Exports json.RawMessage `json:"exports"`
}

func readPackageJSON(dir string) (*packageJSON, bool) {
	b, err := ReadWholeFile(filepath.Join(dir, "package.json"), 16<<20)
	if err != nil {
		return nil, false
	}
	var pj packageJSON
	if json.Unmarshal(b, &pj) != nil {
		return nil, false
	}
	return &pj, true
}

// loadAsDirectory tries package.json's main, then index.js, index.json.
func loadAsDirectory(p string) (string, bool) {
	if pj, ok := readPackageJSON(p); ok && pj.Main != "" {
		m := filepath.Join(p, pj.Main)
		if f, ok := loadAsFile(m); ok {
			return f, true
		}
		for _, c := range []string{filepath.Join(m, "index.js"), filepath.Join(m, "index.json")} {
			if isFile(c) {
				return c, true
			}
		}
	}
	for _, c := range []string{filepath.Join(p, "index.js"), filepath.Join(p, "index.json")} {
		if isFile(c) {
			return c, true
		}
	}
	return "", false
}

// requireConditions are the package.json "exports" conditions a CommonJS require matches.
var requireConditions = []string{"node", "require", "default"}

// resolvePackageExports applies a package's "exports" field to subpath sub ("" for the
// package itself). decided is false when the package has no "exports" (then main/index apply).
func resolvePackageExports(pkgDir, sub string) (file string, ok, decided bool) {
	pj, found := readPackageJSON(pkgDir)
	if !found || len(pj.Exports) == 0 || string(pj.Exports) == "null" {
		return "", false, false
	}
	var exports any
	if json.Unmarshal(pj.Exports, &exports) != nil {
		return "", false, false
	}
	key := "."
	if sub != "" {
		key = "./" + sub
	}
	var target any
	if m, isMap := exports.(map[string]any); isMap && hasSubpathKeys(m) {
		if t, has := m[key]; has {
			target = t
		} else {
			// "./lib/*" patterns
			for k, t := range m {
				if i := strings.IndexByte(k, '*'); i >= 0 && strings.HasPrefix(key, k[:i]) && strings.HasSuffix(key, k[i+1:]) && len(key) >= len(k)-1 {
					star := key[i : len(key)-len(k[i+1:])]
					if s, isStr := conditionTarget(t).(string); isStr {
						target = strings.ReplaceAll(s, "*", star)
					}
					break
				}
			}
		}
	} else if key == "." {
		target = exports
	}
	s, isStr := conditionTarget(target).(string)
	if !isStr || !strings.HasPrefix(s, "./") {
		return "", false, true // Node refuses targets outside "./" (ERR_INVALID_PACKAGE_TARGET)
	}
	f := filepath.Join(pkgDir, s)
	if rel, err := filepath.Rel(pkgDir, f); err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false, true // a target may not leave its package
	}
	if isFile(f) {
		return f, true, true
	}
	return "", false, true
}

func hasSubpathKeys(m map[string]any) bool {
	for k := range m {
		return strings.HasPrefix(k, ".")
	}
	return false
}

// conditionTarget picks the target a CommonJS require gets from a conditions object.
func conditionTarget(t any) any {
	for i := 0; i < 8; i++ {
		switch v := t.(type) {
		case map[string]any:
			var next any
			for _, c := range requireConditions {
				if n, has := v[c]; has {
					next = n
					break
				}
			}
			if next == nil {
				return nil
			}
			t = next
		case []any:
			if len(v) == 0 {
				return nil
			}
			t = v[0]
		default:
			return t
		}
	}
	return nil
}
