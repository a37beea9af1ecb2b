package natslink

import (
	"errors"
	"syscall"
)

// socketpair fails: the link runs on a pair of unix sockets, which this build does not make
// on windows.
func socketpair() ([2]int, error) {
	return [2]int{-1, -1}, errors.New("the NATS link is not supported on windows")
}

// helperAttr sets nothing.
func helperAttr() *syscall.SysProcAttr { return nil }
