// Command node runs JavaScript programs written for Node.js 0.1.0, with binaryjs, socket-ipc,
// node-ipc and peerjs built in.
//
//	node [options] script.js [args...]
//	node [options] [- [args...]]   the script on standard input; without one, on a terminal: the REPL
//
// Option parsing stops at the script: everything after it reaches the script as ARGV.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/pflag"

	"earlynode/internal/bus/natslink"
	"earlynode/runtime"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == natslink.HelperArg {
		// This process is the NATS helper a clustered PeerServer or node.worker started.
		os.Exit(runNATSHelper(os.Args[2:]))
	}
	if os.Getenv("GOGC") == "" {
		// JavaScript programs allocate many short-lived objects; a larger heap target trades a
		// little memory for far less collection work.
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = "Usage: node [options] script.js [args...]\n       node [options] -e CODE [args...]\n" +
	"       node [options] [- [args...]]   (the script on standard input; on a terminal, the REPL)\n\nOptions:\n%s"

// run parses the command line, runs the program and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := pflag.NewFlagSet("node", pflag.ContinueOnError)
	flags.SetInterspersed(false)
	flags.SetOutput(stderr)
	eval := flags.StringP("eval", "e", "", "run `CODE` as the main script")
	check := flags.StringP("check", "c", "", "parse `FILE` without running it; report syntax errors")
	version := flags.BoolP("version", "v", false, "print the version and exit")
	help := flags.BoolP("help", "h", false, "print this help and exit")
	prof := addProfileFlags(flags)
	workers := flags.String("workers", "", "run `N` copies of the program sharing its ports (0 or auto: one per core)")
	flags.Usage = func() { fmt.Fprintf(stderr, usage, flags.FlagUsages()) }
	if err := flags.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			return 0
		}
		fmt.Fprintf(stderr, "node: %v (node --help lists the options)\n", err)
		return 9
	}
	rest := flags.Args()
	if flags.Changed("workers") && !*help && !*version && !flags.Changed("check") && (len(rest) > 0 && rest[0] != "-" || flags.Changed("eval")) {
		if status, handled := superviseWorkers(*workers, args, stdout, stderr); handled {
			return status
		}
	}
	switch {
	case *help:
		fmt.Fprintf(stdout, usage, flags.FlagUsages())
		return 0
	case *version:
		fmt.Fprintln(stdout, versionString())
		return 0
	case flags.Changed("check"):
		return runtime.Check(*check, stderr)
	}
	defer prof.stop(stderr)
	if err := prof.start(flags); err != nil {
		fmt.Fprintf(stderr, "node: %v\n", err)
		return 9
	}
	switch {
	case flags.Changed("eval"):
		rt := newRuntime(rest, stdout, stderr)
		return rt.RunSource("[eval]", *eval)
	case len(rest) == 0 && isTerminal(stdin):
		return runREPL(stdout, stderr)
	case len(rest) == 0 || rest[0] == "-":
		return runStdin(rest, stdin, stdout, stderr)
	}
	rt := newRuntime(rest[1:], stdout, stderr)
	return rt.Run(rest[0])
}

// newRuntime makes a runtime with every module installed.
func newRuntime(argv []string, stdout, stderr io.Writer) *runtime.Runtime {
	rt := runtime.New(runtime.Options{Argv: argv, Stdout: stdout, Stderr: stderr})
	rt.Loop.ReleaseMemoryWhenIdle(2 * time.Second)
	for _, install := range installers {
		install(rt)
	}
	return rt
}
