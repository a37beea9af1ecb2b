// Package globals adds Node 20's everyday globals beside 0.1.0's: global, setImmediate and
// clearImmediate, queueMicrotask, structuredClone, atob and btoa, TextEncoder and TextDecoder,
// URL and URLSearchParams, the rest of console (dir, time, count, assert, table, trace, group)
// and the timers and timers/promises modules. Everything but `global` is made on first use.
package globals

import (
	_ "embed"
	"encoding/base64"
	"math"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"

	"earlynode/runtime"
	"earlynode/runtime/nodecodec"
)

//go:embed globals.js
var globalsJS string

// lazyGlobals are the globals made (all together) the first time one of them is used.
var lazyGlobals = []string{"setImmediate", "clearImmediate", "queueMicrotask", "structuredClone",
	"atob", "btoa", "TextEncoder", "TextDecoder"}

// consoleMethods are the console methods 0.1.0's console lacks, made on first use.
var consoleMethods = []string{"dir", "dirxml", "time", "timeEnd", "timeLog", "count", "countReset",
	"assert", "table", "trace", "group", "groupCollapsed", "groupEnd"}

// Install defines the globals and registers the timers modules.
func Install(rt *runtime.Runtime) {
	g := rt.VM.GlobalObject()
	g.Set("global", g)
	var exports *goja.Object
	load := func() *goja.Object {
		if exports == nil {
			exports = loadGlue(rt)
		}
		return exports
	}
	for _, name := range lazyGlobals {
		name := name
		rt.Lazy(g, name, func() goja.Value { return load().Get(name) })
	}
	// URL and URLSearchParams: made together on first use, apart from the glue.
	var url *goja.Object
	for _, name := range []string{"URL", "URLSearchParams"} {
		name := name
		rt.Lazy(g, name, func() goja.Value {
			if url == nil {
				url = urlClasses(rt)
			}
			return url.Get(name)
		})
	}
	if console, ok := g.Get("console").(*goja.Object); ok {
		// The methods are added when a script first names console; each forwards to the glue's
		// (one function per name costs less than a lazy property).
		rt.Lazy(g, "console", func() goja.Value {
			addConsoleMethods(rt, console, load)
			return console
		})
	}
	rt.RegisterPackage("timers", func(rt *runtime.Runtime) goja.Value { return load().Get("timers") })
	rt.RegisterPackage("timers/promises", func(rt *runtime.Runtime) goja.Value { return load().Get("timersPromises") })
}

// addConsoleMethods adds console's methods beyond 0.1.0's, forwarding to the glue.
func addConsoleMethods(rt *runtime.Runtime, console *goja.Object, load func() *goja.Object) {
	for _, name := range consoleMethods {
		name := name
		console.Set(name, func(c goja.FunctionCall) goja.Value {
			fn, _ := goja.AssertFunction(load().Get("console").ToObject(rt.VM).Get(name))
			v, err := fn(c.This, c.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		})
	}
}

func loadGlue(rt *runtime.Runtime) *goja.Object {
	vm := rt.VM
	n := &natives{rt: rt, start: time.Now()}
	return rt.LoadGlue("core/globals/globals.js", globalsJS, runtime.Natives{
		"format":      n.format,
		"inspect":     n.inspect,
		"write":       n.write,
		"post":        n.post,
		"throwSoon":   n.throwSoon,
		"now":         n.now,
		"atob":        n.atob,
		"btoa":        n.btoa,
		"encodeUTF8":  n.encodeUTF8,
		"decodeUTF8":  n.decodeUTF8,
		"utf8Tail":    n.utf8Tail,
		"pid":         vm.ToValue(os.Getpid()),
		"setTimeout":  vm.Get("setTimeout"),
		"clearTimer":  vm.Get("clearTimeout"),
		"setInterval": vm.Get("setInterval"),
	}).Exports
}

type natives struct {
	rt    *runtime.Runtime
	start time.Time
}

// urlClasses returns the object holding URL and URLSearchParams, goja_nodejs's classes (the
// url module takes the global ones, so require("url").URL is the same class).
func urlClasses(rt *runtime.Runtime) *goja.Object {
	vm := rt.VM
	mod := vm.NewObject()
	mod.Set("exports", vm.NewObject())
	nodeurl.Require(vm, mod)
	return mod.Get("exports").ToObject(vm)
}

// format is console.log's formatting of its arguments.
func (n *natives) format(c goja.FunctionCall) goja.Value {
	return n.rt.VM.ToValue(n.rt.Format(c.Arguments))
}

// inspect(value, depth) is util.inspect's rendering; depth null or Infinity shows everything.
func (n *natives) inspect(c goja.FunctionCall) goja.Value {
	depth := 2
	if d := c.Argument(1); goja.IsNull(d) {
		depth = math.MaxInt32
	} else if !goja.IsUndefined(d) {
		f := d.ToFloat()
		if math.IsInf(f, 1) || f > math.MaxInt32 {
			depth = math.MaxInt32
		} else if f >= 0 {
			depth = int(f)
		}
	}
	return n.rt.VM.ToValue(runtime.Inspect(c.Argument(0), runtime.InspectOptions{Depth: depth}))
}

// write(fd, text) writes to stdout (1) or stderr (2) through the ordered writers.
func (n *natives) write(c goja.FunctionCall) goja.Value {
	s := n.rt.Out.Stdout
	if c.Argument(0).ToInteger() == 2 {
		s = n.rt.Out.Stderr
	}
	s.WriteString(c.Argument(1).String())
	return goja.Undefined()
}

// post(fn) runs fn on a later turn of the loop (setImmediate); what it throws is uncaught.
func (n *natives) post(c goja.FunctionCall) goja.Value {
	fn, ok := goja.AssertFunction(c.Argument(0))
	if !ok {
		return goja.Undefined()
	}
	n.rt.Post(func() error {
		_, err := n.rt.Call(fn, goja.Undefined())
		return err
	})
	return goja.Undefined()
}

// throwSoon makes its argument an uncaught exception once the current callback has run.
func (n *natives) throwSoon(c goja.FunctionCall) goja.Value {
	n.rt.ThrowSoon(c.Argument(0))
	return goja.Undefined()
}

// now is milliseconds since the globals were made, with sub-millisecond precision.
func (n *natives) now(c goja.FunctionCall) goja.Value {
	return n.rt.VM.ToValue(float64(time.Since(n.start).Nanoseconds()) / 1e6)
}

// domError throws a DOMException-like error: name and message, as Node's atob/btoa do.
func (n *natives) domError(name, msg string) *goja.Object {
	e := n.rt.NewError(msg)
	e.Set("name", name)
	return e
}

// btoa encodes a string of code points up to 0xFF as base64.
func (n *natives) btoa(c goja.FunctionCall) goja.Value {
	if len(c.Arguments) == 0 {
		panic(n.rt.VM.NewTypeError("The \"data\" argument must be specified"))
	}
	s := c.Argument(0).String()
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xFF {
			panic(n.domError("InvalidCharacterError", "Invalid character"))
		}
		b = append(b, byte(r))
	}
	return n.rt.VM.ToValue(base64.StdEncoding.EncodeToString(b))
}

// atob decodes forgiving base64 (ASCII whitespace ignored, padding optional) into a string of
// code points 0..0xFF, failing as Node does: "Invalid character" for a character outside the
// alphabet or a misplaced "=", "not correctly encoded" for a length that cannot be base64.
func (n *natives) atob(c goja.FunctionCall) goja.Value {
	if len(c.Arguments) == 0 {
		panic(n.rt.VM.NewTypeError("The \"data\" argument must be specified"))
	}
	in := c.Argument(0).String()
	data := make([]byte, 0, len(in))
	equals := 0
	for _, r := range in {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r':
			continue
		case r == '=':
			equals++
			if equals > 2 {
				panic(n.domError("InvalidCharacterError", "Invalid character"))
			}
		case r < 0x80 && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '/'):
			if equals > 0 {
				panic(n.domError("InvalidCharacterError", "Invalid character"))
			}
			data = append(data, byte(r))
		default:
			panic(n.domError("InvalidCharacterError", "Invalid character"))
		}
	}
	total := len(data) + equals
	if total%4 != 0 && equals > 0 {
		panic(n.domError("InvalidCharacterError", "Invalid character"))
	}
	if len(data)%4 == 1 {
		panic(n.domError("InvalidCharacterError", "The string to be decoded is not correctly encoded."))
	}
	b, err := base64.RawStdEncoding.DecodeString(string(data))
	if err != nil {
		b = decodeLoose(data) // cannot happen for checked input; kept as the plain algorithm
	}
	r := make([]rune, len(b))
	for i, x := range b {
		r[i] = rune(x)
	}
	return n.rt.VM.ToValue(string(r))
}

// decodeLoose decodes base64 characters (already checked) ignoring the unused trailing bits.
func decodeLoose(data []byte) []byte {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var out []byte
	var acc, bits uint
	for _, ch := range data {
		acc = acc<<6 | uint(strings.IndexByte(alphabet, ch))
		bits += 6
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	return out
}

// encodeUTF8(string) returns an ArrayBuffer of its UTF-8 (lone surrogates as U+FFFD).
func (n *natives) encodeUTF8(c goja.FunctionCall) goja.Value {
	s := ""
	if a := c.Argument(0); !goja.IsUndefined(a) {
		s = a.String()
	}
	return n.rt.VM.ToValue(n.rt.VM.NewArrayBuffer([]byte(strings.ToValidUTF8(s, "\uFFFD"))))
}

// decodeUTF8(bytes, fatal) decodes UTF-8: invalid bytes become U+FFFD, or with fatal throw
// Node's TypeError.
func (n *natives) decodeUTF8(c goja.FunctionCall) goja.Value {
	b, err := n.rt.BytesOf(c.Argument(0), runtime.BufferEncoding)
	if err != nil {
		b = nil
	}
	if c.Argument(1).ToBoolean() && !utf8.Valid(b) {
		e := n.rt.VM.NewTypeError("The encoded data was not valid for encoding utf-8")
		e.Set("code", "ERR_ENCODING_INVALID_ENCODED_DATA")
		panic(e)
	}
	return n.rt.VM.ToValue(nodecodec.DecodeUTF8(b))
}

// utf8Tail(bytes) is how many bytes at the end start a character that is not complete yet.
func (n *natives) utf8Tail(c goja.FunctionCall) goja.Value {
	b, err := n.rt.BytesOf(c.Argument(0), runtime.BufferEncoding)
	if err != nil {
		return n.rt.VM.ToValue(0)
	}
	for i := 1; i <= 3 && i <= len(b); i++ {
		x := b[len(b)-i]
		if x&0xC0 == 0x80 {
			continue // a continuation byte: look further back
		}
		need := 0
		switch {
		case x&0xE0 == 0xC0:
			need = 2
		case x&0xF0 == 0xE0:
			need = 3
		case x&0xF8 == 0xF0:
			need = 4
		}
		if need > i {
			return n.rt.VM.ToValue(i)
		}
		break
	}
	return n.rt.VM.ToValue(0)
}
