package runtime

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// Format renders console.log's arguments: a first string argument may hold %s %d %i %f %j %o
// %O %%; other arguments are inspected (strings bare at the top level, objects as
// `{ a: 1, b: 'x' }`), separated by spaces.
func (rt *Runtime) Format(args []goja.Value) string {
	var b strings.Builder
	rest := args
	if len(args) > 0 {
		if s, ok := args[0].Export().(string); ok {
			rest = args[1:]
			for i := 0; i < len(s); i++ {
				ch := s[i]
				if ch != '%' || i+1 == len(s) {
					b.WriteByte(ch)
					continue
				}
				verb := s[i+1]
				if verb == '%' {
					b.WriteByte('%')
					i++
					continue
				}
				if len(rest) == 0 || !strings.ContainsRune("sdifjoO", rune(verb)) {
					b.WriteByte(ch)
					continue
				}
				v := rest[0]
				rest = rest[1:]
				i++
				switch verb {
				case 's':
					if _, isObj := v.(*goja.Object); isObj {
						b.WriteString(rt.inspect(v, 1, nil))
					} else {
						b.WriteString(v.String())
					}
				case 'd', 'i':
					f := v.ToFloat()
					if verb == 'i' {
						f = math.Trunc(f)
					}
					b.WriteString(rt.VM.ToValue(f).String())
				case 'f':
					b.WriteString(v.ToNumber().String())
				case 'j':
					b.WriteString(rt.JSONString(v))
				default:
					b.WriteString(rt.inspect(v, 2, nil))
				}
			}
		}
	}
	for i, v := range rest {
		if i > 0 || len(rest) < len(args) {
			b.WriteByte(' ')
		}
		if s, ok := v.Export().(string); ok {
			b.WriteString(s)
		} else {
			b.WriteString(rt.inspect(v, 2, nil))
		}
	}
	return b.String()
}

// inspect renders v the way later Node's util.inspect does for common values.
func (rt *Runtime) inspect(v goja.Value, depth int, seen []*goja.Object) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	o, ok := v.(*goja.Object)
	if !ok {
		if s, isStr := v.Export().(string); isStr {
			return "'" + strings.ReplaceAll(s, "'", "\\'") + "'"
		}
		return v.String()
	}
	for _, s := range seen {
		if s == o {
			return "[Circular]"
		}
	}
	if _, isFn := goja.AssertFunction(o); isFn {
		name := o.Get("name").String()
		if name == "" {
			return "[Function (anonymous)]"
		}
		return "[Function: " + name + "]"
	}
	switch o.ClassName() {
	case "Error":
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			return st.String()
		}
		return o.String()
	case "Date", "RegExp":
		return o.String()
	}
	if b, isBytes := o.Export().([]byte); isBytes {
		var sb strings.Builder
		sb.WriteString("<Buffer")
		for i, c := range b {
			if i == 50 {
				sb.WriteString(" ... " + strconv.Itoa(len(b)-50) + " more bytes")
				break
			}
			sb.WriteString(" " + strconv.FormatInt(int64(c)+0x100, 16)[1:])
		}
		return sb.String() + ">"
	}
	seen = append(seen, o)
	if o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		if n == 0 {
			return "[]"
		}
		if depth < 0 {
			return "[Array]"
		}
		parts := make([]string, 0, n)
		for i := 0; i < n && i < 100; i++ {
			parts = append(parts, rt.inspect(o.Get(strconv.Itoa(i)), depth-1, seen))
		}
		if n > 100 {
			parts = append(parts, "... "+strconv.Itoa(n-100)+" more items")
		}
		return "[ " + strings.Join(parts, ", ") + " ]"
	}
	keys := o.Keys()
	if len(keys) == 0 {
		return "{}"
	}
	if depth < 0 {
		return "[Object]"
	}
	if o.ClassName() == "Map" || o.ClassName() == "Set" {
		sort.Strings(keys)
	}
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		name := k
		if !isIdentifier(k) {
			name = "'" + k + "'"
		}
		parts = append(parts, name+": "+rt.inspect(o.Get(k), depth-1, seen))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r == '$' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9') {
			continue
		}
		return false
	}
	return true
}
