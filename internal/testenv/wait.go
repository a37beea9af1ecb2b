package testenv

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"
)

// Eventually waits until cond returns true (Poll) and fails the test with the message format,
// args after timeout. It is for states that can be observed only by looking (a map in a
// server, a file's existence); when the code under test reports the state itself (an event,
// an output line), wait on that.
func Eventually(t testing.TB, timeout time.Duration, cond func() bool, format string, args ...any) {
	t.Helper()
	if !Poll(timeout, cond) {
		t.Fatalf("not within %v: %s", timeout, fmt.Sprintf(format, args...))
	}
}

// Poll checks cond at short and growing intervals (1 ms up to 50 ms) until it returns true, and
// reports whether it did within timeout. Use it where a test reports the failure itself.
func Poll(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	interval := time.Millisecond
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(interval) // the polling interval, not a guess at how long the state takes
		if interval < 50*time.Millisecond {
			interval *= 2
		}
	}
	return true
}

// ReadableConn is a connection whose file descriptor can be watched: *net.UnixConn,
// *net.TCPConn.
type ReadableConn interface {
	syscall.Conn
	SetReadDeadline(time.Time) error
}

// WaitReadable waits until c has bytes to read (or the peer has closed it), without reading
// them, and fails the test after timeout. Tests use it to leave data unread on purpose: a unix
// socket closed with unread data resets its peer.
func WaitReadable(t testing.TB, c ReadableConn, timeout time.Duration) {
	t.Helper()
	raw, err := c.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SetReadDeadline(time.Now().Add(timeout)); err != nil {
		t.Fatal(err)
	}
	defer c.SetReadDeadline(time.Time{})
	var peekErr error
	err = raw.Read(func(fd uintptr) bool {
		var b [1]byte
		_, _, peekErr = syscall.Recvfrom(int(fd), b[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		// EAGAIN: nothing yet; Read waits for readability (or the deadline) and asks again.
		return !errors.Is(peekErr, syscall.EAGAIN)
	})
	if errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("nothing to read within %v", timeout)
	}
	if err != nil {
		t.Fatal(err)
	}
	if peekErr != nil {
		t.Fatalf("peek: %v", peekErr)
	}
}
