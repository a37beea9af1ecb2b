package runtime

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// CommonJS as Node 20 has it, beside 0.1.0's loader (modules.go): a require argument the module
// rule (commonjs_resolve.go) names is loaded synchronously, once, into a cache keyed by file
// name; cycles get the partial exports of the module still loading, as in Node.

// cjsHead wraps a CommonJS module. It is padded to wrapperHead's length so error reports
// correct a first line's columns the same way for both kinds of module.
var cjsHead = func() string {
	h := "(function (exports, require, module, __filename, __dirname) { "
	if n := len(wrapperHead) - len(h); n > 0 {
		h += strings.Repeat(" ", n)
	}
	return h
}()

const cjsTail = "\n})"

// commonJS is the runtime's CommonJS state: require.cache and the main module.
type commonJS struct {
	cache      *goja.Object // require.cache: file name -> module object
	mainModule *goja.Object // require.main
	// resolved remembers what a (directory, name) pair resolved to, so that a require of a
	// module already loaded touches no file system (as Node's relative resolve cache).
	resolved map[[2]string]string
}

func (rt *Runtime) cjs() *commonJS {
	if rt.commonJS == nil {
		rt.commonJS = &commonJS{cache: rt.VM.NewObject(), resolved: map[[2]string]string{}}
	}
	return rt.commonJS
}

// newModuleObject makes a `module` object: id, path, exports, filename, loaded, children,
// paths, parent, require.
func (rt *Runtime) newModuleObject(id, filename string, exports goja.Value, parent *goja.Object) *goja.Object {
	vm := rt.VM
	m := vm.NewObject()
	m.Set("id", id)
	m.Set("path", filepath.Dir(filename))
	m.Set("exports", exports)
	m.Set("filename", filename)
	m.Set("loaded", false)
	m.Set("children", vm.NewArray())
	paths := []any{}
	for _, p := range nodeModulesPaths(filepath.Dir(filename)) {
		paths = append(paths, p)
	}
	m.Set("paths", paths)
	if parent != nil {
		m.DefineDataProperty("parent", parent, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		if ch, ok := parent.Get("children").(*goja.Object); ok {
			push, _ := goja.AssertFunction(ch.Get("push"))
			push(ch, m)
		}
	} else {
		m.DefineDataProperty("parent", goja.Null(), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return m
}

// makeRequire returns the require function of a CommonJS module (dir is its directory, mod its
// module object), with resolve, resolve.paths, cache and main. fallback, when not nil, handles
// the names the module rule leaves to 0.1.0's loader.
func (rt *Runtime) makeRequire(dir string, mod *goja.Object, fallback func(name string) goja.Value) *goja.Object {
	vm := rt.VM
	c := rt.cjs()
	req := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return rt.requireByRule(dir, requireArg(rt, call), mod, fallback)
	}).(*goja.Object)
	resolve := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		name := requireArg(rt, call)
		if rt.packages[name] != nil || IsCoreModule(name) {
			return vm.ToValue(name)
		}
		f, ok := resolveCommonJS(dir, name)
		if !ok {
			panic(rt.moduleNotFound(name, mod))
		}
		return vm.ToValue(f)
	}).(*goja.Object)
	resolve.Set("paths", func(call goja.FunctionCall) goja.Value {
		name := requireArg(rt, call)
		if IsCoreModule(name) {
			return goja.Null()
		}
		var paths []any
		for _, p := range nodeModulesPaths(dir) {
			paths = append(paths, p)
		}
		return vm.ToValue(paths)
	})
	req.Set("resolve", resolve)
	req.Set("cache", c.cache)
	if c.mainModule != nil {
		req.Set("main", c.mainModule)
	} else {
		req.Set("main", goja.Undefined())
	}
	return req
}

// requireByRule is a require from directory dir: a built-in package, a CommonJS module, or
// (fallback, when not nil) a name the module rule leaves to 0.1.0's loader.
func (rt *Runtime) requireByRule(dir, name string, parent *goja.Object, fallback func(name string) goja.Value) goja.Value {
	if v := rt.corePackage(name); v != nil {
		return v
	}
	if fallback != nil && !isCommonJSName(dir, name) {
		return fallback(name)
	}
	return rt.requireCommonJS(dir, name, parent)
}

// requireArg is require's one argument, which must be a non-empty string (Node's TypeError).
func requireArg(rt *Runtime, call goja.FunctionCall) string {
	v := call.Argument(0)
	s, ok := v.Export().(string)
	if !ok {
		panic(rt.typeError("ERR_INVALID_ARG_TYPE", fmt.Sprintf("The \"id\" argument must be of type string. Received %s", describeReceived(v))))
	}
	if s == "" {
		panic(rt.typeError("ERR_INVALID_ARG_VALUE", "The argument 'id' must be a non-empty string. Received ''"))
	}
	return s
}

func describeReceived(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if _, ok := v.(*goja.Object); ok {
		return "an instance of " + constructorName(v.(*goja.Object), "Object")
	}
	return fmt.Sprintf("type %s (%s)", typeOf(v), v.String())
}

func typeOf(v goja.Value) string {
	switch v.Export().(type) {
	case bool:
		return "boolean"
	case int64, float64:
		return "number"
	}
	return "string"
}

// typeError makes a TypeError with Node's code property.
func (rt *Runtime) typeError(code, msg string) *goja.Object {
	e := rt.VM.NewTypeError(msg)
	e.Set("code", code)
	return e
}

// corePackage returns the built-in package name or node:name names, or nil. A Node core name
// earlynode has no package for throws the error that says so.
func (rt *Runtime) corePackage(name string) goja.Value {
	if v := rt.Package(name); v != nil {
		return v
	}
	bare, prefixed := strings.CutPrefix(name, "node:")
	if prefixed {
		if v := rt.Package(bare); v != nil {
			return v
		}
	}
	if prefixed || IsCoreModule(name) {
		if !coreModules[bare] {
			e := rt.NewError(fmt.Sprintf("No such built-in module: %s", name))
			e.Set("code", "ERR_UNKNOWN_BUILTIN_MODULE")
			panic(e)
		}
		e := rt.NewError(fmt.Sprintf("earlynode does not provide Node's core module %q (yet)", bare))
		e.Set("code", "ERR_UNKNOWN_BUILTIN_MODULE")
		panic(e)
	}
	return nil
}

// moduleNotFound is Node's "Cannot find module" error, with the require stack, code
// MODULE_NOT_FOUND and a last line quoting earlynode's module rule.
func (rt *Runtime) moduleNotFound(name string, from *goja.Object) *goja.Object {
	var stack []any
	for m := from; m != nil; {
		if f := m.Get("filename"); f != nil && !goja.IsUndefined(f) {
			stack = append(stack, f.String())
		}
		p, _ := m.Get("parent").(*goja.Object)
		m = p
	}
	msg := fmt.Sprintf("Cannot find module '%s'", name)
	if len(stack) > 0 {
		msg += "\nRequire stack:"
		for _, s := range stack {
			msg += "\n- " + s.(string)
		}
	}
	if !isRelative(name) && !filepath.IsAbs(name) {
		// a bare name: perhaps meant as a 0.1.0 module path
		msg += "\n(earlynode looked for a package in node_modules: inside a CommonJS module every name resolves as in Node; " +
			"in a Node 0.1.0 program " + ModuleRule + ")"
	}
	e := rt.NewError(msg)
	e.Set("code", "MODULE_NOT_FOUND")
	e.Set("requireStack", stack)
	e.DefineDataProperty("moduleRule", rt.VM.ToValue(ModuleRule), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return e
}

// requireCommonJS loads name as a CommonJS module from directory dir (once; later requires get
// the cached module's exports). It runs inside a JavaScript call: errors are thrown.
func (rt *Runtime) requireCommonJS(dir, name string, parent *goja.Object) goja.Value {
	c := rt.cjs()
	key := [2]string{dir, name}
	if file, ok := c.resolved[key]; ok {
		if m, ok := c.cache.Get(file).(*goja.Object); ok {
			return m.Get("exports")
		}
		delete(c.resolved, key) // taken out of require.cache: resolve again
	}
	file, ok := resolveCommonJS(dir, name)
	if !ok {
		panic(rt.moduleNotFound(name, parent))
	}
	c.resolved[key] = file
	if m, ok := c.cache.Get(file).(*goja.Object); ok {
		return m.Get("exports")
	}
	mod := rt.newModuleObject(file, file, rt.VM.NewObject(), parent)
	c.cache.Set(file, mod)
	if err := rt.loadCommonJS(mod, file); err != nil {
		c.cache.Delete(file)
		if tv, ok := err.(*throwValue); ok {
			panic(tv.v)
		}
		panic(err)
	}
	mod.Set("loaded", true)
	return mod.Get("exports")
}

// legacyModuleObjects makes the `module` object and the require function of a 0.1.0 module (or
// the main script): module.exports is its exports (the global object for the main script);
// require applies the module rule, leaving 0.1.0 names to rt.require.
func (rt *Runtime) legacyModuleObjects(m *module, dir string) (*goja.Object, *goja.Object) {
	id := m.filename
	if m.parent == nil {
		id = "."
	}
	mod := rt.newModuleObject(id, m.filename, m.exports, nil)
	if m.parent == nil && !isURL(m.filename) {
		rt.cjs().mainModule = mod
		rt.cjs().cache.Set(m.filename, mod)
	}
	req := rt.makeRequire(dir, mod, func(name string) goja.Value { return rt.require(m, name, false) })
	mod.Set("require", req)
	return mod, req
}

// loadCommonJS reads, compiles and runs one module file (.json files are parsed).
func (rt *Runtime) loadCommonJS(mod *goja.Object, file string) error {
	if strings.HasSuffix(file, ".mjs") {
		e := rt.NewError(fmt.Sprintf("require() of ES Module %s not supported: earlynode does not provide ES modules (yet)", file))
		e.Set("code", "ERR_REQUIRE_ESM")
		return rt.throwable(e)
	}
	b, err := readModuleFile(file)
	if err != nil {
		e := rt.NewError(fmt.Sprintf("cannot load module %s: %v", file, unwrapPathError(err)))
		return rt.throwable(e)
	}
	src := strings.TrimPrefix(string(b), "\uFEFF") // Node strips a byte order mark
	if strings.HasSuffix(file, ".json") {
		b = []byte(src)
		var probe any
		if jerr := json.Unmarshal(b, &probe); jerr != nil {
			return rt.throwable(rt.syntaxError(fmt.Sprintf("%s: %v", file, jerr)))
		}
		v, jerr := rt.parseJSON(src)
		if jerr != nil {
			return jerr
		}
		mod.Set("exports", v)
		return nil
	}
	if strings.HasPrefix(src, "#!") {
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			src = "//" + src[2:]
		} else {
			src = ""
		}
	}
	rt.sources[file] = src
	prog, err := compileCommonJS(file, src)
	if err != nil {
		msg := err.Error()
		if se, ok := err.(*SyntaxError); ok {
			col := se.Col
			if se.Line == 1 && col > len(cjsHead) {
				col -= len(cjsHead)
			}
			msg = fmt.Sprintf("%s (%s:%d:%d)", se.Message, se.File, se.Line, col)
		}
		return rt.throwable(rt.syntaxError(msg))
	}
	fnv, err := rt.VM.RunProgram(prog)
	if err != nil {
		return err
	}
	fn, _ := goja.AssertFunction(fnv)
	dir := filepath.Dir(file)
	req := rt.makeRequire(dir, mod, nil)
	mod.Set("require", req)
	exports := mod.Get("exports")
	_, err = fn(exports, exports, req, mod, rt.VM.ToValue(file), rt.VM.ToValue(dir))
	return err
}

// throwable turns a JavaScript value into an error a native can panic with.
func (rt *Runtime) throwable(v *goja.Object) error {
	return &throwValue{v: v}
}

type throwValue struct{ v *goja.Object }

func (t *throwValue) Error() string { return t.v.String() }

func (rt *Runtime) syntaxError(msg string) *goja.Object {
	ctor, _ := goja.AssertConstructor(rt.VM.Get("SyntaxError"))
	o, err := ctor(nil, rt.VM.ToValue(msg))
	if err != nil {
		return rt.NewError(msg)
	}
	return o
}

func (rt *Runtime) parseJSON(src string) (goja.Value, error) {
	js, _ := rt.VM.Get("JSON").(*goja.Object)
	parse, _ := goja.AssertFunction(js.Get("parse"))
	return parse(js, rt.VM.ToValue(src))
}

// compileCommonJS compiles a module inside its CommonJS wrapper; syntax errors come back as
// *SyntaxError with the file's own line and column.
func compileCommonJS(filename, src string) (*goja.Program, error) {
	return compileWrapped(filename, cjsHead+src+cjsTail)
}

// installModulePackage registers require("module"): builtinModules, isBuiltin and createRequire.
func (rt *Runtime) installModulePackage() {
	rt.RegisterPackage("module", func(rt *Runtime) goja.Value {
		vm := rt.VM
		o := vm.NewObject()
		var names []any
		for _, n := range sortedCoreModules() {
			names = append(names, n)
		}
		o.Set("builtinModules", names)
		o.Set("isBuiltin", func(c goja.FunctionCall) goja.Value {
			return vm.ToValue(IsCoreModule(c.Argument(0).String()))
		})
		o.Set("createRequire", func(c goja.FunctionCall) goja.Value {
			filename := strings.TrimPrefix(c.Argument(0).String(), "file://")
			if !filepath.IsAbs(filename) {
				e := vm.NewTypeError(fmt.Sprintf("The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received %s", c.Argument(0).String()))
				e.Set("code", "ERR_INVALID_ARG_VALUE")
				panic(e)
			}
			dir := filename
			if !strings.HasSuffix(filename, "/") {
				dir = filepath.Dir(filename)
			}
			mod := rt.newModuleObject(filename, filename, vm.NewObject(), nil)
			return rt.makeRequire(dir, mod, nil)
		})
		return o
	})
}

func sortedCoreModules() []string {
	names := make([]string, 0, len(coreModules))
	for n := range coreModules {
		if n != "test" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}
