package process

import (
	"errors"
	"os"
	"runtime"
	"syscall"
)

// errUnsupported is why node.Process fails to start a child here: it runs commands with
// /bin/sh and signals process groups, which this system does not have.
var errUnsupported = errors.New("node.Process is not supported on " + runtime.GOOS)

// signalNum returns the number of the signal named name ("SIGTERM"), 0 if there is none: the
// few Go's syscall package names on this system.
func signalNum(name string) syscall.Signal {
	for _, s := range []syscall.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGILL,
		syscall.SIGTRAP, syscall.SIGABRT, syscall.SIGBUS, syscall.SIGFPE, syscall.SIGKILL,
		syscall.SIGSEGV, syscall.SIGPIPE, syscall.SIGALRM, syscall.SIGTERM} {
		if "SIG"+signalName(s) == name {
			return s
		}
	}
	return 0
}

// signalName is a signal's name without "SIG".
func signalName(s syscall.Signal) string {
	names := map[syscall.Signal]string{syscall.SIGHUP: "HUP", syscall.SIGINT: "INT",
		syscall.SIGQUIT: "QUIT", syscall.SIGILL: "ILL", syscall.SIGTRAP: "TRAP",
		syscall.SIGABRT: "ABRT", syscall.SIGBUS: "BUS", syscall.SIGFPE: "FPE",
		syscall.SIGKILL: "KILL", syscall.SIGSEGV: "SEGV", syscall.SIGPIPE: "PIPE",
		syscall.SIGALRM: "ALRM", syscall.SIGTERM: "TERM"}
	return names[s]
}

// ownGroup has nothing to set here.
func ownGroup() *syscall.SysProcAttr { return nil }

// startShell refuses: see errUnsupported.
func startShell(string, *os.ProcAttr) (*os.Process, error) { return nil, errUnsupported }

// signalGroup refuses: there are no process groups to signal.
func signalGroup(int, syscall.Signal) error { return errUnsupported }
