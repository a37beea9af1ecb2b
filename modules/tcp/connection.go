package tcp

import (
	"errors"
	"strconv"
	"time"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/loop/netpoll"
	"earlynode/runtime"
)

// State is a connection's readyState.
type State uint8

// The readyStates of 0.1.0.
const (
	Closed    State = iota // not connected, or fully disconnected
	Opening                // connecting
	Open                   // both directions open
	ReadOnly               // we sent FIN (close()); the peer may still send
	WriteOnly              // the peer sent FIN (eof); we may still send
)

var stateNames = [...]string{"closed", "opening", "open", "readOnly", "writeOnly"}

// String returns the readyState string JavaScript sees.
func (s State) String() string { return stateNames[s] }

// DefaultTimeout is a connection's idle timeout unless its `timeout` property says otherwise
// (60 s, as in 0.1.0).
const DefaultTimeout = 60 * time.Second

// Connection is the Go side of a node.tcp.Connection object: 0.1.0's state machine over a
// Stream. Everything but the Stream's goroutines runs on the loop.
type Connection struct {
	m       *module
	obj     *goja.Object
	stream  *netpoll.Stream
	state   State
	dec     runtime.ValueDecoder
	timeout time.Duration // 0: none
	timer   *loop.Timer
	server  *goja.Object // set on server-side connections
	remote  string
	attempt *int         // the connect in progress; nil when none
	cur     *connHandler // the handler of the current stream
	queued  [][]byte     // sends made while opening

	closeWhenOpen bool // close() was called while connecting
}

func (m *module) newConnection(obj *goja.Object) *Connection {
	c := &Connection{m: m, obj: obj, timeout: DefaultTimeout}
	connectionState.Set(m.rt, obj, c)
	return c
}

// connectionOf returns the Go side of a connection object, making one for an object that
// inherits node.tcp.Connection.prototype without having run the constructor.
func (m *module) connectionOf(v goja.Value) *Connection {
	o, ok := v.(*goja.Object)
	if !ok {
		panic(m.rt.VM.NewTypeError("not a node.tcp.Connection"))
	}
	if c, ok := connectionState.Get(o); ok {
		return c
	}
	return m.newConnection(o)
}

// connect starts connecting to host:port; on the loop, inside the JavaScript call.
func (c *Connection) connect(port int, host string) {
	rt := c.m.rt
	if c.state != Closed {
		panic(rt.NewError("connect(): the connection is " + c.state.String() + "; it can connect again once closed"))
	}
	if port <= 0 || port > 65535 {
		panic(rt.NewError("connect(): port " + strconv.Itoa(port) + " is out of range 1..65535"))
	}
	if host == "" {
		host = "127.0.0.1"
	}
	c.state = Opening
	c.closeWhenOpen = false
	c.remote = ""
	c.server = nil
	attempt := new(int)
	c.attempt = attempt
	netpoll.Dial(rt.Loop, host, port, c.timeout, func(s *netpoll.Stream, err error) error {
		if c.attempt != attempt {
			// forceClose() was called while connecting: drop the socket quietly.
			if s != nil {
				s.Abort(nil)
			}
			return nil
		}
		c.attempt = nil
		if err != nil {
			c.state = Closed
			c.queued = nil
			return c.m.rt.Emit(c.obj, "disconnect", c.m.rt.VM.ToValue(true))
		}
		return c.start(s, true)
	})
}

// connHandler receives the events of one Stream of a Connection (a connection object may
// connect again, with a new stream; events of an old one are ignored).
type connHandler struct {
	c *Connection
	s *netpoll.Stream
}

// start runs an open socket: the stream, the idle timer and the `connect` event.
// emitConnect is false for server-side connections, whose server emits `connection` first and
// then `connect` itself.
func (c *Connection) start(s *netpoll.Stream, emitConnect bool) error {
	h := &connHandler{c: c}
	if err := s.Start(h); err != nil {
		c.state = Closed
		return c.m.rt.Emit(c.obj, "disconnect", c.m.rt.VM.ToValue(true))
	}
	h.s = s
	c.cur = h
	c.stream = s
	c.state = Open
	c.remote = s.RemoteIP()
	c.armTimer(c.timeout)
	for _, b := range c.queued {
		s.Write(b)
	}
	c.queued = nil
	if c.closeWhenOpen {
		c.closeWhenOpen = false
		c.close()
	}
	if emitConnect {
		return c.m.rt.Emit(c.obj, "connect")
	}
	return nil
}

// Data emits one read as `receive`.
func (h *connHandler) Data(b []byte) error {
	c := h.c
	if c.cur != h || (c.state != Open && c.state != ReadOnly) {
		return nil
	}
	l := c.m.rt.Listeners(c.obj, "receive")
	if !l.Heard() {
		return nil
	}
	v := c.dec.Value(c.m.rt, b)
	if v == nil {
		return nil
	}
	return l.Emit(v)
}

// EOF handles the peer's FIN: readyState goes from open to writeOnly (or from readOnly to
// closed, which then closes the socket) and `eof` is emitted.
func (h *connHandler) EOF() error {
	c := h.c
	if c.cur != h || (c.state != Open && c.state != ReadOnly) {
		return nil
	}
	if v := c.dec.Flush(c.m.rt); v != nil {
		if err := c.m.rt.Emit(c.obj, "receive", v); err != nil {
			return err
		}
		if c.cur != h || (c.state != Open && c.state != ReadOnly) {
			return nil
		}
	}
	if c.state == Open {
		c.state = WriteOnly
	} else {
		c.state = Closed
		h.s.Close()
	}
	return c.m.rt.Emit(c.obj, "eof")
}

// End runs once the socket is closed: readyState becomes closed and `disconnect(had_error)`
// is emitted. A connection closed because its peer did not read what `send` queued (the write
// limit, see netpoll.WriteLimitError) emits `error` with that reason first: `send` has no
// backpressure, so this is how a script learns it.
func (h *connHandler) End(err error) error {
	c := h.c
	if c.cur != h {
		return nil
	}
	c.cur = nil
	c.stream = nil
	c.state = Closed
	if c.timer != nil {
		c.timer.Stop()
	}
	var le *netpoll.WriteLimitError
	if errors.As(err, &le) {
		if err := c.m.rt.Emit(c.obj, "error", c.m.rt.NewError(le.Error())); err != nil {
			return err
		}
	}
	return c.m.rt.Emit(c.obj, "disconnect", c.m.rt.VM.ToValue(err != nil))
}

// send writes data; on the loop inside the JavaScript call. It throws only when readyState
// says the connection cannot write.
func (c *Connection) send(data []byte) {
	switch c.state {
	case Open, WriteOnly:
		// A stream that failed meanwhile drops the data: its disconnect(true) is on its way.
		c.stream.Write(data)
	case Opening:
		c.queued = append(c.queued, append([]byte(nil), data...))
	default:
		panic(c.m.rt.NewError("send(): the connection is " + c.state.String() + ", not open for writing"))
	}
}

// close half-closes: FIN once everything sent is written. After the peer's FIN it closes.
func (c *Connection) close() {
	switch c.state {
	case Opening:
		c.closeWhenOpen = true
	case Open:
		c.state = ReadOnly
		c.stream.CloseWrite()
	case WriteOnly:
		c.state = Closed
		c.stream.Close()
	}
}

// fullClose closes both directions once everything sent is written.
func (c *Connection) fullClose() {
	switch c.state {
	case Opening:
		c.forceClose()
	case Open, ReadOnly, WriteOnly:
		c.state = Closed
		c.stream.Close()
	}
}

// forceClose closes the socket now, dropping unsent data.
func (c *Connection) forceClose() {
	switch c.state {
	case Opening:
		c.attempt = nil
		c.queued = nil
		c.state = Closed
		obj := c.obj
		c.m.rt.Post(func() error { return c.m.rt.Emit(obj, "disconnect", c.m.rt.VM.ToValue(false)) })
	case Closed:
		if c.stream != nil {
			c.stream.Abort(nil)
		}
	default:
		c.state = Closed
		c.stream.Abort(nil)
	}
}

// armTimer (re)starts the idle timer to fire after d.
func (c *Connection) armTimer(d time.Duration) {
	if c.timer != nil {
		c.timer.Stop()
	}
	if c.timeout <= 0 || c.stream == nil {
		return
	}
	if c.timer == nil {
		c.timer = c.m.rt.Loop.SetTimer(d, c.onTimer)
		c.timer.Unref()
		return
	}
	c.timer.Reset(d)
}

// onTimer checks for idleness: `timeout` is emitted and the connection dropped (had_error
// true) once nothing was read or written for the whole timeout.
func (c *Connection) onTimer() error {
	s := c.stream
	if s == nil || c.timeout <= 0 {
		return nil
	}
	if idle := s.Idle(); idle < c.timeout {
		c.armTimer(c.timeout - idle)
		return nil
	}
	if err := c.m.rt.Emit(c.obj, "timeout"); err != nil {
		return err
	}
	if c.stream == s {
		c.state = Closed
		s.Abort(netpoll.ErrIdleTimeout)
	}
	return nil
}

// setTimeout changes the idle timeout (ms; 0 or less: none).
func (c *Connection) setTimeout(ms float64) {
	c.timeout = time.Duration(ms * float64(time.Millisecond))
	if c.timeout <= 0 {
		c.timeout = 0
		if c.timer != nil {
			c.timer.Stop()
		}
		return
	}
	if c.stream != nil {
		c.armTimer(c.timeout)
	}
}

// setEncoding reads a 0.1.0 encoding name.
func (c *Connection) setEncoding(v goja.Value) {
	e, err := runtime.ParseEncoding(v, runtime.Raw)
	if err != nil {
		panic(c.m.rt.NewError("setEncoding(): " + err.Error()))
	}
	c.dec.SetEncoding(e)
}
