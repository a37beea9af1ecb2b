package runtime

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"

	"earlynode/loop"
)

// A module is compiled inside this wrapper. The head stays on the source's first line so line
// numbers are the file's own; `var onLoad, onExit` lets a module define them either as function
// declarations or by plain assignment.
const (
	wrapperHead = "(function (exports, require, include, module, __filename, __dirname) { var onLoad, onExit; "
	wrapperTail = "\n;return [onLoad, onExit]; })"
)

// module is one loaded file (or URL). Children are loaded after the module's body has run, in
// the order required, each with its own children, before the module's onLoad runs.
type module struct {
	filename string       // absolute path or URL
	exports  *goja.Object // what require returned, or the include target
	parent   *module
	children []*module
	next     int // index of the next child to load
	onLoad   goja.Value
	onExit   goja.Value
	loaded   bool // onLoad has been called: require and include are closed
}

// pkg is a built-in package: made on the first require, the same exports for every require.
type pkg struct {
	load    func(rt *Runtime) goja.Value
	exports goja.Value
}

// RegisterPackage makes require(name) return the value load makes (once, on the first require).
// Built-in packages resolve before files and are ready at once.
func (rt *Runtime) RegisterPackage(name string, load func(rt *Runtime) goja.Value) {
	rt.packages[name] = &pkg{load: load}
}

// Package returns the exports of a registered built-in package, or nil.
func (rt *Runtime) Package(name string) goja.Value {
	p := rt.packages[name]
	if p == nil {
		return nil
	}
	if p.exports == nil {
		p.exports = p.load(rt)
	}
	return p.exports
}

func isURL(name string) bool {
	return strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://")
}

// loadMain runs the main script's body; its target (exports, include target) is the global
// object. Its children are then loaded from the loop.
func (rt *Runtime) loadMain(filename, src string) error {
	abs := filename
	if !isURL(filename) {
		if a, err := filepath.Abs(filename); err == nil {
			abs = a
		}
	}
	m := &module{filename: abs, exports: rt.VM.GlobalObject()}
	rt.main = m
	rt.VM.Set("__filename", abs)
	rt.VM.Set("__dirname", filepath.Dir(abs))
	if err := rt.runModule(m, src); err != nil {
		return err
	}
	rt.Post(func() error { return rt.loadChildren(m) })
	return nil
}

// runModule compiles and runs a module's body with its own require and include.
func (rt *Runtime) runModule(m *module, src string) error {
	rt.sources[m.filename] = src
	prog, err := compileModule(m.filename, src)
	if err != nil {
		return &FatalError{Err: err}
	}
	fnv, err := rt.VM.RunProgram(prog)
	if err != nil {
		return rt.wrapError(err)
	}
	fn, _ := goja.AssertFunction(fnv)
	dir := filepath.Dir(m.filename)
	if isURL(m.filename) {
		dir = m.filename
	}
	// require follows the module rule (commonjs.go): CommonJS names load at once, the others
	// as 0.1.0 children.
	modObj, require := rt.legacyModuleObjects(m, dir)
	res, err := rt.Call(fn, m.exports, m.exports, require,
		rt.VM.ToValue(func(c goja.FunctionCall) goja.Value { return rt.require(m, c.Argument(0).String(), true) }),
		modObj, rt.VM.ToValue(m.filename), rt.VM.ToValue(dir))
	if err != nil {
		return err
	}
	hooks := res.ToObject(rt.VM)
	m.onLoad = hooks.Get("0")
	m.onExit = hooks.Get("1")
	return nil
}

// SyntaxError is a script that does not parse: where, and what the parser said.
type SyntaxError struct {
	File      string
	Line, Col int
	Message   string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: SyntaxError: %s", e.File, e.Line, e.Col, e.Message)
}

// compileModule parses a module inside its wrapper and compiles it; a parse failure comes back
// as a *SyntaxError with the file's own line and column.
func compileModule(filename, src string) (*goja.Program, error) {
	return compileWrapped(filename, wrapperHead+src+wrapperTail)
}

// compileWrapped parses and compiles a module's source inside its wrapper (whose head is on the
// source's first line).
func compileWrapped(filename, wrapped string) (*goja.Program, error) {
	ast, err := parser.ParseFile(nil, filename, wrapped, 0)
	if err != nil {
		var list parser.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			e := list[0]
			return nil, &SyntaxError{File: filename, Line: e.Position.Line, Col: e.Position.Column, Message: e.Message}
		}
		return nil, err
	}
	return goja.CompileAST(ast, false)
}

// require is the require/include of module m: a built-in package's exports at once, or the
// (still empty) exports of a child that loads after m's body.
func (rt *Runtime) require(m *module, name string, include bool) goja.Value {
	if !include {
		if v := rt.Package(name); v != nil {
			return v
		}
	} else if v := rt.Package(name); v != nil {
		copyProperties(rt.VM, m.exports, v)
		return goja.Undefined()
	}
	verb := "require"
	if include {
		verb = "include"
	}
	if m.loaded {
		panic(rt.NewError(fmt.Sprintf("%s(%q) in %s: modules can no longer be loaded after onLoad", verb, name, m.filename)))
	}
	resolved, err := resolveModule(m.filename, name)
	if err != nil {
		panic(rt.NewError(fmt.Sprintf("%s(%q) in %s: %v", verb, name, m.filename, err)))
	}
	chain := []string{resolved}
	for a := m; a != nil; a = a.parent {
		chain = append(chain, a.filename)
		if a.filename == resolved {
			for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
				chain[i], chain[j] = chain[j], chain[i]
			}
			panic(rt.NewError(fmt.Sprintf("%s(%q) in %s: require cycle: %s", verb, name, m.filename, strings.Join(chain, " -> "))))
		}
	}
	child := &module{filename: resolved, parent: m}
	if include {
		child.exports = m.exports
	} else {
		child.exports = rt.VM.NewObject()
	}
	m.children = append(m.children, child)
	if include {
		return goja.Undefined()
	}
	return child.exports
}

func copyProperties(vm *goja.Runtime, dst *goja.Object, src goja.Value) {
	o, ok := src.(*goja.Object)
	if !ok {
		return
	}
	for _, k := range o.Keys() {
		dst.Set(k, o.Get(k))
	}
}

// resolveModule turns a require argument into an absolute path or URL, relative to the file
// (or URL) that calls require.
func resolveModule(from, name string) (string, error) {
	if name == "" {
		return "", fmt.Errorf("empty module name")
	}
	if isURL(name) {
		return name, nil
	}
	if isURL(from) {
		base, err := url.Parse(from)
		if err != nil {
			return "", err
		}
		ref, err := url.Parse(name)
		if err != nil {
			return "", err
		}
		return base.ResolveReference(ref).String(), nil
	}
	if filepath.IsAbs(name) {
		return filepath.Clean(name), nil
	}
	return filepath.Join(filepath.Dir(from), name), nil
}

// loadChildren loads m's next child (its body, then its own children and its onLoad), then the
// one after, and finally calls m's onLoad. Each step is its own loop callback.
func (rt *Runtime) loadChildren(m *module) error {
	if m.next == len(m.children) {
		m.loaded = true
		if fn, ok := goja.AssertFunction(m.onLoad); ok {
			if _, err := rt.Call(fn, m.exports); err != nil {
				return err
			}
		}
		if m.parent != nil {
			rt.Post(func() error { return rt.loadChildren(m.parent) })
		}
		return nil
	}
	child := m.children[m.next]
	m.next++
	if isURL(child.filename) {
		rt.Loop.Do(func() loop.Callback {
			src, err := fetchModule(child.filename)
			return func() error {
				if err != nil {
					return rt.loadFailed(child, err)
				}
				return rt.startModule(child, src)
			}
		})
		return nil
	}
	src, err := readModule(&child.filename)
	if err != nil {
		return rt.loadFailed(child, err)
	}
	return rt.startModule(child, src)
}

func (rt *Runtime) startModule(m *module, src string) error {
	if err := rt.runModule(m, src); err != nil {
		return err
	}
	rt.Post(func() error { return rt.loadChildren(m) })
	return nil
}

func (rt *Runtime) loadFailed(m *module, err error) error {
	return &FatalError{Err: fmt.Errorf("cannot load module %s (required by %s): %v\n(loaded as a Node 0.1.0 module: %s)", m.filename, m.parent.filename, err, ModuleRule)}
}

// readModule reads a module file; a name without an extension that does not exist is tried
// again with ".js" (and the name updated). Only a regular file is a module: a device such as
// /dev/zero, a pipe or a directory is refused before it is read.
func readModule(name *string) (string, error) {
	b, err := readModuleFile(*name)
	if err != nil && os.IsNotExist(err) && filepath.Ext(*name) == "" {
		if b2, err2 := readModuleFile(*name + ".js"); err2 == nil {
			*name += ".js"
			return string(b2), nil
		}
	}
	if err != nil {
		return "", unwrapPathError(err)
	}
	return string(b), nil
}

// readModuleFile reads a regular file of at most MaxStringFile bytes.
func readModuleFile(name string) ([]byte, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", fileKind(info.Mode()))
	}
	return ReadWholeFile(name, MaxStringFile)
}

// fileKind names the kind of a file that is not a regular one.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a block device"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

var moduleClient = &http.Client{Timeout: 30 * time.Second}

// fetchModule GETs a module's source; a non-2xx status is an error.
func fetchModule(u string) (string, error) {
	resp, err := moduleClient.Get(u)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return "", err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "", fmt.Errorf("HTTP status %s", resp.Status)
	}
	return string(body), nil
}

// runOnExit calls every module's onExit, children before parents, the main script last. It
// runs once.
func (rt *Runtime) runOnExit() error {
	if rt.onExitRun || rt.main == nil {
		return nil
	}
	rt.onExitRun = true
	return rt.onExitTree(rt.main)
}

func (rt *Runtime) onExitTree(m *module) error {
	for _, c := range m.children {
		if err := rt.onExitTree(c); err != nil {
			return err
		}
	}
	if fn, ok := goja.AssertFunction(m.onExit); ok {
		if _, err := rt.Call(fn, m.exports); err != nil {
			return err
		}
	}
	return nil
}
