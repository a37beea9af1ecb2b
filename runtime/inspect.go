package runtime

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// InspectOptions choose how Inspect renders a value.
type InspectOptions struct {
	// Depth is how many levels of nesting are shown below the top value (util.inspect's
	// depth); objects and arrays deeper down are shown as [Object] (or [ClassName]) and
	// [Array].
	Depth int
	// Colors adds util.inspect's ANSI colour styles.
	Colors bool
	// Console is the layout console.log has always had in this runtime, older than the
	// util.inspect one: everything on one line; strings in single quotes with only ' escaped,
	// keys that are not identifiers in single quotes as they are; no class names; [Circular];
	// functions without their properties; an Error's stack, or else its message without
	// brackets; -0 as 0 and BigInts without their n; arrays without their other properties;
	// empty objects and arrays as {} and [] however deep. (Colors do not apply.)
	Console bool
}

// Inspect renders v the way Node's util.inspect(v, {depth, colors}) does for the values
// programs and the libraries log: primitives, arrays, plain and class objects, errors,
// functions, Buffers, Dates and RegExps, circular references, with util.inspect's default
// layout (compact 3, break length 128) and colour styles; or, with opts.Console, the layout
// of console.log.
func Inspect(v goja.Value, opts InspectOptions) string {
	in := &inspector{opts: opts}
	if opts.Console {
		in.opts.Colors = false
	}
	return in.value(v, 0, 0)
}

type inspector struct {
	opts    InspectOptions
	seen    []*goja.Object // the objects being formatted, outermost first
	current int            // depth of the most recently formatted object (util.inspect's currentDepth)
}

var styles = map[string][2]int{
	"special": {36, 39}, "number": {33, 39}, "bigint": {33, 39}, "boolean": {33, 39},
	"undefined": {90, 39}, "null": {1, 22}, "string": {32, 39}, "symbol": {32, 39},
	"date": {35, 39}, "regexp": {31, 39}, "module": {4, 24},
}

func (in *inspector) style(s, kind string) string {
	if !in.opts.Colors {
		return s
	}
	c := styles[kind]
	return "\x1b[" + strconv.Itoa(c[0]) + "m" + s + "\x1b[" + strconv.Itoa(c[1]) + "m"
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

func visibleLen(s string) int { return len([]rune(ansi.ReplaceAllString(s, ""))) }

// quote is util.inspect's string literal: single quotes unless the string holds one, escapes.
func quote(s string) string {
	q := "'"
	if strings.Contains(s, "'") {
		if !strings.Contains(s, "\"") {
			q = "\""
		} else if !strings.Contains(s, "`") {
			q = "`"
		}
	}
	var b strings.Builder
	b.WriteString(q)
	for _, r := range s {
		switch {
		case string(r) == q:
			b.WriteString("\\" + q)
		case r == '\n':
			b.WriteString("\\n")
		case r == '\t':
			b.WriteString("\\t")
		case r == '\r':
			b.WriteString("\\r")
		case r == '\b':
			b.WriteString("\\b")
		case r == '\f':
			b.WriteString("\\f")
		case r == '\v':
			b.WriteString("\\v")
		case r == '\\':
			b.WriteString("\\\\")
		case r < 0x20 || r == 0x7f:
			b.WriteString("\\x" + strings.ToUpper(strconv.FormatInt(int64(r)+0x100, 16)[1:]))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(q)
	return b.String()
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

func (in *inspector) primitive(v goja.Value) (string, bool) {
	switch {
	case v == nil || goja.IsUndefined(v):
		return in.style("undefined", "undefined"), true
	case goja.IsNull(v):
		return in.style("null", "null"), true
	}
	if _, isObj := v.(*goja.Object); isObj {
		return "", false
	}
	switch x := v.Export().(type) {
	case string:
		if in.opts.Console {
			return "'" + strings.ReplaceAll(x, "'", "\\'") + "'", true
		}
		return in.style(quote(x), "string"), true
	case bool:
		return in.style(v.String(), "boolean"), true
	case int64:
		return in.style(v.String(), "number"), true
	case float64:
		s := v.String()
		if x == 0 && math.Signbit(x) && !in.opts.Console {
			s = "-0"
		}
		return in.style(s, "number"), true
	}
	if s, ok := v.(*goja.Symbol); ok {
		return in.style(s.String(), "symbol"), true
	}
	if in.opts.Console {
		return v.String(), true
	}
	return in.style(v.String()+"n", "bigint"), true
}

// value formats v found at the given nesting level with indent spaces of indentation.
func (in *inspector) value(v goja.Value, level, indent int) string {
	if s, ok := in.primitive(v); ok {
		return s
	}
	o := v.(*goja.Object)
	for _, s := range in.seen {
		if s == o {
			if in.opts.Console {
				return "[Circular]"
			}
			return in.style("[Circular *1]", "special")
		}
	}
	if fn, isFn := goja.AssertFunction(o); isFn && fn != nil {
		name := o.Get("name").String()
		base := "[Function: " + name + "]"
		if name == "" {
			base = "[Function (anonymous)]"
		}
		if in.opts.Console || len(o.Keys()) == 0 || level > in.opts.Depth {
			return in.style(base, "special")
		}
		return in.object(o, in.style(base, "special"), level, indent, false)
	}
	switch o.ClassName() {
	case "Error":
		stack := o.Get("stack")
		if stack != nil && !goja.IsUndefined(stack) {
			return stack.String()
		}
		if in.opts.Console {
			return o.String()
		}
		return "[" + o.String() + "]"
	case "Date":
		return in.style(o.String(), "date")
	case "RegExp":
		return in.style(o.String(), "regexp")
	}
	if b, isBytes := o.Export().([]byte); isBytes {
		var sb strings.Builder
		sb.WriteString("<Buffer")
		if len(b) == 0 {
			sb.WriteString(" ")
		}
		for i, c := range b {
			if i == 50 {
				sb.WriteString(" ... " + strconv.Itoa(len(b)-50) + " more bytes")
				break
			}
			sb.WriteString(" " + strconv.FormatInt(int64(c)+0x100, 16)[1:])
		}
		return sb.String() + ">"
	}
	isArray := o.ClassName() == "Array"
	if in.opts.Console {
		// Empty is said before too deep is.
		if isArray && o.Get("length").ToInteger() == 0 {
			return "[]"
		}
		if !isArray && len(o.Keys()) == 0 {
			return "{}"
		}
	}
	if level > in.opts.Depth {
		if isArray {
			return in.style("[Array]", "special")
		}
		if in.opts.Console {
			return "[Object]"
		}
		return in.style("["+constructorName(o, "Object")+"]", "special")
	}
	prefix := ""
	if !isArray && !in.opts.Console {
		if name := constructorName(o, ""); name != "Object" {
			if name == "" {
				prefix = "[Object: null prototype]"
			} else {
				prefix = name
			}
		}
	}
	return in.object(o, prefix, level, indent, isArray)
}

func constructorName(o *goja.Object, def string) string {
	proto := o.Prototype()
	if proto == nil {
		return def
	}
	if c, ok := proto.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			return n.String()
		}
	}
	return "Object"
}

func (in *inspector) object(o *goja.Object, base string, level, indent int, isArray bool) string {
	in.seen = append(in.seen, o)
	defer func() { in.seen = in.seen[:len(in.seen)-1] }()
	in.current = level
	var out []string
	keys := o.Keys()
	if isArray {
		n := int(o.Get("length").ToInteger())
		shown := min(n, 100)
		for i := 0; i < shown; i++ {
			out = append(out, in.value(o.Get(strconv.Itoa(i)), level+1, indent+2))
		}
		if n > shown {
			out = append(out, "... "+strconv.Itoa(n-shown)+" more items")
		}
		var rest []string
		if !in.opts.Console {
			for _, k := range keys {
				if _, err := strconv.Atoi(k); err != nil {
					rest = append(rest, k)
				}
			}
		}
		keys = rest
	} else if in.opts.Console && (o.ClassName() == "Map" || o.ClassName() == "Set") {
		sort.Strings(keys)
	}
	for _, k := range keys {
		name := k
		if !isIdentifier(k) {
			if in.opts.Console {
				name = "'" + k + "'"
			} else {
				name = in.style(quote(k), "string")
			}
		}
		out = append(out, name+": "+in.value(o.Get(k), level+1, indent+2))
	}
	open, close := "{", "}"
	if isArray {
		open, close = "[", "]"
	}
	if in.opts.Console {
		return open + " " + strings.Join(out, ", ") + " " + close
	}
	if len(out) == 0 {
		if base != "" {
			if isArray {
				return base + " []"
			}
			if strings.HasPrefix(base, "[Function") || strings.Contains(base, "\x1b[36m[Function") {
				return base
			}
			return base + " {}"
		}
		return open + close
	}
	head := ""
	if base != "" {
		head = base + " "
	}
	if in.current-level < 3 {
		start := len(out) + indent + len(open) + len(base) + 10
		total := start + len(out)
		for _, s := range out {
			total += visibleLen(s)
		}
		if total+len(out) <= 128 && !strings.Contains(base, "\n") {
			joined := strings.Join(out, ", ")
			if !strings.Contains(joined, "\n") {
				return head + open + " " + joined + " " + close
			}
		}
	}
	ind := "\n" + strings.Repeat(" ", indent)
	return head + open + ind + "  " + strings.Join(out, ","+ind+"  ") + ind + close
}
