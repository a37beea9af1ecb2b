package websocket

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"earlynode/loop"
	"earlynode/loop/netpoll"
	"earlynode/modules/http/wire"
)

// DialOptions are a client's choices.
type DialOptions struct {
	// Timeout bounds the TCP connect plus the handshake; 0 means none.
	Timeout time.Duration
	// Protocols are the subprotocols offered, in order of preference.
	Protocols []string
	// Header holds more request headers (Origin, say).
	Header []wire.Header
	// MaxMessage bounds a received message; 0 means no limit.
	MaxMessage int64
	// TLS configures wss:// connections (nil: the defaults, the server's name verified).
	TLS *tls.Config
}

// ErrCanceled is the error of a Dial canceled before it finished.
var ErrCanceled = errors.New("websocket: dial canceled")

// Dial connects to a ws:// or wss:// URL and makes the handshake, off the loop's goroutine only
// where it must be (name resolution and connect; the TLS handshake of wss://, see
// netpoll.TLSConn). done runs on the loop exactly once, with the Conn (not started:
// call Start in done) or the error; never during the call to Dial. The returned function
// cancels the dial (done then gets ErrCanceled); on the loop.
func Dial(l *loop.Loop, rawURL string, o DialOptions, done func(*Conn, error) error) (cancel func()) {
	d := &dialer{l: l, o: o, done: done, key: newKey()}
	u, err := url.Parse(rawURL)
	if err == nil && u.Host == "" {
		err = errors.New("no host")
	}
	secure := false
	if err == nil {
		switch strings.ToLower(u.Scheme) {
		case "ws":
		case "wss":
			secure = true
		default:
			err = errors.New("the scheme is not ws or wss")
		}
	}
	port := 80
	if secure {
		port = 443
	}
	if err == nil && u.Port() != "" {
		port, err = strconv.Atoi(u.Port())
	}
	if err != nil {
		l.Post(func() error { return d.finish(nil, fmt.Errorf("bad URL %q: %v", rawURL, err)) })
		return d.cancel
	}
	d.host = u.Host
	d.target = u.RequestURI()
	if o.Timeout > 0 {
		d.timer = l.SetTimer(o.Timeout, func() error {
			d.timer = nil
			return d.fail(errors.New("i/o timeout"))
		})
	}
	var cfg *tls.Config
	if secure {
		cfg = o.TLS
		if cfg == nil {
			cfg = &tls.Config{}
		}
		if cfg.ServerName == "" {
			cfg = cfg.Clone()
			cfg.ServerName = u.Hostname()
		}
	}
	netpoll.Dial(l, u.Hostname(), port, 0, func(s *netpoll.Stream, err error) error {
		switch {
		case err != nil:
			return d.connected(nil, err)
		case cfg != nil:
			// wss://: TLS over the stream (netpoll.TLSConn); the upgrade request waits for
			// the TLS handshake, a failed one ends the connection with its error.
			return d.connected(newRelayed(l, netpoll.TLSClient(s, cfg)), nil)
		}
		return d.connected(s, nil)
	})
	return d.cancel
}

// dialer is a client's connection until the handshake is answered.
type dialer struct {
	l        *loop.Loop
	o        DialOptions
	done     func(*Conn, error) error
	key      string
	protocol string
	host     string
	target   string
	t        Transport
	p        *wire.Parser
	timer    *loop.Timer
	finished bool
}

// connected sends the upgrade request on the new connection.
func (d *dialer) connected(t Transport, err error) error {
	if d.finished {
		if t != nil {
			t.Abort(nil)
		}
		return nil
	}
	if err != nil {
		return d.finish(nil, err)
	}
	d.t = t
	d.p = wire.NewResponseParser(wire.Limits{})
	if err := t.Start(d); err != nil {
		return nil // End reports it
	}
	t.Write(appendUpgradeRequest(nil, d.target, d.host, d.key, &d.o))
	return nil
}

// Data reads the answer (netpoll.Handler).
func (d *dialer) Data(b []byte) error {
	for !d.finished {
		ev, n, perr := d.p.Next(b)
		b = b[n:]
		if perr != nil {
			return d.fail(fmt.Errorf("bad handshake: %v", perr))
		}
		switch ev {
		case wire.EventNeedInput:
			return nil
		case wire.EventHead:
			if d.p.Head().Interim() {
				continue
			}
			protocol, err := checkAnswer(d.p.Head(), d.key, &d.o)
			if err != nil {
				return d.fail(err)
			}
			if !d.p.Head().Upgrade {
				return d.fail(&DialError{Msg: "bad handshake", Status: d.p.Head().StatusCode})
			}
			d.protocol = protocol
		case wire.EventUpgrade:
			c := newConn(d.t, true, d.o.MaxMessage, append([]byte(nil), b...))
			c.Protocol = d.protocol
			return d.finish(c, nil)
		}
	}
	return nil
}

// EOF before the answer fails the dial (netpoll.Handler).
func (d *dialer) EOF() error {
	return d.fail(errors.New("bad handshake: the server closed the connection"))
}

// End before the answer fails the dial (netpoll.Handler).
func (d *dialer) End(err error) error {
	if err == nil {
		err = errors.New("bad handshake: the connection closed")
	}
	return d.finish(nil, err)
}

// fail drops the connection and reports err.
func (d *dialer) fail(err error) error {
	if d.finished {
		return nil
	}
	if d.t != nil {
		d.t.Abort(nil)
	}
	return d.finish(nil, err)
}

// cancel gives the dial up; done hears ErrCanceled on a later turn.
func (d *dialer) cancel() {
	if d.finished {
		return
	}
	d.l.Post(func() error { return d.fail(ErrCanceled) })
}

// finish reports the outcome, once.
func (d *dialer) finish(c *Conn, err error) error {
	if d.finished {
		return nil
	}
	d.finished = true
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	return d.done(c, err)
}

// DescribeError shortens a Dial error for an error event: the cause ("connection refused",
// "no such host", "websocket: bad handshake") without the addresses Go's wrappers repeat.
func DescribeError(err error) string {
	var de *DialError
	if errors.As(err, &de) {
		return de.Error()
	}
	return netpoll.DescribeError(err)
}
