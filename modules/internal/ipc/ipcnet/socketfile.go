package ipcnet

import (
	"errors"
	"net"
	"os"
	"syscall"
)

// PathInUseError is a unix socket path a server cannot listen on because something that must
// not be removed is there: a file that is not a socket, or the socket of a live server. It is
// reported as EADDRINUSE, with what was found.
type PathInUseError struct {
	Path string
	What string // what is there: "a regular file", "a directory", "a socket a server listens on", ...
}

func (e *PathInUseError) Error() string { return e.Reason() }

// Reason says what is at the path and that it was left alone.
func (e *PathInUseError) Reason() string {
	if e.What == liveSocket {
		return "address already in use (" + e.What + ")"
	}
	return "address already in use (" + e.What + ", not a socket: only a stale socket is ever removed)"
}

// Unwrap gives EADDRINUSE, the error code it is reported with.
func (e *PathInUseError) Unwrap() error { return syscall.EADDRINUSE }

const liveSocket = "a socket a server listens on"

// kindOf names the kind of file a mode is, as PathInUseError reports it.
func kindOf(m os.FileMode) string {
	switch {
	case m.IsRegular():
		return "a regular file"
	case m.IsDir():
		return "a directory"
	case m&os.ModeSymlink != 0:
		return "a symbolic link"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeDevice != 0:
		return "a device file"
	}
	return "a file of another kind"
}

// inUse explains an EADDRINUSE from listening on the unix socket path: what is there. It only
// looks (no connection is tried: it runs on the loop), so a socket found is taken as live; the
// callers remove stale sockets (RemoveStaleSocket) before listening.
func inUse(path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return nil
	}
	if st.Mode()&os.ModeSocket != 0 {
		return &PathInUseError{Path: path, What: liveSocket}
	}
	return &PathInUseError{Path: path, What: kindOf(st.Mode())}
}

// RemoveStaleSocket prepares path for a unix socket server: a socket nobody accepts on (what a
// crashed server leaves) is removed. Anything else stays: a file of another kind, or a live
// server's socket, is a *PathInUseError; nothing there is nil. It blocks (it tries to connect),
// so it runs off the loop.
func RemoveStaleSocket(path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return nil
	}
	if st.Mode()&os.ModeSocket == 0 {
		return &PathInUseError{Path: path, What: kindOf(st.Mode())}
	}
	c, err := net.Dial("unix", path)
	if err == nil {
		c.Close()
		return &PathInUseError{Path: path, What: liveSocket}
	}
	if !errors.Is(err, syscall.ECONNREFUSED) {
		return err
	}
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}
