package runtime

import (
	"math"
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
						b.WriteString(Inspect(v, InspectOptions{Depth: 1, Console: true}))
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
					b.WriteString(Inspect(v, InspectOptions{Depth: 2, Console: true}))
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
			b.WriteString(Inspect(v, InspectOptions{Depth: 2, Console: true}))
		}
	}
	return b.String()
}
