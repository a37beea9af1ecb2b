package http

import (
	"io"
	"net"
	"time"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/modules/http/wire"
	"earlynode/modules/tcp"
)

// evKind is what happened on a server connection, as its reader goroutine tells the loop.
type evKind uint8

const (
	evHead     evKind = iota // a request head: emit `request`
	evBody                   // a piece of the current request's body
	evComplete               // the current request is complete
	evRouted                 // a RouteHandler's answer, ready to write
	evBad                    // the input broke HTTP: answer with the error's status and close
	evEOF                    // the client half-closed (err: inside a message)
	evUpgrade                // hand the connection to an UpgradeHandler
)

// event is one thing a read brought. body points into the batch's buffer for evBody; it is the
// whole answer for evRouted and a copy of the bytes after the head for evUpgrade.
type event struct {
	kind      evKind
	head      *wire.Head
	body      []byte
	err       error
	keepAlive bool
	upgrade   UpgradeHandler
}

// batch is the events of one read, posted to the loop together with the read's buffer.
type batch struct {
	events  []event
	buf     *tcp.Buffer
	lingers bool // the reader lingers after this batch (see serverConn.linger)
}

// serverConn is one connection of a node.http server. Its reader goroutine parses; everything
// else runs on the loop.
type serverConn struct {
	srv     *Server
	m       *module
	stream  *tcp.Stream
	handle  *loop.Handle
	obj     *goja.Object // the node.http.Connection object
	remote  string
	timeout time.Duration
	timer   *loop.Timer

	queue       []*response // responses in request order; the first one writes
	cur         *request    // the request whose body is arriving
	closing     bool        // serve no further request; close once the queue is written
	peerClosed  bool        // the client half-closed: close once the queue is written
	upgrade     *event      // an upgrade waiting for the queue to be written
	inBatch     bool        // processing a batch: writes are flushed at its end
	flushPosted bool
	failed      bool // bad input was answered: nothing more is read or answered
	dead        bool // closed, failed or handed over
	lingers     bool // the reader stopped at input it will not serve and lingers (see linger)
	lingerDone  bool
	wantClose   bool
	spare       []byte
}

func (m *module) newServerConn(srv *Server, c *net.TCPConn) *serverConn {
	sc := &serverConn{srv: srv, m: m, timeout: tcp.DefaultTimeout, remote: tcp.RemoteAddress(c)}
	h := m.rt.Loop.NewHandle()
	sc.handle = h
	sc.stream = tcp.NewStream(c, func(err error) {
		h.Close(func() error { return sc.ended(err) })
	})
	sc.obj = m.newEmitterWith(m.connProto)
	sc.obj.SetSymbol(symConn, m.rt.VM.ToValue(sc))
	return sc
}

// start emits `connection` and starts the reader goroutine and the idle timer.
func (sc *serverConn) start() error {
	sc.armTimer(sc.timeout)
	go sc.read()
	if hasListeners(sc.srv.obj, "connection") {
		return sc.m.rt.Emit(sc.srv.obj, "connection", sc.obj)
	}
	return nil
}

// readState is what the reader goroutine remembers between reads about a request it does not
// pass to JavaScript: one for a RouteHandler, or one being upgraded.
type readState struct {
	route     RouteHandler
	routeHead *wire.Head
	routeBody []byte
	up        UpgradeHandler
	upHead    *wire.Head
}

// read is the reader goroutine: each read is parsed and its events posted as one batch.
func (sc *serverConn) read() {
	s := sc.stream
	p := wire.NewRequestParser(wire.Limits{})
	var rs readState
	for {
		b, err := s.Read()
		if b == nil {
			if err != io.EOF {
				if !s.Closed() {
					s.Abort(err)
				}
				return
			}
			_, ferr := p.Finish()
			sc.post(&batch{events: []event{{kind: evEOF, err: ferr}}})
			return
		}
		bt := &batch{buf: b}
		stop := sc.parse(p, &rs, b.Bytes(), bt)
		bt.lingers = stop == stopLinger
		sc.post(bt)
		switch stop {
		case stopLinger:
			sc.linger()
			return
		case stopHandOver:
			return
		}
	}
}

// lingerTime bounds how long a connection closed for bad input is read (and the bytes thrown
// away) before it is closed.
const lingerTime = 2 * time.Second

// linger reads and discards what the client still sends after input that will not be served,
// until it half-closes or lingerTime passes, so that closing does not reset the connection
// (a reset can destroy the error answer before the client reads it). Then the loop closes it.
func (sc *serverConn) linger() {
	s := sc.stream
	s.Conn().SetReadDeadline(time.Now().Add(lingerTime))
	for {
		b, err := s.Read()
		if b == nil {
			_ = err
			break
		}
		b.Release()
	}
	sc.handle.Post(func() error {
		sc.lingerDone = true
		if sc.wantClose && !sc.dead {
			sc.stream.Close()
		}
		return nil
	})
}

func (sc *serverConn) post(bt *batch) {
	sc.handle.Post(func() error { return sc.process(bt) })
	sc.stream.Posted()
}

// stopReason says why the reader stops reading HTTP.
type stopReason uint8

const (
	keepReading  stopReason = iota
	stopLinger              // bad input or an answer that closes: discard the rest, then close
	stopHandOver            // an upgrade: the connection belongs to its new owner
)

// parse runs the parser over one read, appending events to bt. It reports whether reading
// must stop.
func (sc *serverConn) parse(p *wire.Parser, rs *readState, data []byte, bt *batch) stopReason {
	for {
		ev, n, err := p.Next(data)
		data = data[n:]
		if err != nil {
			if rs.route != nil || rs.up != nil {
				rs.route, rs.up = nil, nil
			}
			bt.events = append(bt.events, event{kind: evBad, err: err})
			return stopLinger
		}
		switch ev {
		case wire.EventNeedInput:
			return keepReading
		case wire.EventHead:
			h := new(wire.Head)
			*h = *p.Head()
			table := sc.srv.hooks.load()
			if h.Upgrade {
				if u := table.upgrade(h.Target); u != nil {
					rs.up, rs.upHead = u, h
					continue
				}
			}
			if r := table.route(h.Target); r != nil {
				rs.route, rs.routeHead, rs.routeBody = r, h, nil
				continue
			}
			bt.events = append(bt.events, event{kind: evHead, head: h})
		case wire.EventBody:
			switch {
			case rs.route != nil:
				if len(rs.routeBody)+len(p.Body()) > MaxRouteBody {
					out, _ := routeAnswer(rs.routeHead, 413, nil, []byte("request body over the limit\n"), true)
					bt.events = append(bt.events, event{kind: evRouted, body: out})
					rs.route = nil
					return stopLinger
				}
				rs.routeBody = append(rs.routeBody, p.Body()...)
			case rs.up != nil:
				// An upgrade request's own body is not passed on.
			default:
				bt.events = append(bt.events, event{kind: evBody, body: p.Body()})
			}
		case wire.EventComplete:
			switch {
			case rs.route != nil:
				out, keep := runRoute(rs.route, rs.routeHead, rs.routeBody)
				bt.events = append(bt.events, event{kind: evRouted, body: out, keepAlive: keep})
				rs.route, rs.routeHead, rs.routeBody = nil, nil, nil
				if !keep {
					return stopLinger
				}
			case rs.up != nil:
				// EventUpgrade follows.
			default:
				bt.events = append(bt.events, event{kind: evComplete})
			}
		case wire.EventUpgrade:
			if rs.up != nil {
				bt.events = append(bt.events, event{kind: evUpgrade, head: rs.upHead, upgrade: rs.up,
					body: append([]byte(nil), data...)})
				return stopHandOver
			}
			p.Resume() // nobody took the upgrade: it was answered as a plain request
		}
	}
}

// process handles a batch on the loop.
func (sc *serverConn) process(bt *batch) (err error) {
	sc.inBatch = true
	if bt.lingers {
		sc.lingers = true
	}
	defer func() {
		sc.inBatch = false
		if bt.buf != nil {
			bt.buf.Release()
		}
		sc.stream.Consumed()
	}()
	for i := range bt.events {
		if sc.dead {
			return nil
		}
		ev := &bt.events[i]
		switch ev.kind {
		case evHead:
			if !sc.closing {
				err = sc.request(ev.head)
			}
		case evBody:
			if r := sc.cur; r != nil {
				err = r.emitBody(ev.body)
			}
		case evComplete:
			if r := sc.cur; r != nil {
				sc.cur = nil
				err = r.complete()
			}
		case evRouted:
			if !sc.closing {
				sc.queue = append(sc.queue, &response{sc: sc, finished: true, out: ev.body, keepAlive: ev.keepAlive})
			}
		case evBad:
			err = sc.bad(ev.err)
		case evEOF:
			sc.peerClosed = true
			if ev.err != nil {
				err = sc.bad(ev.err)
			}
		case evUpgrade:
			if !sc.closing {
				u := *ev
				sc.upgrade = &u
				sc.closing = true
			}
		}
		if err != nil {
			return err
		}
	}
	if !sc.dead {
		sc.flush()
	}
	return nil
}

// request emits `request` for a new request head.
func (sc *serverConn) request(h *wire.Head) error {
	req := sc.m.newRequest(sc, h)
	sc.cur = req
	res := sc.newResponse(h)
	if h.Upgrade && !hasListeners(sc.srv.obj, "request") {
		// Nobody can take this upgrade, and nobody answers plain requests either.
		res.abort()
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
		delete(sc.m.requests, r.obj)
		if res := r.res; res != nil && !res.finished {
			if res.written {
				// Part of its answer is out: no 400 can follow it on this connection.
				sc.failed = true
				res.abort()
				sc.closing = true
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

// answerError queues the error answer and stops serving requests.
func (sc *serverConn) answerError(perr error) {
	if sc.failed {
		return
	}
	sc.failed = true
	sc.queue = append(sc.queue, &response{sc: sc, finished: true, out: wire.AppendErrorResponse(nil, perr), errorAnswer: true})
	sc.closing = true
}

// emitError emits `error` with an Error naming what failed, when someone listens.
func (sc *serverConn) emitError(obj *goja.Object, msg string) error {
	if !hasListeners(obj, "error") {
		return nil
	}
	return sc.m.rt.Emit(obj, "error", sc.m.errorValue(msg))
}

// flush writes the queue's front in order: every finished response and what the first
// unfinished one has so far. Once the queue is empty, a pending upgrade is handed over or a
// connection that should end is closed.
func (sc *serverConn) flush() {
	for len(sc.queue) > 0 {
		r := sc.queue[0]
		if len(r.out) > 0 {
			sc.stream.Write(r.out)
			r.out = r.out[:0]
			r.written = true
		}
		if !r.finished {
			return
		}
		sc.queue[0] = nil
		sc.queue = sc.queue[1:]
		if cap(r.out) > 0 && cap(r.out) <= 64<<10 && !r.errorAnswer {
			sc.spare = r.out[:0]
		}
		if !r.keepAlive {
			sc.closing = true
			sc.drop()
			break
		}
	}
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
	if sc.inBatch || sc.flushPosted || sc.dead {
		return
	}
	sc.flushPosted = true
	sc.m.rt.Post(func() error {
		sc.flushPosted = false
		if !sc.dead {
			sc.flush()
		}
		return nil
	})
}

// drop forgets the responses still queued (the connection is closing before them).
func (sc *serverConn) drop() {
	for _, r := range sc.queue {
		r.abort()
	}
	sc.queue = nil
}

// closeNow closes the connection once what was written is sent. After bad input it only
// half-closes until the reader has finished lingering.
func (sc *serverConn) closeNow() {
	if sc.dead || sc.wantClose {
		return
	}
	sc.closing = true
	sc.wantClose = true
	if sc.lingers && !sc.lingerDone {
		sc.stream.CloseWrite()
		return
	}
	sc.stream.Close()
}

// handOver gives the connection to the UpgradeHandler that asked for it.
func (sc *serverConn) handOver() {
	u := sc.upgrade
	sc.upgrade = nil
	sc.dead = true
	if sc.timer != nil {
		sc.timer.Stop()
	}
	sc.stream.Detach(func(c net.Conn) { u.upgrade(c, u.head, u.body) })
	sc.handle.Close(nil)
	delete(sc.srv.conns, sc)
}

// ended runs on the loop once the socket is closed: pending requests and responses are
// forgotten and the connection object emits `disconnect(had_error)`.
func (sc *serverConn) ended(err error) error {
	sc.dead = true
	delete(sc.srv.conns, sc)
	if sc.timer != nil {
		sc.timer.Stop()
	}
	sc.drop()
	if r := sc.cur; r != nil {
		sc.cur = nil
		delete(sc.m.requests, r.obj)
	}
	if !hasListeners(sc.obj, "disconnect") {
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
	if hasListeners(sc.obj, "timeout") {
		if err := sc.m.rt.Emit(sc.obj, "timeout"); err != nil {
			return err
		}
	}
	sc.stream.Abort(tcp.ErrTimeout)
	return nil
}
