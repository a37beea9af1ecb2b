package netpoll

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"earlynode/loop"
)

// Dial connects to host:port off the loop (an IPv4 address of a name is preferred, as in
// 0.1.0) and calls done on the loop with the connected Stream, not yet started, or the error.
// The loop stays alive meanwhile. timeout 0 means none.
func Dial(l *loop.Loop, host string, port int, timeout time.Duration, done func(s *Stream, err error) error) {
	p, err := pollerOf(l)
	if err != nil {
		l.Post(func() error { return done(nil, err) })
		return
	}
	l.Go(func() loop.Callback {
		ctx := context.Background()
		if timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, timeout)
			defer cancel()
		}
		var c net.Conn
		addr, err := DialAddress(ctx, host, port)
		if err == nil {
			var d net.Dialer
			c, err = d.DialContext(ctx, "tcp", addr)
		}
		return func() error {
			if err != nil {
				return done(nil, err)
			}
			s, err := streamOf(p, c, RemoteAddress(c))
			if err != nil {
				return done(nil, err)
			}
			return done(s, nil)
		}
	})
}

// DialAddress resolves host (an IPv4 address being preferred, as in 0.1.0) and joins it with
// port, ready for net.Dial. It blocks on name resolution: call it off the loop.
func DialAddress(ctx context.Context, host string, port int) (string, error) {
	if ip := net.ParseIP(trimBrackets(host)); ip != nil {
		return net.JoinHostPort(ip.String(), strconv.Itoa(port)), nil
	}
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return "", err
	}
	if len(ips) == 0 {
		return "", errors.New("no address for " + host)
	}
	best := ips[0].IP
	for _, a := range ips {
		if a.IP.To4() != nil {
			best = a.IP
			break
		}
	}
	return net.JoinHostPort(best.String(), strconv.Itoa(port)), nil
}

func trimBrackets(h string) string {
	return strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
}

// DescribeError shortens a network error for an error event: the cause ("connection refused",
// "no such host", "i/o timeout") without the addresses Go's wrappers repeat.
func DescribeError(err error) string {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		if dns.IsNotFound {
			return "lookup " + dns.Name + ": no such host"
		}
		return "lookup " + dns.Name + ": " + dns.Err
	}
	var sys *os.SyscallError
	if errors.As(err, &sys) {
		return sys.Err.Error()
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err.Error()
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timed out"
	}
	return err.Error()
}
