//go:build unix

package fs

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// maxReadLength bounds one read's length, so that a typo cannot ask for terabytes of memory.
const maxReadLength = 1 << 30

// absent reports whether an optional argument was left out (undefined or null).
func absent(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}

// pathArg reads a path argument: a string (numbers are taken as their text, as 0.1.0's V8 did).
func pathArg(v goja.Value) (string, bool) {
	if absent(v) {
		return "", false
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() != "String" {
		return "", false
	}
	return v.String(), true
}

// intArg reads a non-negative integer (a length, a descriptor, a permission mode).
func intArg(v goja.Value) (int64, bool) {
	if absent(v) {
		return 0, false
	}
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f != math.Trunc(f) || f > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// positionArg reads a file position: absent means the current offset (-1).
func positionArg(v goja.Value) (int64, bool) {
	if absent(v) {
		return -1, true
	}
	return intArg(v)
}

// encodingArg reads an encoding given as 0.1.0's constants (node.UTF8, node.RAW, node.ASCII)
// or as a name ("utf8", "raw", "ascii", "buffer"); absent means def.
func encodingArg(v goja.Value, def runtime.Encoding) (runtime.Encoding, error) {
	if absent(v) {
		return def, nil
	}
	if n, ok := v.Export().(int64); ok {
		switch n {
		case jsASCII:
			return runtime.ASCII, nil
		case jsUTF8:
			return runtime.UTF8, nil
		case jsRAW:
			return runtime.Raw, nil
		}
		return def, fmt.Errorf("unknown encoding %d (use node.UTF8, node.RAW or node.ASCII)", n)
	}
	return runtime.ParseEncoding(v, def)
}

// describe renders an argument for a message: strings quoted, the rest as JavaScript prints them.
func describe(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if s, ok := v.Export().(string); ok {
		return quote(s)
	}
	s := v.String()
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return s
}

// octal renders a permission mode as 0644.
func octal(perm int64) string {
	return "0" + strconv.FormatInt(perm, 8)
}

// join joins the parts of an argument list for a message.
func join(parts ...string) string { return strings.Join(parts, ", ") }
