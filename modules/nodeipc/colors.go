package nodeipc

import (
	"os"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// colorStyles are the styles of the `colors` package that node-ipc's documents use on strings
// ('text'.debug, .rainbow, ...): ANSI open and close codes.
var colorStyles = map[string][2]int{
	"reset": {0, 0}, "bold": {1, 22}, "dim": {2, 22}, "italic": {3, 23}, "underline": {4, 24},
	"inverse": {7, 27}, "hidden": {8, 28}, "strikethrough": {9, 29},
	"black": {30, 39}, "red": {31, 39}, "green": {32, 39}, "yellow": {33, 39}, "blue": {34, 39},
	"magenta": {35, 39}, "cyan": {36, 39}, "white": {37, 39}, "gray": {90, 39}, "grey": {90, 39},
	"brightRed": {91, 39}, "brightGreen": {92, 39}, "brightYellow": {93, 39}, "brightBlue": {94, 39},
	"brightMagenta": {95, 39}, "brightCyan": {96, 39}, "brightWhite": {97, 39},
	"bgBlack": {40, 49}, "bgRed": {41, 49}, "bgGreen": {42, 49}, "bgYellow": {43, 49},
	"bgBlue": {44, 49}, "bgMagenta": {45, 49}, "bgCyan": {46, 49}, "bgWhite": {47, 49},
	"blackBG": {40, 49}, "redBG": {41, 49}, "greenBG": {42, 49}, "yellowBG": {43, 49},
	"blueBG": {44, 49}, "magentaBG": {45, 49}, "cyanBG": {46, 49}, "whiteBG": {47, 49},
}

// colorTheme is the theme node-ipc set on `colors` while it depended on it (up to 8.x): the
// names its documents' examples use.
var colorTheme = map[string]string{
	"good": "green", "notice": "yellow", "warn": "red", "error": "redBG",
	"debug": "magenta", "variable": "cyan", "data": "blue",
}

// colorsEnabled is what `colors` decides from supports-color: FORCE_COLOR, else a terminal on
// stdout that is not "dumb".
func colorsEnabled() bool {
	if f, ok := os.LookupEnv("FORCE_COLOR"); ok {
		return f != "0" && f != "false"
	}
	st, err := os.Stdout.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	return os.Getenv("TERM") != "dumb"
}

func paint(s string, style string, on bool) string {
	c, ok := colorStyles[style]
	if !on || !ok {
		return s
	}
	return "\x1b[" + strconv.Itoa(c[0]) + "m" + s + "\x1b[" + strconv.Itoa(c[1]) + "m"
}

// sequence colours each non-space character in turn with the given styles.
func sequence(s string, seq []string, on bool, skipSpace bool) string {
	if !on {
		return s
	}
	var b strings.Builder
	i := 0
	for _, r := range s {
		if skipSpace && r == ' ' {
			b.WriteRune(r)
			continue
		}
		b.WriteString(paint(string(r), seq[i%len(seq)], true))
		i++
	}
	return b.String()
}

// installColors defines the colour getters on String.prototype, as requiring `colors` did for
// node-ipc's users. Without a colour terminal they return the string unchanged.
func installColors(rt *runtime.Runtime) {
	vm := rt.VM
	proto := vm.Get("String").ToObject(vm).Get("prototype").ToObject(vm)
	on := colorsEnabled()
	define := func(name string, fn func(string) string) {
		getter := vm.ToValue(func(c goja.FunctionCall) goja.Value {
			return vm.ToValue(fn(c.This.String()))
		})
		proto.DefineAccessorProperty(name, getter, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	for name := range colorStyles {
		style := name
		define(name, func(s string) string { return paint(s, style, on) })
	}
	for name, style := range colorTheme {
		style := style
		define(name, func(s string) string { return paint(s, style, on) })
	}
	define("rainbow", func(s string) string {
		return sequence(s, []string{"red", "yellow", "green", "blue", "magenta"}, on, true)
	})
	define("zebra", func(s string) string {
		if !on {
			return s
		}
		var b strings.Builder
		for i, r := range []rune(s) {
			if i%2 == 0 {
				b.WriteRune(r)
			} else {
				b.WriteString(paint(string(r), "inverse", true))
			}
		}
		return b.String()
	})
	define("america", func(s string) string {
		return sequence(s, []string{"red", "white", "blue"}, on, true)
	})
	define("random", func(s string) string {
		return sequence(s, []string{"underline", "inverse", "grey", "yellow", "red", "green", "blue", "white", "cyan", "magenta"}, on, true)
	})
	define("trap", func(s string) string { return s })
	define("zalgo", func(s string) string { return s })
}
