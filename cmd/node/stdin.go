package main

import (
	"fmt"
	"io"
	"os"

	"github.com/chzyer/readline"

	"earlynode/runtime"
)

// isTerminal reports whether r is a terminal (`node` then starts the REPL).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && readline.IsTerminal(int(f.Fd()))
}

// runStdin runs the script read whole from standard input, as `node -` (args are "-" and the
// script's arguments) and `node` with a pipe or file for input do. It is named [stdin].
func runStdin(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		args = args[1:]
	}
	src, err := io.ReadAll(io.LimitReader(stdin, runtime.MaxStringFile+1))
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "node: cannot read the script on standard input: %v\n", err)
		return 1
	case len(src) > runtime.MaxStringFile:
		fmt.Fprintf(stderr, "node: the script on standard input is longer than %d bytes\n", runtime.MaxStringFile)
		return 1
	}
	rt := newRuntime(args, stdout, stderr)
	return rt.RunSource("[stdin]", string(src))
}
