package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/chzyer/readline"

	"earlynode/loop"
	"earlynode/runtime"
)

// replHelp is what .help prints.
const replHelp = `.break    Forget the unfinished input and start again
.clear    The same as .break
.exit     Leave the REPL (as Ctrl+D does)
.help     Print this list
.load     Run a JavaScript file in this session: .load FILE
.save     Write what was typed in this session to a file: .save FILE

Ctrl+C aborts the input being typed (twice on an empty line: exit); Ctrl+D exits.
`

// runREPL is `node` on a terminal (the process's standard input): lines typed are evaluated at
// global scope in one runtime whose loop runs all the while, so a server started in one line
// serves between the next ones. The terminal is read on its own goroutine; each complete input
// is posted to the loop.
func runREPL(stdout, stderr io.Writer) int {
	hist, limit := historyFile()
	if hist != "" {
		// The history may hold secrets typed at the prompt: only its owner reads it.
		if f, err := os.OpenFile(hist, os.O_RDONLY|os.O_CREATE, 0o600); err == nil {
			f.Close()
		}
	}
	rl, err := readline.NewEx(&readline.Config{
		Prompt:          "> ",
		HistoryFile:     hist,
		HistoryLimit:    limit,
		Stdout:          stdout,
		Stderr:          stderr,
		InterruptPrompt: "\n", // Ctrl+C: keep what was typed on screen and go to a new line
		EOFPrompt:       "\n",
	})
	if err != nil {
		fmt.Fprintf(stderr, "node: cannot start the REPL: %v\n", err)
		return 1
	}
	defer rl.Close()
	rt := newRuntime(nil, rl.Stdout(), rl.Stderr())
	r := &repl{rt: rt, rl: rl, session: rt.NewSession(), handle: rt.Loop.NewHandle(), done: make(chan struct{})}
	sigint := make(chan os.Signal, 1)
	signal.Notify(sigint, os.Interrupt)
	defer signal.Stop(sigint)
	go func() {
		for range sigint { // Ctrl+C while an input runs (the terminal is not in raw mode then)
			r.session.Interrupt()
		}
	}()
	fmt.Fprintf(rl.Stdout(), "Welcome to %s.\nType \".help\" for more information.\n", versionString())
	go r.read()
	code := rt.RunSession()
	close(r.done)
	return code
}

// repl is the terminal side of an interactive session.
type repl struct {
	rt      *runtime.Runtime
	rl      *readline.Instance
	session *runtime.Session
	handle  *loop.Handle  // keeps the loop running while the terminal is open
	done    chan struct{} // closed when the loop has ended
	typed   []string      // complete inputs, for .save
}

// read reads inputs until Ctrl+D, .exit or a second Ctrl+C on an empty line, evaluating each
// complete one on the loop and printing its result before the next prompt.
func (r *repl) read() {
	var pending []string // lines of an unfinished input
	interrupted := false // the last key was Ctrl+C on an empty line
	for {
		if len(pending) == 0 {
			r.rl.SetPrompt("> ")
		} else {
			r.rl.SetPrompt("... ")
		}
		line, err := r.rl.Readline()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			if len(pending) > 0 || line != "" {
				pending, interrupted = nil, false
				continue
			}
			if interrupted {
				r.exit()
				return
			}
			interrupted = true
			fmt.Fprintln(r.rl.Stdout(), "(To exit, press Ctrl+C again or Ctrl+D or type .exit)")
			continue
		case err != nil: // io.EOF: Ctrl+D on an empty line
			r.exit()
			return
		}
		interrupted = false
		if len(pending) == 0 && strings.HasPrefix(strings.TrimSpace(line), ".") {
			if !r.command(strings.TrimSpace(line)) {
				return
			}
			continue
		}
		if len(pending) > 0 && strings.TrimSpace(line) == ".break" {
			pending = nil
			continue
		}
		pending = append(pending, line)
		input := strings.Join(pending, "\n")
		res, ok := r.eval(input)
		if !ok {
			return
		}
		if res.Incomplete {
			continue
		}
		pending = nil
		r.typed = append(r.typed, input)
	}
}

// command runs a dot command; false means the session is over.
func (r *repl) command(line string) bool {
	name, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	out := r.rl.Stdout()
	switch name {
	case ".exit":
		r.exit()
		return false
	case ".help":
		io.WriteString(out, replHelp)
	case ".break", ".clear":
	case ".load":
		src, err := runtime.ReadWholeFile(arg, runtime.MaxStringFile)
		if err != nil {
			fmt.Fprintf(out, "Failed to load: %q (%v)\n", arg, errorText(err))
			return true
		}
		_, ok := r.eval(string(src))
		return ok
	case ".save":
		if err := os.WriteFile(arg, []byte(strings.Join(r.typed, "\n")+"\n"), 0o644); err != nil {
			fmt.Fprintf(out, "Failed to save: %q (%v)\n", arg, errorText(err))
			return true
		}
		fmt.Fprintf(out, "Session saved to: %s\n", arg)
	default:
		fmt.Fprintf(out, "Invalid REPL keyword %s (.help lists them)\n", name)
	}
	return true
}

// eval evaluates an input on the loop and prints its result; false means the loop has ended.
func (r *repl) eval(input string) (runtime.Result, bool) {
	got := make(chan runtime.Result, 1)
	r.handle.Post(func() error {
		res := r.session.Eval(input)
		if res.Text != "" {
			r.rt.Out.Stdout.WriteString(res.Text + "\n")
		}
		got <- res
		return res.Err
	})
	select {
	case res := <-got:
		r.rt.Out.Flush()
		return res, res.Err == nil
	case <-r.done:
		return runtime.Result{}, false
	}
}

// exit ends the session as node.exit(0) does: onExit handlers run, open servers close.
func (r *repl) exit() {
	r.handle.Close(func() error { return &runtime.ExitError{Code: 0} })
}

// historyFile is where typed lines are kept between sessions, and how many: NODE_REPL_HISTORY
// names the file (set but empty: none is kept), else ~/.earlynode_repl_history;
// NODE_REPL_HISTORY_SIZE the number of lines (1000).
func historyFile() (string, int) {
	limit := 1000
	if n, err := strconv.Atoi(os.Getenv("NODE_REPL_HISTORY_SIZE")); err == nil && n > 0 {
		limit = n
	}
	if p, ok := os.LookupEnv("NODE_REPL_HISTORY"); ok {
		if strings.TrimSpace(p) == "" {
			return "", -1
		}
		return p, limit
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", -1
	}
	return filepath.Join(home, ".earlynode_repl_history"), limit
}

// errorText is an error without the path an *os.PathError repeats.
func errorText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
