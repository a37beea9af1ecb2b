package websocket

import (
	"strconv"
	"strings"
	"time"

	"earlynode/loop"
	"earlynode/loop/netpoll"
	"earlynode/modules/http/wire"
)

// Service is what Listen serves on its own port.
type Service struct {
	// Upgrade takes a request that asks to upgrade: its stream (still reading, now the
	// Upgrade's to answer), a copy of its head and the bytes that came after the head. It answers
	// on this turn, with Upgrade (then Conn.Start) or Refuse.
	Upgrade func(st *netpoll.Stream, head *wire.Head, buffered []byte) error
	// Request answers a plain request: status, headers and the whole body (Content-Length is
	// added when missing). nil answers everything with 404.
	Request func(head *wire.Head) (status int, headers []wire.Header, body []byte)
	// HeadTimeout bounds how long a request head (an upgrade request's included) may take to
	// arrive, from the connection's opening or the request's first byte: a late one is
	// answered 408 and its connection closed. 0 means DefaultHeadTimeout; < 0, no limit.
	HeadTimeout time.Duration
}

// DefaultHeadTimeout is Service.HeadTimeout's default: node.http's (and Node 20's)
// headersTimeout.
const DefaultHeadTimeout = 60 * time.Second

// IdleTimeout is how long Listen keeps a connection that has not upgraded and sends nothing.
const IdleTimeout = 60 * time.Second

// Listener is a port served by Listen: requests are read on the loop with node.http's parser
// (modules/http/wire), plain ones answered by Service.Request, upgrades handed to
// Service.Upgrade with their stream. A connection is Listen's until it upgrades.
type Listener struct {
	l     *loop.Loop
	ln    *netpoll.Listener
	svc   Service
	conns map[*httpConn]struct{}
}

// Listen serves svc on host:port (as netpoll.ListenTCP reads them); on the loop.
func Listen(l *loop.Loop, host string, port int, svc Service) (*Listener, error) {
	s := &Listener{l: l, svc: svc, conns: map[*httpConn]struct{}{}}
	ln, err := netpoll.ListenTCP(l, host, port, netpoll.ListenConfig{}, s.accept)
	if err != nil {
		return nil, err
	}
	s.ln = ln
	return s, nil
}

// Port returns the port listened on.
func (s *Listener) Port() int { return s.ln.Port() }

// Ref makes the listener keep the loop alive (the default); Unref lets the loop end while it
// listens.
func (s *Listener) Ref() { s.ln.Ref() }

// Unref undoes Ref.
func (s *Listener) Unref() { s.ln.Unref() }

// Close stops listening and closes the connections that have not upgraded; upgraded ones are
// their owners'.
func (s *Listener) Close() {
	s.ln.Close()
	for c := range s.conns {
		c.st.Close()
	}
}

func (s *Listener) accept(st *netpoll.Stream) error {
	c := &httpConn{s: s, st: st, p: wire.NewRequestParser(wire.Limits{})}
	if err := st.Start(c); err != nil {
		return nil
	}
	s.conns[c] = struct{}{}
	c.headLimit = s.svc.HeadTimeout
	if c.headLimit == 0 {
		c.headLimit = DefaultHeadTimeout
	}
	c.inHead, c.headStart = true, s.l.Now()
	c.timer = s.l.SetTimer(c.nextCheck(), c.onTimer)
	c.timer.Unref()
	return nil
}

// httpConn is a connection of a Listener before it upgrades.
type httpConn struct {
	s       *Listener
	st      *netpoll.Stream
	p       *wire.Parser
	timer   *loop.Timer
	upgrade *wire.Head // an upgrade request whose end is due
	done    bool       // handed over, or closing: nothing more is read

	headLimit time.Duration // see Service.HeadTimeout
	inHead    bool          // a request head is arriving
	headStart time.Time     // since when
}

// Data parses one read (netpoll.Handler).
func (c *httpConn) Data(b []byte) error {
	if !c.inHead && !c.done && len(b) > 0 {
		c.inHead, c.headStart = true, c.s.l.Now()
	}
	for !c.done {
		ev, n, perr := c.p.Next(b)
		b = b[n:]
		if perr != nil {
			c.finish(wire.AppendErrorResponse(nil, perr))
			return nil
		}
		switch ev {
		case wire.EventNeedInput:
			return nil
		case wire.EventHead:
			c.inHead = false
			if h := c.p.Head(); h.Upgrade {
				c.upgrade = new(wire.Head)
				*c.upgrade = *h
			}
		case wire.EventComplete:
			if c.upgrade == nil {
				c.answer(c.p.Head())
			}
		case wire.EventUpgrade:
			h := c.upgrade
			if h == nil { // a CONNECT: not served
				c.finish(AppendRefusal(nil, 400, "", nil))
				return nil
			}
			c.release()
			buffered := append([]byte(nil), b...)
			if c.s.svc.Upgrade == nil {
				Refuse(c.st, 404, "", nil)
				return nil
			}
			return c.s.svc.Upgrade(c.st, h, buffered)
		}
	}
	return nil
}

// answer writes the answer to a plain request.
func (c *httpConn) answer(h *wire.Head) {
	status, hs, body := 404, []wire.Header(nil), []byte("Not Found")
	if c.s.svc.Request != nil {
		status, hs, body = c.s.svc.Request(h)
	}
	framed := false
	for _, f := range hs {
		if strings.EqualFold(f.Name, "Content-Length") || strings.EqualFold(f.Name, "Transfer-Encoding") {
			framed = true
		}
	}
	if !framed {
		hs = append(hs[:len(hs):len(hs)], wire.Header{Name: "Content-Length", Value: strconv.Itoa(len(body))})
	}
	out, fr, err := wire.AppendResponseHead(nil, h, status, hs)
	if err != nil {
		out, fr, _ = wire.AppendResponseHead(nil, h, 500, []wire.Header{{Name: "Content-Length", Value: "0"}, {Name: "Connection", Value: "close"}})
		body = nil
	}
	if !fr.NoBody {
		out = append(out, body...)
	}
	if !fr.KeepAlive {
		c.finish(out)
		return
	}
	c.st.Write(out)
}

// finish writes a last answer and closes.
func (c *httpConn) finish(out []byte) {
	c.done = true
	c.st.Write(out)
	c.st.Close()
}

// release makes the connection no longer Listen's.
func (c *httpConn) release() {
	c.done = true
	c.timer.Stop()
	delete(c.s.conns, c)
}

// EOF closes once the answers are out (netpoll.Handler).
func (c *httpConn) EOF() error {
	c.done = true
	c.st.Close()
	return nil
}

// End forgets the connection (netpoll.Handler).
func (c *httpConn) End(error) error {
	c.release()
	return nil
}

// headLeft returns how long the head arriving has left, and whether one is arriving under a
// deadline.
func (c *httpConn) headLeft() (time.Duration, bool) {
	if !c.inHead || c.headLimit < 0 {
		return 0, false
	}
	return c.headLimit - c.s.l.Now().Sub(c.headStart), true
}

// nextCheck returns when onTimer should next look: at the idle timeout or the head deadline.
func (c *httpConn) nextCheck() time.Duration {
	next := IdleTimeout - c.st.Idle()
	if left, ok := c.headLeft(); ok && left < next {
		next = left
	}
	return next
}

// onTimer answers 408 to a head late on its deadline and drops a connection idle for
// IdleTimeout.
func (c *httpConn) onTimer() error {
	if _, ok := c.s.conns[c]; !ok || c.done {
		return nil
	}
	if left, ok := c.headLeft(); ok && left <= 0 {
		c.finish(wire.AppendErrorResponse(nil, &wire.Error{Kind: wire.ErrIncomplete, Status: 408,
			Msg: "request head not received within " + c.headLimit.String()}))
		return nil
	}
	if c.st.Idle() >= IdleTimeout {
		c.st.Abort(nil)
		return nil
	}
	c.timer.Reset(c.nextCheck())
	return nil
}
