package http

import (
	"math"
	"strconv"
	"time"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/modules/http/wire"
)

// Node 20's defaults for how long a request may take to arrive: its head within
// DefaultHeadersTimeout of its first byte (of the connection's opening, for the first request)
// and the whole request, body included, within DefaultRequestTimeout. A request late on either
// is answered 408 and its connection closed. A server changes them through its
// `headersTimeout` and `requestTimeout` properties or createServer's options (milliseconds,
// 0 for none), as in Node.
const (
	DefaultHeadersTimeout = 60 * time.Second
	DefaultRequestTimeout = 300 * time.Second
)

// deadlines are a server's limits on how long a request may take to arrive (0: no limit).
type deadlines struct {
	headers time.Duration
	request time.Duration
}

var defaultDeadlines = deadlines{headers: DefaultHeadersTimeout, request: DefaultRequestTimeout}

// requestClock times the request arriving on a server connection. It runs from the
// connection's opening, and from the first byte of each later request, until the request is
// complete; one loop timer per connection fires at the nearer deadline.
type requestClock struct {
	timer    *loop.Timer
	at       time.Time // when timer fires, while it is active
	start    time.Time
	active   bool // a request is arriving
	headDone bool // its head has arrived
}

// begin starts timing a request that begins now.
func (c *requestClock) begin(sc *serverConn) {
	c.active, c.headDone = true, false
	c.start = sc.m.rt.Loop.Now()
	c.arm(sc)
}

// data notes a read: the first byte after a complete request begins the next one.
func (c *requestClock) data(sc *serverConn) {
	if !c.active {
		c.begin(sc)
	}
}

// head notes that the request's head has arrived: only the request deadline is left.
func (c *requestClock) head(sc *serverConn) {
	c.headDone = true
	c.arm(sc)
}

// complete notes that the request has arrived whole; more bytes behind it begin the next. The
// timer is left running (see arm): it finds nothing to do if it fires between requests.
func (c *requestClock) complete(sc *serverConn, more bool) {
	c.active = false
	if more {
		c.begin(sc)
	}
}

// stop stops timing (the connection is closed or handed over).
func (c *requestClock) stop() {
	if c.timer != nil {
		c.timer.Stop()
	}
}

// due returns how long is left until the nearer deadline that applies, the name of the
// server property that sets it, and whether one applies.
func (c *requestClock) due(sc *serverConn) (time.Duration, string, bool) {
	d := sc.srv.deadlines
	elapsed := sc.m.rt.Loop.Now().Sub(c.start)
	left, name, ok := time.Duration(0), "", false
	if !c.headDone && d.headers > 0 {
		left, name, ok = d.headers-elapsed, "headersTimeout", true
	}
	if d.request > 0 && (!ok || d.request-elapsed < left) {
		left, name, ok = d.request-elapsed, "requestTimeout", true
	}
	return left, name, ok
}

// arm makes sure the timer fires no later than the nearer deadline. A timer already set to
// fire sooner is left alone: fire looks at the deadlines again and sets it for what is left.
// So a keep-alive connection resets its timer about once per deadline, not twice a request
// (a profile of the hello world under wrk showed the two resets of every request, each
// finding or making the loop's timer list for its exact delay).
func (c *requestClock) arm(sc *serverConn) {
	left, _, ok := c.due(sc)
	if !ok || !c.active {
		c.stop()
		return
	}
	at := sc.m.rt.Loop.Now().Add(left)
	if c.timer == nil {
		c.timer = sc.m.rt.Loop.SetTimer(left, func() error { return c.fire(sc) })
		c.timer.Unref()
		c.at = at
		return
	}
	if c.timer.Active() && !c.at.After(at) {
		return
	}
	c.at = at
	c.timer.Reset(left)
}

// fire answers a request late on its deadline with 408 and closes the connection (after the
// answers owed to the complete requests before it), as Node 20 does. The deadlines are read
// again: a server may have changed them while the request was arriving.
func (c *requestClock) fire(sc *serverConn) error {
	if !c.active || sc.dead || sc.failed || sc.lingering {
		return nil
	}
	if sc.paused {
		// Reading stopped while answers wait (pipelining): the request is late through no
		// fault of the client's. Its time starts again once reading could resume.
		c.begin(sc)
		return nil
	}
	left, name, ok := c.due(sc)
	if !ok {
		return nil
	}
	if left > 0 {
		c.at = sc.m.rt.Loop.Now().Add(left)
		c.timer.Reset(left)
		return nil
	}
	c.active = false
	what := "request"
	limit := sc.srv.deadlines.request
	if name == "headersTimeout" {
		what, limit = "request head", sc.srv.deadlines.headers
	}
	err := sc.bad(&wire.Error{Kind: wire.ErrIncomplete, Status: 408,
		Msg: what + " not received within " + strconv.FormatInt(limit.Milliseconds(), 10) + " ms (server." + name + ")"})
	if !sc.dead {
		sc.flush()
	}
	return err
}

// setDeadlines reads createServer's options {headersTimeout, requestTimeout}.
func (s *Server) setDeadlines(options goja.Value) {
	o, ok := options.(*goja.Object)
	if !ok {
		return
	}
	for _, name := range []string{"headersTimeout", "requestTimeout"} {
		if v := o.Get(name); v != nil && !goja.IsUndefined(v) {
			s.setDeadline(name, v)
		}
	}
}

// setDeadline sets one deadline from milliseconds (0: none); anything else throws.
func (s *Server) setDeadline(name string, v goja.Value) {
	f := v.ToFloat()
	if _, isNum := v.Export().(int64); !isNum {
		if _, isFloat := v.Export().(float64); !isFloat {
			f = math.NaN()
		}
	}
	if f != f || f < 0 || f > math.MaxInt64/float64(time.Millisecond) {
		panic(s.m.rt.VM.NewTypeError("server." + name + " must be a number of milliseconds >= 0, not " + v.String()))
	}
	d := time.Duration(f * float64(time.Millisecond))
	if name == "headersTimeout" {
		s.deadlines.headers = d
	} else {
		s.deadlines.request = d
	}
}

// defineDeadlineProperties gives the server prototype its `headersTimeout` and
// `requestTimeout` accessors (milliseconds).
func (m *module) defineDeadlineProperties(p *goja.Object) {
	for _, name := range []string{"headersTimeout", "requestTimeout"} {
		name := name
		get := m.rt.VM.ToValue(func(c goja.FunctionCall) goja.Value {
			s, err := serverOf(c.This)
			if err != nil {
				return goja.Undefined()
			}
			d := s.deadlines.headers
			if name == "requestTimeout" {
				d = s.deadlines.request
			}
			return m.rt.VM.ToValue(d.Milliseconds())
		})
		set := m.rt.VM.ToValue(func(c goja.FunctionCall) goja.Value {
			s, err := serverOf(c.This)
			if err != nil {
				m.throw(name, err.Error())
			}
			s.setDeadline(name, c.Argument(0))
			return goja.Undefined()
		})
		if err := p.DefineAccessorProperty(name, get, set, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
}
