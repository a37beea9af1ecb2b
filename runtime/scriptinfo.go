package runtime

import "path/filepath"

// ScriptArgs returns the arguments given after the script (process.argv from index 2).
func (rt *Runtime) ScriptArgs() []string { return rt.opts.Argv }

// MainFilename returns the main script's absolute path; "" before it loads and for code that
// is not a file (--eval, standard input, the REPL).
func (rt *Runtime) MainFilename() string {
	if rt.main == nil {
		return ""
	}
	switch filepath.Base(rt.main.filename) {
	case "[eval]", "[stdin]", "[repl]":
		return ""
	}
	return rt.main.filename
}
