package ipcnet

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"syscall"

	"github.com/dop251/goja"

	"earlynode/runtime"
)

// MaxSocketPath is the longest unix socket path the system takes (sun_path less its NUL).
const MaxSocketPath = 107

// CheckSocketPath refuses a unix socket path the system cannot bind or connect to. Node
// silently cuts such a path short (and then talks to another file); earlynode says so instead.
func CheckSocketPath(path string) error {
	if len(path) > MaxSocketPath {
		return &PathTooLongError{Path: path}
	}
	if path == "" {
		return syscall.EINVAL
	}
	return nil
}

// PathTooLongError is a unix socket path longer than MaxSocketPath bytes.
type PathTooLongError struct{ Path string }

func (e *PathTooLongError) Error() string {
	return fmt.Sprintf("unix socket path is %d bytes long, the system allows at most %d", len(e.Path), MaxSocketPath)
}

// Unwrap gives ENAMETOOLONG, the error code it is reported with.
func (e *PathTooLongError) Unwrap() error { return syscall.ENAMETOOLONG }

// OpError is a failed socket operation, reported to JavaScript as Node reports it: a message
// such as "connect ECONNREFUSED /tmp/app.world" and the fields code, errno, syscall, address
// and port.
type OpError struct {
	Syscall string // "connect", "listen", "read", "write", "bind", "send"
	Address string // path or host, "" for none
	Port    int    // 0 for none
	Err     error
}

func (e *OpError) Error() string { return e.Message() }

// Unwrap returns the cause.
func (e *OpError) Unwrap() error { return e.Err }

// Code returns the error's Node code ("ECONNREFUSED", ...), or "" when it has none.
func (e *OpError) Code() string {
	code, _ := errnoOf(e.Err)
	return code
}

// Message returns Node's message for the error.
func (e *OpError) Message() string {
	code, _ := errnoOf(e.Err)
	var te *tlsError
	if errors.As(e.Err, &te) || code == "" {
		return e.Err.Error()
	}
	msg := e.Syscall + " " + code
	if e.Syscall == "listen" || e.Syscall == "bind" {
		msg += ": " + describe(e.Err)
	}
	if e.Address != "" {
		msg += " " + e.Address
		if e.Port > 0 {
			msg += ":" + strconv.Itoa(e.Port)
		}
	}
	var pl *PathTooLongError
	if errors.As(e.Err, &pl) {
		msg += " (" + pl.Error() + ")"
	}
	return msg
}

type tlsError struct{ error }

func describe(err error) string {
	var r interface{ Reason() string }
	if errors.As(err, &r) {
		return r.Reason()
	}
	var en syscall.Errno
	if errors.As(err, &en) {
		switch en {
		case syscall.EADDRINUSE:
			return "address already in use"
		case syscall.EACCES:
			return "permission denied"
		}
		return en.Error()
	}
	return err.Error()
}

// wrapOp makes an OpError of a Go network error, splitting host:port addresses.
func wrapOp(sys, address string, err error) error {
	var op *OpError
	if errors.As(err, &op) {
		return op
	}
	var rec tls.RecordHeaderError
	var cert *tls.CertificateVerificationError
	if errors.As(err, &cert) || errors.As(err, &rec) {
		return &OpError{Syscall: sys, Err: &tlsError{err}}
	}
	e := &OpError{Syscall: sys, Err: err}
	if address != "" {
		if host, port, serr := net.SplitHostPort(address); serr == nil {
			e.Address = host
			e.Port, _ = strconv.Atoi(port)
		} else {
			e.Address = address
		}
	}
	return e
}

// errnoOf finds the system error number in err and its Node code.
func errnoOf(err error) (string, int) {
	var en syscall.Errno
	if errors.As(err, &en) {
		if name, ok := errnoNames[en]; ok {
			return name, -int(en)
		}
		return "E" + strconv.Itoa(int(en)), -int(en)
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return "ETIMEDOUT", -int(syscall.ETIMEDOUT)
	}
	if errors.Is(err, net.ErrClosed) {
		return "ERR_SOCKET_CLOSED", 0
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return "ENOTFOUND", -3008
	}
	return "", 0
}

var errnoNames = map[syscall.Errno]string{
	syscall.ENOENT:        "ENOENT",
	syscall.ECONNREFUSED:  "ECONNREFUSED",
	syscall.ECONNRESET:    "ECONNRESET",
	syscall.ECONNABORTED:  "ECONNABORTED",
	syscall.EADDRINUSE:    "EADDRINUSE",
	syscall.EADDRNOTAVAIL: "EADDRNOTAVAIL",
	syscall.EACCES:        "EACCES",
	syscall.EPERM:         "EPERM",
	syscall.EPIPE:         "EPIPE",
	syscall.ETIMEDOUT:     "ETIMEDOUT",
	syscall.EHOSTUNREACH:  "EHOSTUNREACH",
	syscall.ENETUNREACH:   "ENETUNREACH",
	syscall.EINVAL:        "EINVAL",
	syscall.ENOTSOCK:      "ENOTSOCK",
	syscall.ENAMETOOLONG:  "ENAMETOOLONG",
	syscall.ENOTDIR:       "ENOTDIR",
	syscall.EAFNOSUPPORT:  "EAFNOSUPPORT",
	syscall.EMSGSIZE:      "EMSGSIZE",
	syscall.EISDIR:        "EISDIR",
}

// JSError turns a Go error into a JavaScript Error object; an OpError gets Node's fields.
func JSError(rt *runtime.Runtime, err error) *goja.Object {
	var je *jsError
	if errors.As(err, &je) {
		return je.obj
	}
	var op *OpError
	if !errors.As(err, &op) {
		return rt.NewError(err.Error())
	}
	o := rt.NewError(op.Message())
	code, errno := errnoOf(op.Err)
	if code != "" {
		if errno != 0 {
			o.Set("errno", errno)
		}
		o.Set("code", code)
		o.Set("syscall", op.Syscall)
	}
	if op.Address != "" {
		o.Set("address", op.Address)
	}
	if op.Port > 0 {
		o.Set("port", op.Port)
	}
	return o
}
