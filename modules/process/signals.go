package process

import (
	"fmt"
	"strings"
	"syscall"
)

// Signals are the POSIX signals set on the node object as node.SIGINT, node.SIGTERM, ...
var Signals = []string{
	"SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
	"SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGCHLD",
	"SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ",
	"SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGSYS",
}

// ParseSignal reads a signal given as a number (node.SIGKILL) or a name ("SIGKILL", "KILL").
// Zero is allowed: it checks that the process exists without sending anything.
func ParseSignal(v any) (syscall.Signal, error) {
	switch s := v.(type) {
	case int64:
		if s >= 0 && s <= 64 {
			return syscall.Signal(s), nil
		}
		return 0, fmt.Errorf("unknown signal %d", s)
	case float64:
		if s == float64(int64(s)) {
			return ParseSignal(int64(s))
		}
	case string:
		name := strings.ToUpper(s)
		if !strings.HasPrefix(name, "SIG") {
			name = "SIG" + name
		}
		if sig := signalNum(name); sig != 0 {
			return sig, nil
		}
		return 0, fmt.Errorf("unknown signal %q", s)
	}
	return 0, fmt.Errorf("unknown signal %v (use node.SIGTERM, node.SIGKILL, ...)", v)
}
