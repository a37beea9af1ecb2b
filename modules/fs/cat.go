//go:build unix

package fs

import (
	"errors"
	"strings"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// installCat adds node.fs.cat and, when node.http has not defined it already, node.cat.
func (m *module) installCat() {
	m.obj.Set("cat", m.cat)
	if v := m.rt.Node().Get("cat"); absent(v) {
		m.rt.Node().Set("cat", m.nodeCat)
	}
}

// cat is node.fs.cat(path, encoding): a promise of the whole file, as a string ("utf8", the
// default) or an array of integers ("raw" or node.RAW).
func (m *module) cat(c goja.FunctionCall) goja.Value {
	args := describe(c.Argument(0))
	path, ok := pathArg(c.Argument(0))
	if !ok {
		return m.failed(&CallError{Call: "cat", Args: args, Reason: "the path must be a string"})
	}
	enc := runtime.UTF8
	if e, err := encodingArg(c.Argument(1), runtime.UTF8); err == nil && (e == runtime.Raw || e == runtime.BufferEncoding) {
		enc = e // as in 0.1.0, every other name means UTF-8
	}
	return m.request(func() (func() []goja.Value, error) {
		limit := int64(runtime.MaxStringFile)
		if enc != runtime.UTF8 {
			limit = runtime.MaxBufferFile
		}
		data, err := runtime.ReadWholeFile(path, limit)
		if err != nil {
			ce := &CallError{Call: "cat", Args: args, Path: path, Errno: errnoOf(err)}
			var big *runtime.FileTooLargeError
			if errors.As(err, &big) {
				ce.Reason = big.Error()
			}
			return nil, ce
		}
		return func() []goja.Value { return []goja.Value{m.valueOf(data, enc)} }, nil
	})
}

// nodeCat is node.cat(location, encoding): http:// locations go to node.http.cat (looked up at
// call time, so the order in which modules install does not matter), the rest to node.fs.cat.
func (m *module) nodeCat(c goja.FunctionCall) goja.Value {
	loc := c.Argument(0)
	if s, ok := loc.Export().(string); ok && strings.HasPrefix(s, "http://") {
		if h, ok := m.rt.Node().Get("http").(*goja.Object); ok {
			if fn, ok := goja.AssertFunction(h.Get("cat")); ok {
				v, err := fn(h, c.Arguments...)
				if err != nil {
					panic(err)
				}
				return v
			}
		}
		return m.failed(&CallError{Call: "cat", Args: quote(s), Reason: "node.http.cat is not available"})
	}
	return m.cat(c)
}
