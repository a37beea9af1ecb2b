package http

import (
	"time"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/loop/netpoll"
	"earlynode/modules/http/wire"
	"earlynode/runtime"
)

// serverConn is one connection of a node.http server. The loop reads it, parses each read with
// the wire parser and acts on every event at once: a head becomes a `request`, body pieces
// `body` events; answers are queued in request order and written as they become ready.
type serverConn struct {
	srv     *Server
	m       *module
	stream  *netpoll.Stream
	obj     *goja.Object // the node.http.Connection object
	remote  string
	timeout time.Duration
	timer   *loop.Timer
	parser  *wire.Parser

	queue       []*response // responses in request order; the first one writes
	cur         *request    // the request whose body is arriving
	route       *routeCall  // a request going to a RouteHandler, its body arriving
	closing     bool        // serve no further request; close once the queue is written
	peerClosed  bool        // the client half-closed: close once the queue is written
	upgrade     *pendingUpgrade
	inBatch     bool // handling a read: writes are flushed at its end
	flushPosted bool
	failed      bool // bad input was answered: nothing more is read or answered
	dead        bool // closed, failed or handed over
	lingering   bool // reading only to throw away (see linger)
	wantClose   bool
	paused      bool        // reading paused: answers wait to be written (backpressure.go)
	held        []byte      // the rest of a read not parsed while paused
	resuming    bool        // resumeReading posted its turn
	spare       [][]byte    // output buffers of answered responses, for reuse
	written     []*response // answered responses whose buffers go back to spare
	scratch     []byte      // where pipelined answers are joined into one write

	clock requestClock // the deadlines of the request arriving (deadline.go)
}

// routeCall is a request for a RouteHandler whose body is still arriving.
type routeCall struct {
	h    RouteHandler
	head *wire.Head
	body []byte
	res  *response // its place in the queue
}

// pendingUpgrade is an upgrade waiting for the answers before it to be written.
type pendingUpgrade struct {
	h        UpgradeHandler
	head     *wire.Head
	buffered []byte
}

// defaultTimeout is a server connection's idle timeout unless its `timeout` property says
// otherwise (60 s, as node.tcp's).
const defaultTimeout = 60 * time.Second

// Pipelined requests beyond maxQueued waiting answers pause reading until the queue is down
// to resumeQueued.
const (
	maxQueued    = 32
	resumeQueued = 8
)

func (m *module) newServerConn(srv *Server, s *netpoll.Stream) (*serverConn, error) {
	sc := &serverConn{srv: srv, m: m, timeout: defaultTimeout, remote: s.RemoteIP(),
		parser: wire.NewRequestParser(wire.Limits{})}
	if err := s.Start(sc); err != nil {
		return nil, err
	}
	sc.stream = s
	sc.obj = m.newEmitterWith(m.connProto)
	connState.Set(m.rt, sc.obj, sc)
	return sc, nil
}

// start emits `connection` and starts the idle timer.
func (sc *serverConn) start() error {
	sc.armTimer(sc.timeout)
	sc.clock.begin(sc)
	if runtime.HasListeners(sc.srv.obj, "connection") {
		return sc.m.rt.Emit(sc.srv.obj, "connection", sc.obj)
	}
	return nil
}

// Data parses one read and acts on what it holds (netpoll.Handler).
func (sc *serverConn) Data(b []byte) error {
	if sc.dead || sc.lingering || sc.failed || sc.upgrade != nil {
		return nil
	}
	sc.clock.data(sc)
	sc.inBatch = true
	err := sc.parse(b)
	sc.inBatch = false
	if err != nil || sc.dead {
		return err
	}
	sc.flushSoon()
	return nil
}

// parse runs the parser over one read.
func (sc *serverConn) parse(data []byte) error {
	p := sc.parser
	for {
		ev, n, perr := p.Next(data)
		data = data[n:]
		if perr != nil {
			return sc.bad(perr)
		}
		var err error
		switch ev {
		case wire.EventNeedInput:
			return nil
		case wire.EventHead:
			sc.clock.head(sc)
			err = sc.head(p.Head())
		case wire.EventBody:
			switch {
			case sc.route != nil:
				if len(sc.route.body)+len(p.Body()) > MaxRouteBody {
					rc := sc.route
					sc.route = nil
					rc.res.out, _ = routeAnswer(rc.head, 413, nil, []byte("request body over the limit\n"), true)
					rc.res.finished = true
					sc.closing = true
					sc.lingerNow()
					return nil
				}
				sc.route.body = append(sc.route.body, p.Body()...)
			case sc.upgrade != nil:
				// An upgrade request's own body is not passed on.
			case sc.cur != nil:
				err = sc.cur.emitBody(p.Body())
			}
		case wire.EventComplete:
			sc.clock.complete(sc, len(data) > 0)
			switch {
			case sc.route != nil:
				sc.runRoute(sc.route)
				sc.route = nil
			case sc.upgrade != nil:
				// EventUpgrade follows.
			case sc.cur != nil:
				r := sc.cur
				sc.cur = nil
				err = r.complete()
			}
			if err == nil && sc.upgrade == nil && !sc.dead && !sc.failed && !sc.lingering && sc.betweenRequests(data) {
				return nil
			}
		case wire.EventUpgrade:
			if u := sc.upgrade; u != nil {
				u.buffered = append([]byte(nil), data...)
				sc.closing = true
				sc.stream.Pause()
				return nil
			}
			p.Resume() // nobody took the upgrade: it was answered as a plain request
		}
		if err != nil || sc.dead || sc.failed || sc.lingering {
			return err
		}
	}
}

// head handles a request head: a Go route, an upgrade, or a `request` for JavaScript.
func (sc *serverConn) head(ph *wire.Head) error {
	if sc.closing {
		return nil
	}
	if table := sc.srv.hooks.load(); table != nil {
		if ph.Upgrade {
			if u := table.upgrade(ph.Target); u != nil {
				h := new(wire.Head)
				*h = *ph
				sc.upgrade = &pendingUpgrade{h: u, head: h}
				return nil
			}
		}
		if r := table.route(ph.Target); r != nil {
			h := new(wire.Head)
			*h = *ph
			res := &response{sc: sc, keepAlive: h.KeepAlive}
			sc.queue = append(sc.queue, res)
			sc.route = &routeCall{h: r, head: h, res: res}
			return nil
		}
	}
	return sc.request(ph)
}

// runRoute calls a RouteHandler off the loop; its answer takes the place kept in the queue.
func (sc *serverConn) runRoute(rc *routeCall) {
	sc.m.rt.Loop.Go(func() loop.Callback {
		out, keep := callRoute(rc.h, rc.head, rc.body)
		return func() error {
			res := rc.res
			if res.aborted || sc.dead {
				return nil
			}
			res.out, res.keepAlive, res.finished = out, keep, true
			sc.flush()
			return nil
		}
	})
}

// EOF handles the client's half-close (netpoll.Handler): answer what was asked, then close.
func (sc *serverConn) EOF() error {
	if sc.dead {
		return nil
	}
	sc.peerClosed = true
	if sc.lingering {
		sc.lingerDone()
		return nil
	}
	if !sc.failed && sc.upgrade == nil {
		if _, ferr := sc.parser.Finish(); ferr != nil {
			if err := sc.bad(ferr); err != nil {
				return err
			}
		}
	}
	sc.flush()
	return nil
}

// End runs once the socket is closed (netpoll.Handler).
func (sc *serverConn) End(err error) error { return sc.ended(err) }

// lingerTime bounds how long a connection closed for bad input is read (and the bytes thrown
// away) before it is closed.
const lingerTime = 2 * time.Second

// lingerNow stops serving: what the client still sends is read and thrown away until it
// half-closes or lingerTime passes, so that closing does not reset the connection (a reset
// can destroy the error answer before the client reads it).
func (sc *serverConn) lingerNow() {
	if sc.lingering {
		return
	}
	sc.lingering = true
	if sc.paused {
		sc.paused = false
		sc.stream.Resume()
	}
	t := sc.m.rt.Loop.SetTimer(lingerTime, func() error {
		sc.lingerDone()
		return nil
	})
	t.Unref()
}

// lingerDone ends the lingering: the connection closes once its answers are out.
func (sc *serverConn) lingerDone() {
	sc.lingering = false
	sc.peerClosed = true
	if sc.wantClose && !sc.dead {
		sc.stream.Close()
	}
}

// request emits `request` for a new request head (which the parser reuses afterwards).
func (sc *serverConn) request(h *wire.Head) error {
	req := sc.m.newRequest(sc, h)
	sc.cur = req
	res := sc.newResponse(h)
	if h.Upgrade && !runtime.HasListeners(sc.srv.obj, "request") {
		// Nobody can take this upgrade, and nobody answers plain requests either.
		res.abort()
		sc.cur = nil
		req.open = false
		sc.answerError(&wire.Error{Kind: wire.ErrBadRequestLine, Status: 400, Msg: "nobody serves upgrades to " + h.Target})
		return nil
	}
	return sc.m.rt.Emit(sc.srv.obj, "request", req.obj, res.obj)
}

// bad answers input that broke HTTP with its status (400, 431, 505) and closes after the
// responses before it. The request whose body was arriving gets an `error` and its response
// is dropped.
func (sc *serverConn) bad(perr error) error {
	if sc.failed {
		return nil
	}
	msg := perr.Error()
	if r := sc.cur; r != nil {
		sc.cur = nil
		r.open = false
		if res := r.res; res != nil && !res.finished {
			if res.written {
				// Part of its answer is out: no 400 can follow it on this connection.
				sc.failed = true
				res.abort()
				sc.closing = true
				sc.lingerNow()
				return sc.emitError(r.obj, msg)
			}
			res.abort()
		}
		if err := sc.emitError(r.obj, msg); err != nil {
			return err
		}
	}
	if err := sc.emitError(sc.obj, msg); err != nil {
		return err
	}
	sc.answerError(perr)
	return nil
}

// answerError queues the error answer, stops serving requests and lingers.
func (sc *serverConn) answerError(perr error) {
	if sc.failed {
		return
	}
	sc.failed = true
	sc.queue = append(sc.queue, &response{sc: sc, finished: true, out: wire.AppendErrorResponse(nil, perr), errorAnswer: true})
	sc.closing = true
	sc.lingerNow()
}

// emitError emits `error` with an Error naming what failed, when someone listens.
func (sc *serverConn) emitError(obj *goja.Object, msg string) error {
	if !runtime.HasListeners(obj, "error") {
		return nil
	}
	return sc.m.rt.Emit(obj, "error", sc.m.errorValue(msg))
}

// flush writes the queue's front in order: every finished response and what the first
// unfinished one has so far. Once the queue is empty, a pending upgrade is handed over or a
// connection that should end is closed.
func (sc *serverConn) flush() {
	// Everything ready goes out in one write: pipelined answers share a syscall.
	var out []byte
	pieces := 0
	for len(sc.queue) > 0 {
		r := sc.queue[0]
		if len(r.out) > 0 {
			if pieces == 0 {
				out = r.out
			} else {
				if pieces == 1 {
					out = append(sc.scratch[:0], out...)
				}
				out = append(out, r.out...)
			}
			pieces++
			r.written = true
			sc.written = append(sc.written, r)
		}
		if !r.finished {
			break
		}
		sc.queue[0] = nil
		sc.queue = sc.queue[1:]
		if !r.keepAlive {
			sc.closing = true
			sc.drop()
		}
	}
	if pieces > 0 {
		sc.stream.Write(out)
		if pieces > 1 {
			sc.scratch = out[:0]
		}
	}
	// The buffers written are free again (the stream copied what it could not write).
	for i, r := range sc.written {
		sc.written[i] = nil
		switch {
		case !r.finished:
			r.out = r.out[:0]
		case cap(r.out) <= 64<<10 && r.obj != nil && len(sc.spare) < 16:
			sc.spare = append(sc.spare, r.out[:0])
			r.out = nil
		default:
			r.out = nil
		}
	}
	sc.written = sc.written[:0]
	sc.resumeReading()
	if len(sc.queue) > 0 {
		return
	}
	switch {
	case sc.upgrade != nil:
		sc.handOver()
	case sc.closing || sc.peerClosed:
		sc.closeNow()
	}
}

// dirty asks for a flush at the end of this turn of the loop (writes made in a batch are
// flushed at its end anyway).
func (sc *serverConn) dirty() {
	if !sc.inBatch {
		sc.flushSoon()
	}
}

// flushSoon has the connection's answers written once the callbacks of this turn have run,
// together with those of every other connection answered in the turn (flushTurn).
func (sc *serverConn) flushSoon() {
	if sc.flushPosted || sc.dead {
		return
	}
	sc.flushPosted = true
	m := sc.m
	m.toFlush = append(m.toFlush, sc)
	if len(m.toFlush) == 1 {
		m.rt.Post(m.flushTurn)
	}
}

// flushTurn writes the answers made in a turn of the loop, connection by connection, after all
// of that turn's reads have been served rather than after each: the client (wrk, a browser)
// is woken once for the turn's answers instead of once for each, and reads them in one go.
// Reading stops on a connection whose client is not taking its answers (backpressure.go).
func (m *module) flushTurn() error {
	list := m.toFlush
	m.toFlush = m.flushSpare[:0]
	for i, sc := range list {
		list[i] = nil
		sc.flushPosted = false
		if sc.dead {
			continue
		}
		sc.flush()
		if !sc.dead && sc.backedUp() {
			sc.pauseReading()
		}
	}
	m.flushSpare = list[:0]
	return nil
}

// drop forgets the responses still queued (the connection is closing before them).
func (sc *serverConn) drop() {
	for _, r := range sc.queue {
		r.abort()
	}
	sc.queue = nil
}

// closeNow closes the connection once what was written is sent. While lingering it only
// half-closes; lingerDone closes.
func (sc *serverConn) closeNow() {
	if sc.dead || sc.wantClose {
		return
	}
	sc.closing = true
	sc.wantClose = true
	if sc.lingering {
		sc.stream.CloseWrite()
		return
	}
	sc.stream.Close()
}

// handOver gives the stream to the UpgradeHandler that asked for it, on the loop. An error it
// returns (JavaScript threw) is returned by the next callback, as flush cannot return it.
func (sc *serverConn) handOver() {
	u := sc.upgrade
	sc.upgrade = nil
	sc.dead = true
	sc.clock.stop()
	if sc.timer != nil {
		sc.timer.Stop()
	}
	delete(sc.srv.conns, sc)
	if err := u.h(sc.stream, u.head, u.buffered); err != nil {
		sc.m.rt.Post(func() error { return err })
	}
}

// ended runs on the loop once the socket is closed: pending requests and responses are
// forgotten and the connection object emits `disconnect(had_error)`.
func (sc *serverConn) ended(err error) error {
	sc.dead = true
	sc.clock.stop()
	delete(sc.srv.conns, sc)
	if sc.timer != nil {
		sc.timer.Stop()
	}
	sc.drop()
	if r := sc.cur; r != nil {
		sc.cur = nil
		r.open = false
	}
	if rerr := sc.reportWriteLimit(err); rerr != nil {
		return rerr
	}
	if !runtime.HasListeners(sc.obj, "disconnect") {
		return nil
	}
	return sc.m.rt.Emit(sc.obj, "disconnect", sc.m.rt.VM.ToValue(err != nil))
}

// armTimer (re)starts the idle timer.
func (sc *serverConn) armTimer(d time.Duration) {
	if sc.timer != nil {
		sc.timer.Stop()
	}
	if sc.timeout <= 0 || sc.dead {
		return
	}
	if sc.timer == nil {
		sc.timer = sc.m.rt.Loop.SetTimer(d, sc.onTimer)
		sc.timer.Unref()
		return
	}
	sc.timer.Reset(d)
}

// onTimer drops a connection idle for its whole timeout (a client that never finishes its
// request, a keep-alive connection nobody uses): `timeout` is emitted, then `disconnect(true)`.
func (sc *serverConn) onTimer() error {
	if sc.dead || sc.timeout <= 0 {
		return nil
	}
	if idle := sc.stream.Idle(); idle < sc.timeout {
		sc.armTimer(sc.timeout - idle)
		return nil
	}
	if runtime.HasListeners(sc.obj, "timeout") {
		if err := sc.m.rt.Emit(sc.obj, "timeout"); err != nil {
			return err
		}
	}
	sc.stream.Abort(netpoll.ErrIdleTimeout)
	return nil
}
