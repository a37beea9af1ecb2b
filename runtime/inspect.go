package runtime

import (
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

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
	// Runtime, when set, lets Inspect list the entries of Maps and Sets (util.inspect's
	// layout only).
	Runtime *goja.Runtime
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
	opts     InspectOptions
	seen     []*goja.Object // the objects being formatted, outermost first
	current  int            // depth of the most recently formatted object (util.inspect's currentDepth)
	circular map[*goja.Object]int
	key      string // the property name the value being formatted is found under
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
	if s, ok := v.(*goja.Symbol); ok {
		return in.style(symbolText(s), "symbol"), true
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
	key := in.key
	in.key = ""
	if str, ok := v.(goja.String); ok && !in.opts.Console {
		return in.stringText(str.String(), indent)
	}
	if s, ok := in.primitive(v); ok {
		return s
	}
	o := v.(*goja.Object)
	for _, s := range in.seen {
		if s == o {
			if in.opts.Console {
				return "[Circular]"
			}
			if in.circular == nil {
				in.circular = map[*goja.Object]int{}
			}
			n, ok := in.circular[o]
			if !ok {
				n = len(in.circular) + 1
				in.circular[o] = n
			}
			return in.style("[Circular *"+strconv.Itoa(n)+"]", "special")
		}
	}
	if fn, isFn := goja.AssertFunction(o); isFn && fn != nil {
		base := in.functionBase(o, key)
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
		if in.opts.Console {
			return in.style(o.String(), "date")
		}
		return in.style(isoDate(o), "date")
	case "RegExp":
		return in.style(o.String(), "regexp")
	}
	if b, isBytes := o.Export().([]byte); isBytes && (in.opts.Console || constructorName(o, "") == "Buffer") {
		return bufferText(b)
	}
	if !in.opts.Console {
		if s, ok := in.special(o, level, indent); ok {
			return s
		}
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
	if !in.opts.Console && len(o.Keys()) == 0 && len(in.symbolKeys(o)) == 0 &&
		(!isArray || o.Get("length").ToInteger() == 0) {
		// Empty is said before too deep is.
		if isArray {
			return "[]"
		}
		if prefix == "" {
			return "{}"
		}
		return prefix + " {}"
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
	return in.object(o, prefix, level, indent, isArray)
}

// bufferText is a Buffer as util.inspect shows it: <Buffer 68 69>, at most 50 bytes.
func bufferText(b []byte) string {
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

// isoDate is a Date as util.inspect shows it: its toISOString, or Invalid Date.
func isoDate(o *goja.Object) (s string) {
	defer func() {
		if recover() != nil {
			s = "Invalid Date"
		}
	}()
	if f, ok := goja.AssertFunction(o.Get("toISOString")); ok {
		if r, err := f(o); err == nil {
			return r.String()
		}
	}
	return "Invalid Date"
}

// functionBase is [Function: name], [class Name extends Base], [AsyncFunction: name], ...
// A native function whose name is Go's own takes the name of the property it is found under.
func (in *inspector) functionBase(o *goja.Object, key string) string {
	name := ""
	if n := o.Get("name"); n != nil && !goja.IsUndefined(n) {
		name = n.String()
	}
	if strings.ContainsAny(name, "./(*") {
		name = key
	}
	if !in.opts.Console {
		if src := o.String(); strings.HasPrefix(src, "class") && (len(src) == 5 || !isIdentByte(src[5])) {
			base := "[class " + name
			if name == "" {
				base = "[class (anonymous)"
			}
			if p := o.Prototype(); p != nil {
				if pn := p.Get("name"); pn != nil && pn.String() != "" {
					base += " extends " + pn.String()
				}
			}
			return base + "]"
		}
	}
	kind := "Function"
	if !in.opts.Console {
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			switch k := c.Get("name").String(); k {
			case "AsyncFunction", "GeneratorFunction", "AsyncGeneratorFunction":
				kind = k
			}
		}
	}
	if name == "" {
		return "[" + kind + " (anonymous)]"
	}
	return "[" + kind + ": " + name + "]"
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

var typedArrays = map[string]bool{"Uint8Array": true, "Uint8ClampedArray": true, "Uint16Array": true,
	"Uint32Array": true, "Int8Array": true, "Int16Array": true, "Int32Array": true, "Float32Array": true,
	"Float64Array": true, "BigInt64Array": true, "BigUint64Array": true}

// special formats the objects util.inspect shows in a form of their own: boxed primitives,
// promises, weak collections, ArrayBuffers, typed arrays, Maps and Sets.
func (in *inspector) special(o *goja.Object, level, indent int) (string, bool) {
	switch o.ClassName() {
	case "Number", "Boolean", "String", "BigInt", "Symbol":
		if vf, ok := goja.AssertFunction(o.Get("valueOf")); ok {
			if pv, err := vf(o); err == nil {
				if _, isObj := pv.(*goja.Object); !isObj {
					s, _ := in.primitive(pv)
					return in.style("["+o.ClassName()+": "+ansi.ReplaceAllString(s, "")+"]", strings.ToLower(o.ClassName())), true
				}
			}
		}
	}
	name := constructorName(o, "")
	switch x := o.Export().(type) {
	case *goja.Promise:
		var inner string
		switch x.State() {
		case goja.PromiseStatePending:
			inner = in.style("<pending>", "special")
		case goja.PromiseStateRejected:
			inner = in.style("<rejected>", "special") + " " + in.value(x.Result(), level+1, indent+2)
		default:
			inner = in.value(x.Result(), level+1, indent+2)
		}
		return name + " { " + inner + " }", true
	case goja.ArrayBuffer:
		b := x.Bytes()
		hex := make([]string, 0, min(len(b), 50))
		for i, c := range b {
			if i == 50 {
				break
			}
			hex = append(hex, strconv.FormatInt(int64(c)+0x100, 16)[1:])
		}
		more := ""
		if len(b) > 50 {
			more = " ... " + strconv.Itoa(len(b)-50) + " more bytes"
		}
		return name + " { [Uint8Contents]: <" + strings.Join(hex, " ") + more + ">, byteLength: " +
			in.style(strconv.Itoa(len(b)), "number") + " }", true
	}
	switch name {
	case "WeakMap", "WeakSet":
		return name + " { " + in.style("<items unknown>", "special") + " }", true
	}
	if typedArrays[name] || typedArrays[o.ClassName()] {
		n := int(o.Get("length").ToInteger())
		prefix := name + "(" + strconv.Itoa(n) + ")"
		if n == 0 {
			return prefix + " []", true
		}
		if level > in.opts.Depth {
			return in.style("["+name+"]", "special"), true
		}
		return in.object(o, prefix, level, indent, true), true
	}
	if isMap := name == "Map" || o.ClassName() == "Map"; in.opts.Runtime != nil && (isMap || name == "Set" || o.ClassName() == "Set") {
		size := o.Get("size").ToInteger()
		prefix := name + "(" + strconv.FormatInt(size, 10) + ")"
		if size == 0 && len(o.Keys()) == 0 {
			return prefix + " {}", true
		}
		if level > in.opts.Depth {
			return in.style("["+name+"]", "special"), true
		}
		return in.collection(o, prefix, level, indent, isMap), true
	}
	return "", false
}

// collection formats a Map's or a Set's entries (and own properties).
func (in *inspector) collection(o *goja.Object, base string, level, indent int, isMap bool) string {
	in.seen = append(in.seen, o)
	defer func() { in.seen = in.seen[:len(in.seen)-1] }()
	in.current = level
	var out []string
	vm := in.opts.Runtime
	if forEach, ok := goja.AssertFunction(o.Get("forEach")); ok {
		cb := vm.ToValue(func(c goja.FunctionCall) goja.Value {
			if isMap {
				k := in.value(c.Argument(1), level+1, indent+2)
				out = append(out, k+" => "+in.value(c.Argument(0), level+1, indent+2))
			} else {
				out = append(out, in.value(c.Argument(0), level+1, indent+2))
			}
			return goja.Undefined()
		})
		forEach(o, cb)
	}
	out = append(out, in.properties(o, o.Keys(), level, indent)...)
	return in.reduce(o, out, base, "{", "}", level, indent, nil)
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

// symbolKeys are o's own enumerable symbol-keyed properties (util.inspect's layout only).
func (in *inspector) symbolKeys(o *goja.Object) []*goja.Symbol {
	if in.opts.Console {
		return nil
	}
	return o.Symbols()
}

// properties formats the key: value pairs of keys, then of o's symbol keys.
func (in *inspector) properties(o *goja.Object, keys []string, level, indent int) []string {
	var out []string
	for _, k := range keys {
		name := k
		if !isIdentifier(k) {
			if in.opts.Console {
				name = "'" + k + "'"
			} else {
				name = in.style(quote(k), "string")
			}
		}
		in.key = k
		out = append(out, name+": "+in.value(o.Get(k), level+1, indent+2))
	}
	for _, sym := range in.symbolKeys(o) {
		out = append(out, "["+in.style(symbolText(sym), "symbol")+"]: "+in.value(o.GetSymbol(sym), level+1, indent+2))
	}
	return out
}

func (in *inspector) object(o *goja.Object, base string, level, indent int, isArray bool) string {
	in.seen = append(in.seen, o)
	defer func() { in.seen = in.seen[:len(in.seen)-1] }()
	in.current = level
	var out []string
	var numbers []bool // per array element: a number or BigInt (grouped columns align right)
	keys := o.Keys()
	if isArray {
		n := int(o.Get("length").ToInteger())
		shown := min(n, 100)
		holes := 0
		flush := func() {
			if holes > 0 {
				s := "<" + strconv.Itoa(holes) + " empty item"
				if holes > 1 {
					s += "s"
				}
				out = append(out, in.style(s+">", "undefined"))
				numbers = append(numbers, false)
				holes = 0
			}
		}
		for i := 0; i < shown; i++ {
			el := o.Get(strconv.Itoa(i))
			if el == nil && !in.opts.Console {
				holes++
				continue
			}
			flush()
			out = append(out, in.value(el, level+1, indent+2))
			if el != nil {
				_, isObj := el.(*goja.Object)
				t := el.ExportType()
				numbers = append(numbers, !isObj && t != nil && (t.Kind() == reflect.Int64 || t.Kind() == reflect.Float64 || t.Kind() == reflect.Ptr))
			} else {
				numbers = append(numbers, false)
			}
		}
		flush()
		if n > shown {
			out = append(out, "... "+strconv.Itoa(n-shown)+" more items")
		}
		var rest []string
		if !in.opts.Console && o.ClassName() == "Array" {
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
	elements := len(out)
	out = append(out, in.properties(o, keys, level, indent)...)
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
	if !isArray || elements != len(out) {
		numbers = nil
	}
	if isArray && elements == len(out) {
		return in.reduce(o, out, base, open, close, level, indent, numbers)
	}
	return in.reduce(o, out, base, open, close, level, indent, nil)
}

const breakLength = 128

// reduce lays out the formatted entries of o as util.inspect does: on one line when they fit
// (and the object is at most three levels above the innermost one just formatted), an array's
// many short entries in aligned columns, or one entry per line.
func (in *inspector) reduce(o *goja.Object, out []string, base, open, close string, level, indent int, numbers []bool) string {
	if n, ok := in.circular[o]; ok {
		ref := in.style("<ref *"+strconv.Itoa(n)+">", "special")
		if base == "" {
			base = ref
		} else {
			base = ref + " " + base
		}
	}
	entries := len(out)
	if numbers != nil && len(out) > 6 {
		out = in.group(out, indent, numbers)
	}
	head := ""
	if base != "" {
		head = base + " "
	}
	if in.current-level < 3 && entries == len(out) {
		start := len(out) + indent + len(open) + len(base) + 10
		total := len(out) + start
		fits := total+len(out) <= breakLength
		for _, s := range out {
			total += visibleLen(s)
		}
		if fits && total <= breakLength && !strings.Contains(base, "\n") {
			joined := strings.Join(out, ", ")
			if !strings.Contains(joined, "\n") {
				return head + open + " " + joined + " " + close
			}
		}
	}
	ind := "\n" + strings.Repeat(" ", indent)
	return head + open + ind + "  " + strings.Join(out, ","+ind+"  ") + ind + close
}

// group puts an array's short entries in columns, as util.inspect's groupArrayElements does.
func (in *inspector) group(out []string, indent int, numbers []bool) []string {
	outputLength := len(out)
	if len(numbers) < len(out) { // the "... more items" line
		outputLength--
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	totalLength, maxLength := 0, 0
	for i := 0; i < outputLength; i++ {
		l := visibleLen(out[i])
		dataLen[i] = l
		totalLength += l + separatorSpace
		maxLength = max(maxLength, l)
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+indent >= breakLength || !(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		return out
	}
	averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(out)))
	biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
	columns := min(
		int(math.Round(math.Sqrt(2.5*biasedMax*float64(outputLength))/biasedMax)),
		(breakLength-indent)/actualMax,
		3*4,
		15,
	)
	if columns <= 1 {
		return out
	}
	var maxLineLength []int
	for i := 0; i < columns; i++ {
		lineLength := 0
		for j := i; j < outputLength; j += columns {
			lineLength = max(lineLength, dataLen[j])
		}
		maxLineLength = append(maxLineLength, lineLength+separatorSpace)
	}
	padStart := true
	for _, isNum := range numbers {
		if !isNum {
			padStart = false
			break
		}
	}
	var tmp []string
	for i := 0; i < outputLength; i += columns {
		maxIdx := min(i+columns, outputLength)
		var sb strings.Builder
		j := i
		for ; j < maxIdx-1; j++ {
			cell := out[j] + ", "
			pad := strings.Repeat(" ", max(0, maxLineLength[j-i]-dataLen[j]-separatorSpace))
			if padStart {
				sb.WriteString(pad + cell)
			} else {
				sb.WriteString(cell + pad)
			}
		}
		if padStart {
			sb.WriteString(strings.Repeat(" ", max(0, maxLineLength[j-i]-separatorSpace-dataLen[j])) + out[j])
		} else {
			sb.WriteString(out[j])
		}
		tmp = append(tmp, sb.String())
	}
	if outputLength < len(out) {
		tmp = append(tmp, out[outputLength])
	}
	return tmp
}

// symbolText is Symbol(description).
func symbolText(s *goja.Symbol) string {
	d := s.String()
	if strings.HasPrefix(d, "Symbol(") {
		return d
	}
	return "Symbol(" + d + ")"
}

// Strings longer than this many UTF-16 units are cut (util.inspect's maxStringLength).
const maxStringLength = 10000

// stringText is a string as util.inspect shows it at the given indentation: quoted, cut after
// maxStringLength units, and when longer than 16 units and than the line, one quoted piece
// per line joined with " +".
func (in *inspector) stringText(s string, indent int) string {
	units := utf16.Encode([]rune(s))
	trailer := ""
	if len(units) > maxStringLength {
		rest := len(units) - maxStringLength
		s = string(utf16.Decode(units[:maxStringLength]))
		trailer = "... " + strconv.Itoa(rest) + " more character"
		if rest > 1 {
			trailer += "s"
		}
		units = units[:maxStringLength]
	}
	if len(units) > 16 && len(units) > breakLength-indent-4 {
		var parts []string
		for _, line := range strings.SplitAfter(s, "\n") {
			if line != "" {
				parts = append(parts, in.style(quote(line), "string"))
			}
		}
		return strings.Join(parts, " +\n"+strings.Repeat(" ", indent+2)) + trailer
	}
	return in.style(quote(s), "string") + trailer
}
